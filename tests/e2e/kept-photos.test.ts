// Photos already uploaded stay with the person in the preview: the uploads step restored after the app
// restarts (an uploaded photo shown again, one never uploaded asking to be picked again), and 补正 of
// a proof starting from the one submitted, with a new page added beside it.
import type { Page } from 'playwright-core';
import { DECLARATION_NOTICE } from '../../miniprogram/domain/notices';
import { PNG_BYTES } from '../support/images';
import { fillForm, openMine, switchIdentity, upload, uploadsDone, verifyAndAgree } from './flows';
import { current, eventually, expectVisible, screenshot, tapButton } from './phone';
import { useSession } from './session';

jest.setTimeout(60_000);

const session = useSession('2026-09-01T09:00:00+08:00', 2);
let page: Page;
let photos: string[];
beforeAll(() => ({ page, photos } = session));

const tiles = () => current(page).locator('[class*="van-uploader__preview-image"]');
const loadedImages = () =>
  tiles()
    .locator('img')
    .evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length);

/** Calls the host's API as `openid`, the way the development panel's identities do. */
async function api(openid: string, fn: 'resident' | 'staff', action: string, payload?: unknown, requestId?: string) {
  const res = await fetch(new URL(`/api/functions/${fn}`, page.url()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
    body: JSON.stringify({ action, payload, requestId }),
  });
  const result = await res.json();
  if (!result.ok) throw new Error(`${action} refused: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function uploadFile(openid: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG_BYTES)]), 'photo.png');
  const res = await fetch(new URL('/api/files', page.url()), { method: 'POST', headers: { 'X-Openid': openid }, body: form });
  return (await res.json()).data.fileId;
}

test('the uploads step restored after a restart shows the uploaded photo and asks again for the one never uploaded', async () => {
  await verifyAndAgree(page);
  await fillForm(page);
  await tapButton(page, '下一步');
  await upload(page, 'idFront', [photos[0]]);
  await uploadsDone(page, 1);
  // The proof's upload never reaches the host.
  await page.route('**/api/files', (route) => route.abort());
  await upload(page, 'proofs', [photos[1]]);
  await expectVisible(current(page).getByText('点此重试'));
  await page.unroute('**/api/files');

  // The app restarts: storage stays, the picked file's local copy is gone.
  await page.reload();
  await verifyAndAgree(page);
  await tapButton(page, '下一步');
  await expectVisible(current(page).getByText('请重新选择'));
  await eventually(async () => expect(await loadedImages()).toBe(1));
  expect(await tiles().count()).toBe(2);
  // Said under the material at once, with what to do, not only when 下一步 is tapped.
  await expectVisible(current(page).locator('[class*="problem-proofs"]', { hasText: '没有上传成功，请点照片右上角的 × 删除，再点“添加照片”重新选择' }));
  expect(await current(page).locator('[class*="problem-idFront"]').count()).toBe(0);
  await screenshot(page, 'uploads-restored.png');
});

test('补正 of the proofs keeps the proof submitted beside a page added', async () => {
  const me = 'dev-resident-2';
  const person = { name: '王建国', idNumber: '43010219920815106X' };
  const { verifyId } = await api(me, 'resident', 'startVerification', person);
  const { verificationToken } = await api(me, 'resident', 'finishVerification', { verifyId, devOutcome: 'pass' });
  const { id } = await api(
    me,
    'resident',
    'submitDeclaration',
    {
      verificationToken,
      consent: { noticeVersion: DECLARATION_NOTICE.version },
      applicant: { ...person, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道12号' },
      residence: { district: '430104', street: '望月湖街道', address: '望月湖小区3栋201', since: '2026-05-01', kind: 'rent', basis: 'residence' },
      materials: { idFront: await uploadFile(me), proofs: [await uploadFile(me)] },
    },
    'kept-declare',
  );
  await fetch(new URL('/api/dev/staff', page.url()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid: 'kept-officer', districts: ['430104'] }),
  });
  await api('kept-officer', 'staff', 'requestCorrection', { id, items: [{ item: 'materials.proofs', message: '租赁合同缺少签字页，请补拍' }] }, 'kept-ask');

  await switchIdentity(page, '居民二');
  await openMine(page);
  await current(page).locator('[class*="application"]', { hasText: '待补正' }).first().click();
  await tapButton(page, '去补正');
  await expectVisible(current(page).getByText('审核民警要求补正以下 1 项'));
  await expectVisible(current(page).getByText('您已提交的照片保留在下面'));
  // The proof submitted is there, through a fresh link; the new page goes beside it.
  await eventually(async () => expect(await loadedImages()).toBe(1));
  await upload(page, 'proofs', [photos[0]]);
  await eventually(async () => expect(await loadedImages()).toBe(2));
  await eventually(async () => expect(await current(page).locator('[class*="van-uploader__mask"]').count()).toBe(0));
  await screenshot(page, 'correction-kept-proof.png');
});

test('nothing failed in the page', () => {
  // The failures the test causes: the aborted upload, and the restored photo's local copy, gone with the
  // reload as with a restart, asked for once before its fresh link replaces it.
  const caused = /Failed to load resource: net::(ERR_FAILED|ERR_FILE_NOT_FOUND)$/;
  expect(session.browser.errors.filter((e) => !caused.test(e))).toEqual([]);
});
