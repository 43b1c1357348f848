// A resident's whole declaration in the browser preview, with real clicks, typing and image files:
// verify, read and agree, fill the form (leaving mid-way and finding the draft), upload, confirm,
// see the dates, open the application and withdraw it; then a second resident sees nothing of it.
// Once in normal mode and once in 关怀模式, turned on with the home page's switch.
import type { Page } from 'playwright-core';
import { fieldOf, openMine, pick, switchIdentity, typeInto, upload, uploadsDone, verifyAndAgree } from './flows';
import { current, eventually, expectVisible, navTitle, screenshot as screenshotAs, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(120_000);

describe.each([false, true])('关怀模式 %s', (care) => {
  const session = useSession('2026-09-01T00:30:00+08:00', 3);
  let page: Page;
  let photos: string[];
  beforeAll(async () => {
    ({ page, photos } = session);
    if (care) {
      await current(page).locator('[class*="care-switch"]').first().click();
      await eventually(async () => expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px'));
    }
  });

  const field = (name: string) => fieldOf(page, name);
  const screenshot = (on: Page, name: string) => screenshotAs(on, care ? `care-${name}` : name);

  test('a resident declares, sees the dates, and withdraws', async () => {
    await expectVisible(current(page).getByText('尚未申报居住信息'));
    await verifyAndAgree(page);

    // The verified name and number are shown, not typed again; birth date and sex are derived.
    expect(await field('name').inputValue()).toBe('李晓梅');
    expect(await field('idNumber').inputValue()).toBe('43010419900307100X');
    await expectVisible(current(page).getByText('1990年3月7日 · 女'));

    await typeInto(page, 'mobile', '1380013');
    await expectVisible(current(page).getByText('请填写 11 位手机号码'));
    await typeInto(page, 'street', '望月湖街道');
    await screenshot(page, 'form-with-error.png');

    // Leave mid-form, come back: the draft is still there.
    await page.locator('.wx-nav-bar__back').click();
    await expectVisible(current(page).getByText('我的居住状态'));
    await verifyAndAgree(page);
    expect(await field('street').inputValue()).toBe('望月湖街道');
    expect(await field('mobile').inputValue()).toBe('1380013');

    await field('mobile').fill('');
    await typeInto(page, 'mobile', '13800138000');
    await typeInto(page, 'hukouAddress', '湖南省衡阳市蒸湘区联合街道12号');
    await pick(page, 'ethnicity');
    await pick(page, 'district');
    await typeInto(page, 'address', '望月湖小区3栋201');
    await pick(page, 'since');
    await current(page).getByText('租赁房屋', { exact: true }).click();
    await current(page).getByText('合法稳定住所', { exact: true }).click();
    await expectVisible(current(page).getByText('您需要准备的材料（租赁房屋）'));
    expect(await field('ethnicity').inputValue()).toBe('汉族');
    expect(await field('district').inputValue()).toBe('芙蓉区');
    expect(await field('since').inputValue()).toBe('2026年9月1日');
    await screenshot(page, 'form-filled.png');
    await tapButton(page, '下一步');

    // Uploads: real image files through the file picker, each with its progress.
    await expectVisible(current(page).getByText('身份证人像面照片'));
    await upload(page, 'idFront', [photos[0]]);
    await upload(page, 'proofs', photos.slice(1));
    await uploadsDone(page, 3);
    await screenshot(page, 'uploads.png');
    await tapButton(page, '下一步');

    // Confirm: the one place the full ID number shows.
    await expectVisible(current(page).getByText('43010419900307100X'));
    await expectVisible(current(page).getByText('长沙市芙蓉区望月湖街道望月湖小区3栋201'));
    await screenshot(page, 'confirm.png');
    await tapButton(page, '确认提交');

    await expectVisible(current(page).getByText('申报已提交'));
    await expectVisible(current(page).getByText('2026年9月1日'));
    await expectVisible(current(page).getByText('2027年3月1日'));
    await expectVisible(current(page).getByText('暂定，申报审核通过后确定'));
    await screenshot(page, 'submitted.png');

    await tapButton(page, '查看办件');
    await eventually(async () => expect(await navTitle(page).textContent()).toBe('办件详情'));
    await expectVisible(current(page).getByText('审核中'));
    await expectVisible(current(page).getByText('430104********100X'));
    expect(await current(page).getByText('43010419900307100X').count()).toBe(0);
    // The photos load through the host's short-lived links.
    await eventually(async () => {
      const loaded = await current(page)
        .locator('[class*="thumb"] img')
        .evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length);
      expect(loaded).toBe(3);
    });
    await screenshot(page, 'application.png');

    await tapButton(page, '撤回申请');
    await page.locator('.wx-modal').getByText('撤回', { exact: true }).click();
    await expectVisible(current(page).getByText('您已撤回这件办件'));
    await expectVisible(current(page).getByText('已撤回'));

    await page.locator('.wx-nav-bar__back').click();
    await expectVisible(current(page).getByText('我的居住状态'));
    await screenshot(page, 'home-after.png');
    await openMine(page);
    await expectVisible(current(page).getByText('已撤回'));
    await screenshot(page, 'applications.png');
  });

  test('a second resident sees nothing of it', async () => {
    await switchIdentity(page, '居民二');
    await expectVisible(current(page).getByText('尚未申报居住信息'));
    await openMine(page);
    await expectVisible(current(page).getByText('您还没有办件'));
    await screenshot(page, 'applications-empty.png');
  });

  test('nothing failed in the page', () => {
    expect(session.browser.errors).toEqual([]);
  });
});
