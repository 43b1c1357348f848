// Steps of residents and officers in the preview, shared by the end-to-end journeys.
import type { Page } from 'playwright-core';
import { current, eventually, expectVisible, navTitle, screenshot, tapButton } from './phone';

export const fieldOf = (page: Page, name: string) => current(page).locator(`[class*="field-${name}"] input, [class*="field-${name}"] textarea`).first();

export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await fieldOf(page, name).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** A read-only field opens its picker when its row is tapped; the picker's 确认 takes the value shown. */
export async function pick(page: Page, fieldName: string): Promise<void> {
  const row = current(page).locator(`[class*="field-${fieldName}"]`).first();
  // Focus leaving the field above may scroll the page: tap the row once it has come to rest in view.
  await row.scrollIntoViewIfNeeded();
  await page.waitForTimeout(100);
  await row.click({ position: { x: 40, y: 20 } });
  const confirm = current(page).locator('[class*="van-picker__confirm"]:visible').first();
  await confirm.waitFor({ state: 'visible' });
  await page.waitForTimeout(350); // the popup slides in
  await confirm.click();
  await page.waitForTimeout(350);
}

/** From the home page: the declaration's first step, where the person gives their name and ID number. */
export async function openDeclaration(page: Page): Promise<void> {
  await current(page)
    .getByText(/^居住信息申报/)
    .first()
    .click();
  await eventually(async () => expect(await navTitle(page).textContent()).toBe('居住信息申报'));
  await expectVisible(current(page).getByPlaceholder('与身份证一致'));
}

/** From the home page: open the declaration, pass the development face check, agree to the notice. */
export async function verifyAndAgree(page: Page, name = '李晓梅', idNumber = '43010419900307100x'): Promise<void> {
  await openDeclaration(page);
  await current(page).getByPlaceholder('与身份证一致').click();
  await page.keyboard.type(name);
  await current(page).getByPlaceholder('18 位，末位可为 X').click();
  await page.keyboard.type(idNumber);
  await current(page).getByText('我同意将本人的姓名和公民身份号码用于人脸识别验证').click();
  await tapButton(page, '开始人脸识别验证');
  await page.locator('.wx-action-sheet').getByText('模拟：本人验证通过').click();
  await current(page)
    .getByText(/我已阅读并同意/)
    .click();
  await tapButton(page, '同意，开始申请');
  await expectVisible(current(page).getByText('申请人信息'));
}

/** Fills the rest of the self-check form for a rented home, lived in on the basis of residence. */
export async function fillForm(page: Page): Promise<void> {
  await typeInto(page, 'mobile', '13800138000');
  await typeInto(page, 'hukouAddress', '湖南省衡阳市蒸湘区联合街道12号');
  await pick(page, 'ethnicity');
  await pick(page, 'district');
  await typeInto(page, 'street', '望月湖街道');
  await typeInto(page, 'address', '望月湖小区3栋201');
  await pick(page, 'since');
  await current(page).getByText('租赁房屋', { exact: true }).click();
  await current(page).getByText('合法稳定住所', { exact: true }).click();
}

/** Picks real image files through the file chooser for one material's uploader. */
export async function upload(page: Page, material: string, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await current(page).locator(`[class*="uploader-${material}"] [class*="van-uploader__upload"]`).first().click();
  await (await chooser).setFiles(files);
}

/** The uploads step: one photo for each material named, all uploaded, then on to the next step. */
export async function uploadEach(page: Page, materials: string[], photo: string): Promise<void> {
  for (const material of materials) await upload(page, material, [photo]);
  await uploadsDone(page, materials.length);
  await tapButton(page, '下一步');
}

/** From the home page: 我的办件. */
export async function openMine(page: Page): Promise<void> {
  await current(page).getByText('我的办件', { exact: true }).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toBe('我的办件'));
}

export async function uploadsDone(page: Page, count: number): Promise<void> {
  await eventually(async () => expect(await current(page).locator('[class*="van-uploader__preview "], [class$="van-uploader__preview"]').count()).toBe(count));
  await eventually(async () => expect(await current(page).locator('[class*="van-uploader__mask"]').count()).toBe(0));
}

/** Switches identity in the development panel; the app starts again at the home page. */
export async function switchIdentity(page: Page, label: string): Promise<void> {
  const button = page.locator('.dev-panel button', { hasText: label });
  await button.click();
  // The panel marks the identity only once it has switched and started the app again.
  await eventually(async () => expect(await button.getAttribute('aria-checked')).toBe('true'));
  await eventually(async () => expect(await page.locator('.wx-page-frame').count()).toBe(1));
  await expectVisible(current(page).getByText('我的居住状态'));
}

/** From the home page: a whole declaration of a rented home in 芙蓉区, with one photo for each material. */
export async function declare(page: Page, photo: string): Promise<void> {
  await verifyAndAgree(page);
  await fillForm(page);
  await tapButton(page, '下一步');
  await uploadEach(page, ['idFront', 'proofs'], photo);
  await tapButton(page, '确认提交');
  await expectVisible(current(page).getByText('申报已提交'));
}

/** Confirms the open modal with its confirm button, whose text says what it confirms. */
export async function confirmModal(page: Page, text: string): Promise<void> {
  const button = page.locator('.wx-modal .wx-modal__confirm');
  await expect(button.textContent()).resolves.toBe(text);
  await button.click();
}

/** As the city's officer: the queue, then 李晓梅's application waiting there, shown with her full ID number. */
export async function openInQueue(page: Page, queueScreenshot?: string): Promise<void> {
  await switchIdentity(page, '民警（全市）');
  await current(page).getByText('工作人员审核台', { exact: true }).click();
  await eventually(async () => expect(await navTitle(page).textContent()).toMatch(/审核/));
  await expectVisible(current(page).getByText('李晓梅').first());
  if (queueScreenshot) await screenshot(page, queueScreenshot);
  await current(page).getByText('李晓梅').first().click();
  await expectVisible(current(page).getByText('43010419900307100X'));
}

/** After the declaration: the face check of the declared person (nothing typed), then the service's notice. */
export async function verifyDeclaredAndAgree(page: Page): Promise<void> {
  await current(page).getByText('我同意将本人的姓名和公民身份号码用于人脸识别验证').click();
  await tapButton(page, '开始人脸识别验证');
  await page.locator('.wx-action-sheet').getByText('模拟：本人验证通过').click();
  await current(page)
    .getByText(/我已阅读并同意/)
    .click();
  await tapButton(page, '同意，开始申请');
  await expectVisible(current(page).getByText('申请人信息（来自已审核通过的居住信息申报）'));
}
