// A declaration through a correction round to approval in the preview: the resident declares, an
// officer (switched to in the development panel) asks for a correction, the resident fixes it, the
// officer approves, and the resident's home then shows the six-month date as settled.
import type { Page } from 'playwright-core';
import { MOVED_NOTE } from '../../miniprogram/pages/home/model';
import { confirmModal, declare, fieldOf, openInQueue, openMine, pick, switchIdentity, typeInto, upload, uploadEach, uploadsDone } from './flows';
import { current, eventually, expectVisible, navTitle, screenshot, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(180_000);

const session = useSession('2026-09-01T09:00:00+08:00', 1);
let page: Page;
let photo: string;
beforeAll(() => {
  ({ page } = session);
  [photo] = session.photos;
});

test('a declaration goes through a correction round to approval', async () => {
  // The resident declares.
  await declare(page, photo);

  // The officer sees it, with the full ID number, and asks for two corrections at once.
  await openInQueue(page, 'staff-queue.png');
  await tapButton(page, '要求补正');
  await current(page).locator('[class*="check-applicant-mobile"]').getByText('手机号码').click();
  await current(page).locator('[class*="message-applicant-mobile"] textarea').fill('手机号码无法接通，请核对');
  await current(page).locator('[class*="check-materials-proofs"]').getByText('居住地址证明').click();
  await current(page).locator('[class*="message-materials-proofs"] textarea').fill('租赁合同缺少签字页');
  await screenshot(page, 'staff-correction.png');
  await tapButton(page, /发送补正通知/);
  await confirmModal(page, '发送');
  await expectVisible(current(page).getByText('待申请人补正').first());

  // The resident fixes exactly those and resubmits.
  await switchIdentity(page, '居民一');
  await openMine(page);
  // The row that waits for the resident: its status tag says 待补正.
  await current(page).locator('[class*="application"]', { hasText: '待补正' }).first().click();
  await expectVisible(current(page).getByText('需要补正的事项（共 2 项）'));
  await tapButton(page, '去补正');
  await expectVisible(current(page).getByText('审核民警要求补正以下 2 项'));
  const mobile = current(page).locator('[class*="row-applicant_mobile"] input');
  await mobile.fill('');
  await mobile.click();
  await page.keyboard.type('13900139000');
  // The proof already submitted is kept; the missing page goes beside it.
  await uploadsDone(page, 1);
  await upload(page, 'proofs', [photo]);
  await uploadsDone(page, 2);
  await screenshot(page, 'correction.png');
  await tapButton(page, '提交补正');
  await confirmModal(page, '确定');
  await expectVisible(current(page).getByText('已重新提交').first());

  // The officer approves.
  await openInQueue(page);
  await tapButton(page, '通过');
  await confirmModal(page, '通过');
  await expectVisible(current(page).getByText('已通过').first());
  await screenshot(page, 'staff-approved.png');

  // The resident's home shows the settled six-month date.
  await switchIdentity(page, '居民一');
  await expectVisible(current(page).getByText('已通过'));
  await expectVisible(current(page).getByText('2027年3月1日'));
  expect(await current(page).getByText('暂定，申报审核通过后确定').count()).toBe(0);
  await screenshot(page, 'home-approved.png');

  // The development panel's outbox holds each decision's message, newest first, as the person would read it.
  const outbox = page.locator('#dev-outbox');
  await expectVisible(outbox.getByText('审核通过').first());
  const notices = await outbox.locator('li').allInnerTexts();
  expect(notices[0]).toContain('审核通过');
  expect(notices.some((text) => text.includes('需要补正'))).toBe(true);

  // The clock walks to 09:00 of the next day, where the daily run is due, and the scheduler runs on demand.
  await page.locator('#dev-clock-next-day').click();
  await expectVisible(page.locator('#dev-clock-now', { hasText: '2026-09-02 09:00' }));
  await page.locator('#dev-scheduler-run').click();
  await expectVisible(page.locator('#dev-scheduler-result', { hasText: '新建' }));

  // To the next date something is due: the permit opens six months after the declaration.
  await page.locator('#dev-clock-next-notice').click();
  await expectVisible(page.locator('#dev-clock-now', { hasText: '2027-03-01 09:00' }), 60_000);
  await expectVisible(outbox.locator('li').first().getByText('可申领居住证'));
});

test('after a move, the resident declares again from the approved declaration', async () => {
  await switchIdentity(page, '居民一');
  await expectVisible(current(page).getByText(MOVED_NOTE));
  // The entry under 办理事项, not the status row of the same name.
  await current(page).locator('[class*="van-cell__title"]', { hasText: MOVED_NOTE }).first().click();
  await eventually(async () => expect(await navTitle(page).textContent()).toBe('居住信息申报'));
  // The face check is of the person already declared: nothing to type.
  await expectVisible(current(page).getByText('开始人脸识别验证'));
  expect(await current(page).getByPlaceholder('与身份证一致').count()).toBe(0);
  await current(page).getByText('我同意将本人的姓名和公民身份号码用于人脸识别验证').click();
  await tapButton(page, '开始人脸识别验证');
  await page.locator('.wx-action-sheet').getByText('模拟：本人验证通过').click();
  await current(page)
    .getByText(/我已阅读并同意/)
    .click();
  await tapButton(page, '同意，开始申请');
  await expectVisible(current(page).getByText('与已通过的申报一致，不用再填'));
  await expectVisible(current(page).getByText('430104********100X'));
  // The mobile number typed in the correction comes along; the new home is typed.
  await eventually(async () => expect(await fieldOf(page, 'mobile').inputValue()).toBe('13900139000'));
  await pick(page, 'district');
  await typeInto(page, 'street', '东风路街道');
  await typeInto(page, 'address', '东风小区2栋502');
  await pick(page, 'since');
  await current(page).getByText('租赁房屋', { exact: true }).click();
  await screenshot(page, 'declaration-after-move.png');
  await tapButton(page, '下一步');
  await uploadEach(page, ['idFront', 'proofs'], photo);
  await expectVisible(current(page).getByText('东风小区2栋502'));
  await tapButton(page, '确认提交');
  await expectVisible(current(page).getByText('申报已提交'));
  // The permit's date still counts from the first approved declaration.
  await expectVisible(current(page).getByText('2027年3月1日'));
});

test('nothing failed in the page', () => {
  expect(session.browser.errors).toEqual([]);
});
