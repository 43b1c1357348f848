// The services after the declaration in the browser preview: declared and approved, the permit is
// closed with its date; six months later (the panel's clock) the resident applies, the officer
// approves and makes the card, the resident finds where and with which code to collect it, the
// officer hands it over; then the resident reports it lost and applies for a replacement.
import type { Page } from 'playwright-core';
import { confirmModal, declare, openInQueue, openMine, switchIdentity, uploadEach, verifyDeclaredAndAgree } from './flows';
import { SCREENSHOTS, current, eventually, expectVisible, navTitle, screenshot, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(420_000);

const session = useSession('2026-09-01T09:00:00+08:00', 1);
let page: Page;
let photo: string;
beforeAll(() => {
  ({ page } = session);
  [photo] = session.photos;
});

/** A service entry of the home page: its title cell, which holds the note saying whether and when it opens. */
const entry = (title: string) =>
  current(page)
    .locator('[class*="van-cell__title"]', { hasText: new RegExp(`^${title}`) })
    .first();

/** A row of 我的办件 by its title (the cell's own box: its host element has none to click). */
async function openRow(title: string): Promise<void> {
  await current(page).locator('[class*="van-cell--clickable"]', { hasText: title }).first().click();
  await eventually(async () => expect(await navTitle(page).textContent()).toBe('办件详情'));
}

async function openEntry(title: string): Promise<void> {
  await entry(title).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toBe(title));
}

/** A message in the development panel's outbox, by the event's name. */
const outboxNotice = (event: string) => page.locator('#dev-outbox li', { hasText: event }).first();

/** Moves the host's clock on a month at a time with the panel, as a developer walks a year. */
async function walkMonths(months: number): Promise<void> {
  for (let i = 0; i < months; i++) {
    const before = await page.locator('#dev-clock-now').textContent();
    await page.locator('#dev-clock-month').click();
    await eventually(async () => expect(await page.locator('#dev-clock-now').textContent()).not.toBe(before));
  }
  await expectVisible(current(page).getByText('有效期至'));
}

/** The resident applies for 居住证签注 through the five steps; the officer approves it; home again. */
async function endorseAndApprove(): Promise<void> {
  await openEntry('居住证签注');
  await verifyDeclaredAndAgree(page);
  await tapButton(page, '下一步');
  await uploadEach(page, ['idFront', 'proofs'], photo);
  await tapButton(page, '确认提交');
  await expectVisible(current(page).getByText('申请已提交'));
  await openInQueue(page);
  await tapButton(page, '通过');
  await confirmModal(page, '通过');
  await expectVisible(current(page).getByText('已通过').first());
  await switchIdentity(page, '居民一');
}

test('permit, pickup, collection, then a replacement for a lost card', async () => {
  await declare(page, photo);
  await openInQueue(page);
  await tapButton(page, '通过');
  await confirmModal(page, '通过');
  await expectVisible(current(page).getByText('已通过').first());

  // Too early: the entry gives the day the permit opens and the days left, and opens nothing.
  await switchIdentity(page, '居民一');
  await expectVisible(entry('核发居住证').getByText('居住满六个月后可申领，还需 181 天；2027年3月1日起可办理'));
  await screenshot(page, 'home-permit-closed.png');

  // Six months on, by the development panel's clock.
  await page.locator('#dev-clock-six-months').click();
  await expectVisible(current(page).getByText('现在可以申领居住证'));
  await openEntry('核发居住证');
  await verifyDeclaredAndAgree(page);
  // Identity and address come from the declaration, the ID number masked; only the mobile can change.
  await expectVisible(current(page).getByText('430104********100X'));
  await expectVisible(current(page).getByText('首次申领居住证不收取工本费'));
  await screenshot(page, 'permit-form.png');
  await tapButton(page, '下一步');
  await uploadEach(page, ['idFront', 'proofs', 'photo'], photo);
  await expectVisible(current(page).getByText('身份和居住信息来自您已审核通过的居住信息申报。'));
  await tapButton(page, '确认提交');
  await expectVisible(current(page).getByText('申请已提交'));
  await expectVisible(current(page).getByText('长沙市公安局人口与出入境管理支队接待大厅'));

  // The officer approves it and makes the card.
  await openInQueue(page);
  await tapButton(page, '通过');
  await confirmModal(page, '通过');
  await tapButton(page, '证件已制作');
  await confirmModal(page, '确认');
  await expectVisible(current(page).getByText('待领取').first());

  // The resident finds where to collect it and the code to show.
  await switchIdentity(page, '居民一');
  await openMine(page);
  await openRow('核发居住证');
  await expectVisible(current(page).getByText('请本人到现场领取，出示领取码'));
  // The code's own line, not the box or label around it (pickup-code-box, pickup-code-label).
  const code = ((await current(page).locator('[class*="pickup-code"]:not([class*="pickup-code-"])').first().textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  await expectVisible(current(page).getByText('长沙市雨花区金盾路30号'));
  await expectVisible(current(page).getByText('以窗口公告为准'));
  await screenshot(page, 'pickup.png');

  // At the counter the officer types the code and hands the card over.
  await openInQueue(page);
  await current(page).locator('[class*="pickup-code"] input').first().click();
  await page.keyboard.type(code);
  await tapButton(page, '确认领取');
  await confirmModal(page, '确认交付');
  await expectVisible(current(page).getByText('证件已交付，办理完毕。'));

  // Two years of endorsements, walked with the panel's clock: the card was approved on 2027-03-01.
  await switchIdentity(page, '居民一');
  await expectVisible(current(page).getByText('2028年2月1日至2月29日'));
  await walkMonths(11); // 2028-02-01 09:00: the first window opens, and its reminder is in the outbox
  await expectVisible(current(page).getByText('您的居住证已进入签注期'));
  await expectVisible(outboxNotice('签注开始'));
  await screenshot(page, 'home-endorsement-open.png');
  await endorseAndApprove();
  await expectVisible(current(page).getByText('2029年2月28日'));
  await walkMonths(1); // 2028-03-01: the first anniversary, kept, counts a year
  await expectVisible(current(page).getByText('1 年'));

  await walkMonths(12); // 2029-03-01 09:00: the second window passed without an endorsement
  await expectVisible(current(page).getByText('暂停使用').first());
  await expectVisible(outboxNotice('居住证已过签注期'));
  await screenshot(page, 'home-lapsed.png');
  await endorseAndApprove();
  // Late: valid again for a year from the approval, and the years start again.
  await expectVisible(current(page).getByText('2030年2月28日'));
  await expectVisible(current(page).getByText('0 年'));
  await page.locator('#dev-outbox').screenshot({ path: `${SCREENSHOTS}/panel-outbox.png` });

  // Lost: the replacement asks the reason first and shows the card fee before anything else.
  await switchIdentity(page, '居民一');
  await expectVisible(current(page).getByText('已领取'));
  await expectVisible(entry('居住证补领/换领').getByText(/证件工本费 20 元/));
  await openEntry('居住证补领/换领');
  await expectVisible(current(page).getByText('请选择办理原因'));
  await current(page).getByText('遗失补领', { exact: true }).click();
  await expectVisible(current(page).getByText('20 元'));
  await screenshot(page, 'reissue-reason.png');
  await tapButton(page, '下一步');
  await verifyDeclaredAndAgree(page);
  await expectVisible(current(page).getByText('遗失补领'));
  await tapButton(page, '下一步');
  await uploadEach(page, ['idFront', 'photo'], photo);
  await expectVisible(current(page).getByText('证件工本费'));
  await screenshot(page, 'reissue-confirm.png');
  await tapButton(page, '确认提交');
  await expectVisible(current(page).getByText('申请已提交'));

  // The collected card is now recorded as reported lost.
  await tapButton(page, '查看办件');
  await expectVisible(current(page).getByText('遗失补领'));
  await page.locator('.wx-nav-bar__back').click();
  await switchIdentity(page, '居民一');
  await openMine(page);
  await openRow('核发居住证');
  await expectVisible(current(page).getByText('此证已登记挂失，不能再使用'));

  // The replacement withdrawn, the card stays lost: home says so, and only 遗失补领 can be chosen.
  await page.locator('.wx-nav-bar__back').click();
  await openRow('居住证补领/换领');
  await tapButton(page, '撤回申请');
  await confirmModal(page, '撤回');
  await expectVisible(current(page).getByText('您已撤回这件办件'));
  await switchIdentity(page, '居民一');
  await expectVisible(current(page).getByText('已挂失'));
  await expectVisible(current(page).getByText('您的居住证已登记挂失，可以办理遗失补领。'));
  await openEntry('居住证补领/换领');
  await expectVisible(current(page).getByText('原证已登记挂失，只能办理遗失补领。').first());
  await screenshot(page, 'reissue-lost-only.png');
});

test('nothing failed in the page', () => {
  expect(session.browser.errors).toEqual([]);
});
