// Every page of the mini-program, resident and staff, in normal mode and in 关怀模式, on a 375 px and a
// 320 px phone: the self-check and the guide, a declaration from the first screen to its result, 我的办件 and the detail, the
// officer's queue, review and correction request, the resident's correction, and 人员管理 — each
// screen checked for contrast, accessible names, touch targets and nothing cut off, and saved under
// screenshots/pages/<mode>-<width>/.
import type { Page } from 'playwright-core';
import { MODES, audit, type Audit } from './audit';
import { controlsInTree } from './a11y';
import { fillForm, openDeclaration, openInQueue, openMine, switchIdentity, upload, uploadsDone } from './flows';
import { current, eventually, expectVisible, navTitle, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(240_000);

const CASES = MODES.flatMap((mode) => [375, 320].map((width) => [mode.name, width, mode] as const));

describe.each(CASES)('%s mode at %d px', (_name, width, mode) => {
  const session = useSession('2026-09-01T09:00:00+08:00', 1, { width });
  let page: Page;
  let photo: string;
  let screens: Audit;
  beforeAll(() => {
    ({ page } = session);
    [photo] = session.photos;
    screens = audit(page, mode, width);
  });

  const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

  test('the home page offers 关怀模式 as a named switch, and remembers it', async () => {
    await expectVisible(current(page).getByText('尚未申报居住信息'));
    expect(await controlsInTree(page)).toContainEqual({ role: 'switch', name: '关怀模式，大字体、高对比', checked: 'false' });
    expect(await rootFontSize()).toBe('16px');
    if (mode.care) {
      await current(page).locator('[class*="care-switch"]').first().click();
      await eventually(async () => expect(await rootFontSize()).toBe('22px'));
      expect(await controlsInTree(page)).toContainEqual({ role: 'switch', name: '关怀模式，大字体、高对比', checked: 'true' });
      // Remembered: the app started again opens in large text.
      await page.reload();
      await expectVisible(current(page).getByText('尚未申报居住信息'));
      await eventually(async () => expect(await rootFontSize()).toBe('22px'));
    }
    await screens.look('home');
  });

  test('the self-check leads to the declaration, and the guide shows how to photograph', async () => {
    await current(page).locator('[class*="self-check-link"]').first().click();
    await eventually(async () => expect(await navTitle(page).textContent()).toBe('申领条件自测'));
    await screens.look('self-check');
    for (const answer of ['否', '否', '有，符合其中一项', '还没有申报']) await tapButton(page, answer);
    await expectVisible(current(page).getByText('您需要先办理：居住信息申报'));
    await screens.look('self-check-outcome');
    await page.locator('.wx-nav-bar__back').click();
    await current(page).locator('[class*="guide-link"]').first().click();
    await eventually(async () => expect(await navTitle(page).textContent()).toBe('办事指南'));
    await expectVisible(current(page).getByText('会被退回：边角没拍全'));
    await screens.look('guide');
    await page.locator('.wx-nav-bar__back').click();
    await expectVisible(current(page).getByText('我的居住状态'));
  });

  test('a declaration, screen by screen', async () => {
    await openDeclaration(page);
    await screens.look('apply-identity');
    await current(page).getByPlaceholder('与身份证一致').fill('李晓梅');
    await current(page).getByPlaceholder('18 位，末位可为 X').fill('43010419900307100x');
    // Leaving the field checks it, which may move what is below: tap the consent once that has settled.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    await current(page).getByText('我同意将本人的姓名和公民身份号码用于人脸识别验证').click();
    await tapButton(page, '开始人脸识别验证');
    await expectVisible(page.locator('.wx-action-sheet').getByText('模拟：本人验证通过'));
    await screens.look('apply-face-check', { overlay: true });
    await page.locator('.wx-action-sheet').getByText('模拟：本人验证通过').click();
    await expectVisible(current(page).getByText(/我已阅读并同意/));
    await screens.look('apply-notice');
    await current(page)
      .getByText(/我已阅读并同意/)
      .click();
    await tapButton(page, '同意，开始申请');
    await expectVisible(current(page).getByText('申请人信息'));
    await tapButton(page, '下一步');
    await expectVisible(current(page).getByText('请选择住所类型'));
    // Errors are read out as alerts, each naming its field.
    await expectVisible(current(page).locator('[role="alert"]', { hasText: '请选择住所类型' }));
    await screens.look('apply-form-errors');
    await fillForm(page);
    await screens.look('apply-form');
    await tapButton(page, '下一步');
    await expectVisible(current(page).getByText('身份证人像面照片'));
    await upload(page, 'idFront', [photo]);
    await upload(page, 'proofs', [photo]);
    await uploadsDone(page, 2);
    await screens.look('apply-uploads');
    await tapButton(page, '下一步');
    await expectVisible(current(page).getByText('43010419900307100X'));
    await screens.look('apply-confirm');
    await tapButton(page, '确认提交');
    await expectVisible(current(page).getByText('申报已提交'));
    await screens.look('apply-done');
    await tapButton(page, '查看办件');
    await eventually(async () => expect(await navTitle(page).textContent()).toBe('办件详情'));
    await expectVisible(current(page).getByText('审核中'));
    await screens.look('application');
    await page.locator('.wx-nav-bar__back').click();
    await expectVisible(current(page).getByText('我的居住状态'));
    await openMine(page);
    await screens.look('applications');
  });

  test('the officer reviews it and asks for a correction; the resident corrects it', async () => {
    await openInQueue(page);
    await page.locator('.wx-nav-bar__back').click();
    await expectVisible(current(page).getByText('李晓梅').first());
    await screens.look('staff-queue');
    await current(page).getByText('李晓梅').first().click();
    await expectVisible(current(page).getByText('43010419900307100X'));
    await screens.look('staff-review');
    await tapButton(page, '要求补正');
    await current(page).locator('[class*="check-applicant-mobile"]').getByText('手机号码').click();
    await current(page).locator('[class*="message-applicant-mobile"] textarea').fill('手机号码无法接通，请核对');
    await screens.look('staff-correction');
    await tapButton(page, /发送补正通知/);
    await expectVisible(page.locator('.wx-modal'));
    await screens.look('staff-correction-confirm', { overlay: true });
    await page.locator('.wx-modal .wx-modal__confirm').click();
    await expectVisible(current(page).getByText('待申请人补正').first());

    await switchIdentity(page, '居民一');
    await openMine(page);
    await current(page).locator('[class*="application"]', { hasText: '待补正' }).first().click();
    await expectVisible(current(page).getByText('需要补正的事项（共 1 项）'));
    await screens.look('application-correction');
    await tapButton(page, '去补正');
    await expectVisible(current(page).getByText('审核民警要求补正以下 1 项'));
    await screens.look('correct');
  });

  test('a supervisor manages staff', async () => {
    await switchIdentity(page, '主管（全市）');
    await current(page).getByText('工作人员审核台', { exact: true }).click();
    await eventually(async () => expect(await navTitle(page).textContent()).toMatch(/审核/));
    await tapButton(page, '人员管理');
    await eventually(async () => expect(await navTitle(page).textContent()).toBe('人员管理'));
    await screens.look('staff-people');
  });

  test('every screen meets the checks', () => {
    const failing = Object.fromEntries(Object.entries(screens.found).filter(([, problems]) => problems.length > 0));
    expect(Object.keys(screens.found)).toHaveLength(21);
    expect(failing).toEqual({});
  });

  test('nothing failed in the page', () => {
    expect(session.browser.errors).toEqual([]);
  });
});
