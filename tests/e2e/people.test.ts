// 人员管理 in the preview: a city-wide supervisor (switched to in the development panel) opens the console,
// gives a new officer a role in one district, and that officer's console then opens to its queue.
import type { Page } from 'playwright-core';
import { switchIdentity } from './flows';
import { current, eventually, expectVisible, navTitle, screenshot, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(120_000);

const session = useSession('2026-09-01T09:00:00+08:00', 0);
let page: Page;
beforeAll(() => {
  ({ page } = session);
});

test('a supervisor gives a new officer a role, which the officer can then use', async () => {
  await switchIdentity(page, '主管（全市）');
  await current(page).getByText('工作人员审核台', { exact: true }).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toMatch(/审核/));
  await tapButton(page, '人员管理');
  await eventually(async () => expect(await navTitle(page).textContent()).toBe('人员管理'));
  await expectVisible(current(page).getByText('当前登录：陈立（警号 CS00001） · 全市 · 主管'));

  await current(page).locator('[class*="field-openid"] input').fill('dev-resident-2');
  await current(page).locator('[class*="field-name"] input').fill('赵新');
  await current(page).locator('[class*="field-badge"] input').fill('CS09999');
  await current(page).locator('[class$="--district"]', { hasText: '岳麓区' }).click();
  await screenshot(page, 'staff-people.png');
  await tapButton(page, '授予权限');
  await expectVisible(current(page).getByText('已授权：赵新（警号 CS09999） · 岳麓区'));
  await screenshot(page, 'staff-people-granted.png');

  // 居民二 is now the officer of 岳麓区: the console opens to its (empty) queue.
  await switchIdentity(page, '居民二');
  await current(page).getByText('工作人员审核台', { exact: true }).click();
  await expectVisible(current(page).getByText('没有符合条件的办件'));
});
