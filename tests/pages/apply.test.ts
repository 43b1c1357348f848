// The declaration flow page: identity, notice, self-check form, uploads, confirm and result, driven
// as a resident would (typing, ticking, picking, tapping) against the real backend.
import { DEFAULT_DEV_OPENID } from '../../miniprogram/config';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { loadPage, resetWx, settle, waitFor, wxMock, type LoadedPage } from './harness';
import { startBackend, type Backend } from './support/backend';

const PERSON = { name: '李晓梅', idNumber: '43010419900307100x' };
let backend: Backend;

beforeAll(async () => {
  backend = await startBackend('2026-09-01T00:30:00+08:00');
});
afterAll(() => backend.stop());
beforeEach(() => resetWx());

/** The flow page once the server has said the declaration is open. */
async function openDeclaration(): Promise<LoadedPage> {
  const page = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  return page;
}

async function passIdentity(page: LoadedPage, outcome = 0): Promise<void> {
  await page.type('.step-identity >>> .field-name', PERSON.name);
  await page.type('.step-identity >>> .field-idNumber', PERSON.idNumber);
  await page.tap('.step-identity >>> .consent-box');
  backend.actionSheetAnswers.push(outcome);
  await page.tap('.step-identity >>> .start');
}

async function agreeToNotice(page: LoadedPage): Promise<void> {
  await waitFor(() => expect(page.text()).toContain('居住信息申报须知'));
  await page.tap('.step-notice >>> .agree-box');
  await page.tap('.step-notice >>> .agree');
  await waitFor(() => expect(page.data.step).toBe(2));
}

const form = (selector: string) => `.step-form >>> ${selector}`;

async function fillForm(page: LoadedPage): Promise<void> {
  await page.emit(form('.picker-ethnicity'), 'confirm', { value: '汉族', index: 0 });
  await page.type(form('.field-mobile'), '13800138000');
  await page.type(form('.field-hukouAddress'), '湖南省衡阳市蒸湘区联合街道12号');
  await page.emit(form('.picker-district'), 'confirm', { value: '岳麓区', index: 2 });
  await page.type(form('.field-street'), '望月湖街道');
  await page.type(form('.field-address'), '望月湖小区3栋201');
  await page.emit(form('.picker-since'), 'confirm', new Date(2026, 4, 1).getTime());
  await page.emit(form('.field-kind'), 'change', 'relative');
  await page.emit(form('.field-basis'), 'change', 'employment');
  await page.type(form('.field-organisation'), '长沙某某科技有限公司');
}

describe('the declaration flow', () => {
  it('refuses to verify until the person consents, and says when the face check fails', async () => {
    const page = await openDeclaration();
    expect(page.text()).toContain('我同意为人脸识别验证处理本人的姓名和公民身份号码');
    await page.tap('.step-identity >>> .start');
    expect(backend.actionSheetAnswers).toEqual([]);
    await passIdentity(page, 1);
    await waitFor(() => expect(page.text()).toContain('人脸识别未通过'));
    expect(page.data.step).toBe(0);
  });

  it('checks the ID number before starting the face check', async () => {
    const page = await openDeclaration();
    await page.type('.step-identity >>> .field-name', PERSON.name);
    await page.type('.step-identity >>> .field-idNumber', '430104199003071001');
    await page.tap('.step-identity >>> .consent-box');
    await page.tap('.step-identity >>> .start');
    await waitFor(() => expect(page.text()).toContain(FIELD_MESSAGES.idCheckDigit));
    expect(page.data.step).toBe(0);
  });

  it('shows a message next to each field of the form, and derives birth date and sex', async () => {
    const page = await openDeclaration();
    await passIdentity(page);
    await agreeToNotice(page);
    expect(page.text()).toContain('1990-03-07 · 女');
    await page.type(form('.field-mobile'), '1380013');
    await waitFor(() => expect(page.text()).toContain(FIELD_MESSAGES.mobile));
    expect(page.text()).not.toContain(FIELD_MESSAGES.district);
    await page.tap(form('.next'));
    await settle();
    const text = page.text();
    for (const message of [FIELD_MESSAGES.ethnicity, FIELD_MESSAGES.district, FIELD_MESSAGES.residenceKind, FIELD_MESSAGES.basis, FIELD_MESSAGES.required]) {
      expect(text).toContain(message);
    }
    expect(wxMock.callsOf('showToast')[0]).toMatchObject({ title: '请按提示修改标红的项目' });
    expect(page.data.step).toBe(2);
  });

  it('keeps the typed form as a draft and restores it on return', async () => {
    const first = await openDeclaration();
    await passIdentity(first);
    await agreeToNotice(first);
    await first.type(form('.field-street'), '橘子洲街道');
    await first.type(form('.field-mobile'), '1390000');
    first.unload();

    const again = await openDeclaration();
    await passIdentity(again);
    await agreeToNotice(again);
    const draft = again.find('.step-form').data.draft;
    expect(draft.residence.street).toBe('橘子洲街道');
    expect(draft.applicant.mobile).toBe('1390000');
    // A restored field that was wrong shows its message at once.
    expect(again.text()).toContain(FIELD_MESSAGES.mobile);
  });

  it('walks the whole declaration and submits it through the service layer', async () => {
    const page = await openDeclaration();
    await passIdentity(page);
    await agreeToNotice(page);
    await fillForm(page);
    expect(page.text()).toContain('关系说明');
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));

    const uploads = (selector: string) => `.step-uploads >>> ${selector}`;
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.text()).toContain('请上传身份证正面照'));
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('id.png') } });
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('p1.png') }, { url: backend.photo('p2.png') }] });
    await page.emit(uploads('.uploader-relationStatement'), 'after-read', { file: { url: backend.photo('r.png') } });
    await waitFor(() => {
      const lists = page.find('.step-uploads').data.lists;
      expect([...lists.idFront, ...lists.proofs, ...lists.relationStatement].map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'done', 'done']);
    });
    // The uploaded photos are kept with the draft, so leaving the page loses none of them.
    expect((wxMock.storage.get('draft:flow:declaration') as { uploads: { proofs: unknown[] } }).uploads.proofs).toHaveLength(2);
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.data.step).toBe(4));

    const confirm = page.text('.step-confirm');
    expect(confirm).toContain('43010419900307100X');
    expect(confirm).toContain('长沙市岳麓区望月湖街道望月湖小区3栋201');
    expect(confirm).toContain('借住亲属住房');
    expect(confirm).toContain('2 张');
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));
    expect(page.query('.result')).toBeDefined();
    const text = page.text();
    expect(text).toContain('2026年9月1日');
    expect(text).toContain('2027年3月1日');
    expect(text).toContain('暂定：申报审核通过后生效');
    expect(text).not.toContain('43010419900307100X');

    const listed = (await backend.call(DEFAULT_DEV_OPENID, 'listApplications')).data.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'pending', declaredOn: '2026-09-01', applicant: { idNumberMasked: '430104********100X' } });
    expect(listed[0].residence).toMatchObject({ kind: 'relative', organisation: '长沙某某科技有限公司' });
    // Submitted: the drafts are gone from the phone.
    expect(wxMock.storage.has('draft:declaration')).toBe(false);
    expect(wxMock.storage.has('draft:flow:declaration')).toBe(false);
  });

  it('says why the service is closed instead of starting a flow that cannot be submitted', async () => {
    const page = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
    await waitFor(() => expect(page.text()).toContain('您有一份居住信息申报正在办理中'));
    expect(page.query('.step-identity')).toBeUndefined();
  });
});

