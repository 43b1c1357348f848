// The counter in the preview: two permits ready for pickup, set up through the host's API; the city's
// officer finds applications by name, ID digits and number, scans one resident's code with the
// preview's stand-in for the camera and hands that card over by code, then hands the other over after
// checking the ID card. The timeline names the officers, never their openids.
import type { Page } from 'playwright-core';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { servicePayload } from '../support/declarations';
import { hostClient, type HostClient } from '../support/hostClient';
import { switchIdentity, confirmModal } from './flows';
import { current, eventually, expectVisible, navTitle, screenshot, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(240_000);

const session = useSession('2026-09-01T09:00:00+08:00', 1);
const SEED_OFFICER = { openid: 'counter-officer', name: '赵敏', badge: 'CS09001' };
const ZHANG = { openid: 'counter-zhang', name: '张伟', idNumber: withCheckDigit('43010219850612331') };
const LIU = { openid: 'counter-liu', name: '刘芳', idNumber: withCheckDigit('43010419930214002') };
let page: Page;
let client: HostClient;
let requests = 0;
const permits: Record<string, string> = {};

function withCheckDigit(first17: string): string {
  return first17 + checkDigit(first17);
}

async function ok(answer: Promise<{ body: { ok: boolean; data?: any; error?: unknown } }>): Promise<any> {
  const { body } = await answer;
  if (!body.ok) throw new Error(`refused: ${JSON.stringify(body.error)}`);
  return body.data;
}

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${session.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

const staffDo = (action: string, id: string) => ok(client.call('staff', SEED_OFFICER.openid, action, { id }, `counter-${++requests}`));

beforeAll(async () => {
  ({ page } = session);
  client = hostClient(session.url);
  await post('/api/dev/staff', { ...SEED_OFFICER, districts: 'all' });
  for (const person of [ZHANG, LIU]) {
    const declaration = await ok(client.call('resident', person.openid, 'submitDeclaration', await client.declarationPayload(person), `counter-${++requests}`));
    await staffDo('approve', declaration.id);
  }
  await post('/api/dev/clock', { now: '2027-03-02T09:00:00+08:00' });
  for (const person of [ZHANG, LIU]) {
    const { verifyId } = await ok(client.call('resident', person.openid, 'startVerification', {}));
    const { verificationToken } = await ok(client.call('resident', person.openid, 'finishVerification', { verifyId }));
    const payload = await servicePayload('permit', verificationToken, () => client.upload(person.openid));
    const permit = await ok(client.call('resident', person.openid, 'applyPermit', payload, `counter-${++requests}`));
    await staffDo('approve', permit.id);
    await staffDo('markReady', permit.id);
    permits[person.name] = permit.id;
  }
  // The app reads the clock and the data afresh.
  await page.reload();
  await expectVisible(current(page).getByText('我的居住状态'));
});

/** The queue's search: a query typed and sent; the results replace the queue until 返回待办. */
async function search(text: string): Promise<void> {
  const box = current(page).locator('[class*="search"] input').first();
  await box.fill('');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expectVisible(current(page).getByText(`“${text}”的搜索结果`));
  // The answer has come once the skeleton has gone: a tap while the list is replaced may land on nothing.
  await eventually(async () => expect(await current(page).locator('.page-skeleton').count()).toBe(0));
}

/** The queue's tile of cards waiting to be collected. */
const readyTile = () => current(page).locator('[class*="tile-label"]', { hasText: '待领取' }).first();

async function backToQueue(): Promise<void> {
  // A tap the preview takes while it is still replacing the list can be lost, as a real tap during a
  // page's update can: tapped again until the queue shows.
  await eventually(async () => {
    if ((await current(page).getByText('返回待办', { exact: true }).count()) > 0) await tapButton(page, '返回待办');
    await expectVisible(readyTile(), 2_000);
  }, 15_000);
}

test('the officer finds applications by name, ID digits and number', async () => {
  await switchIdentity(page, '民警（全市）');
  await current(page).getByText('工作人员审核台', { exact: true }).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toMatch(/审核/));
  // The counts: both cards wait to be collected.
  await expectVisible(current(page).locator('[class*="tile-ready"]', { hasText: '2' }).first());

  await search(permits['张伟']);
  await expectVisible(current(page).getByText('张伟').first());
  expect(await current(page).getByText('刘芳').count()).toBe(0);
  await backToQueue();

  await search(LIU.idNumber.slice(-4));
  await expectVisible(current(page).getByText('刘芳').first());
  expect(await current(page).getByText('张伟').count()).toBe(0);
  await backToQueue();

  await search('张伟');
  await expectVisible(current(page).getByText('张伟').first());
  expect(await current(page).getByText('刘芳').count()).toBe(0);
  await screenshot(page, 'staff-search.png');
  await backToQueue();

  await search('没有这个人');
  await expectVisible(current(page).getByText(/没有找到与“没有这个人”相符的办件/));
  await backToQueue();
});

test('a scanned code opens the card ready to hand over, and the code is checked before the confirmation', async () => {
  await tapButton(page, '扫码');
  const sheet = page.locator('.wx-scan-sheet');
  await expectVisible(sheet.getByText('待领取办件的领取码'));
  await screenshot(page, 'staff-scan.png');
  const codes = sheet.locator('.wx-scan-sheet__code');
  await eventually(async () => expect(await codes.count()).toBe(2));
  // The stand-in lists codes by due date; pick 张伟's by asking the resident's own view for it.
  const zhangCode = (await ok(client.call('resident', ZHANG.openid, 'getApplication', { id: permits['张伟'] }))).pickup.pickupCode as string;
  await sheet.locator('.wx-scan-sheet__code', { hasText: zhangCode }).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toMatch(/审核|办件/));
  await expectVisible(current(page).getByText('张伟').first());
  await eventually(async () => expect(await current(page).locator('[class*="pickup-code"] input').first().inputValue()).toBe(zhangCode));
  await screenshot(page, 'staff-handover.png');
  await tapButton(page, '确认领取');
  await expect(page.locator('.wx-modal').textContent()).resolves.toContain('确认把证件交给张伟本人');
  await confirmModal(page, '确认交付');
  await expectVisible(current(page).getByText('证件已交付，办理完毕。'));
  // Who did what, by name and badge.
  await expectVisible(current(page).getByText('赵敏（警号 CS09001）').first());
  await expectVisible(current(page).getByText('李强（警号 CS02001）').first());
  expect(await current(page).getByText(SEED_OFFICER.openid).count()).toBe(0);
});

test('a wrong code is refused beside the field; the other card is handed over after the ID card is checked', async () => {
  await page.locator('.wx-nav-bar__back').click();
  await expectVisible(readyTile());
  await search('刘芳');
  // Her permit's row: the search finds her declaration too.
  await current(page).locator('[class*="row-head"]', { hasText: '核发居住证' }).first().click();
  await expectVisible(current(page).getByText('确认领取'));
  const field = current(page).locator('[class*="pickup-code"] input').first();
  await field.click();
  await page.keyboard.type('ZZZZ2222');
  await tapButton(page, '确认领取');
  await expectVisible(current(page).getByText('领取码不正确'));
  expect(await page.locator('.wx-modal').count()).toBe(0);
  await field.fill('');
  await current(page).getByText('已当面核验身份证').click();
  await tapButton(page, '确认领取');
  await expect(page.locator('.wx-modal').textContent()).resolves.toContain('已当面核验身份证，确认把证件交给刘芳本人');
  await confirmModal(page, '确认交付');
  await expectVisible(current(page).getByText('证件已交付，办理完毕。'));
});

test('nothing failed in the page', () => {
  expect(session.browser.errors).toEqual([]);
});
