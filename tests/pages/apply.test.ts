// The declaration flow page: identity, notice, self-check form, uploads, confirm and result, driven
// as a resident would (typing, ticking, picking, tapping) against the real backend.
import { rmSync } from 'node:fs';
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { MAX_PROOFS } from '../../miniprogram/domain/materials';
import { NOT_IMAGE, overLimitNote } from '../../miniprogram/components/material-uploads/model';
import { loadPage, settle, textOf, waitFor, wxMock, type LoadedPage } from './harness';
import { agreeToDeclarationNotice, fillDeclarationForm, passIdentity as passPersonIdentity } from './support/declarationForm';
import { freshBackendEachTest } from './support/world';

const PERSON = { name: '李晓梅', idNumber: '43010419900307100x' };
const backend = freshBackendEachTest('2026-09-01T00:30:00+08:00');

/** The flow page once the server has said the declaration is open. */
async function openDeclaration(): Promise<LoadedPage> {
  const page = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  return page;
}

const passIdentity = (page: LoadedPage, outcome = 0, person = PERSON) => passPersonIdentity(page, backend, person, outcome);

const form = (selector: string) => `.step-form >>> ${selector}`;

const fillForm = (page: LoadedPage) => fillDeclarationForm(page, { kind: 'relative', basis: 'employment', organisation: '长沙某某科技有限公司' });

describe('the declaration flow', () => {
  it('refuses to verify until the person consents, and says when the face check fails', async () => {
    const page = await openDeclaration();
    expect(page.text()).toContain('我同意将本人的姓名和公民身份号码用于人脸识别验证');
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
    await agreeToDeclarationNotice(page);
    expect(page.text()).toContain('1990年3月7日 · 女');
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
    await agreeToDeclarationNotice(first);
    await first.type(form('.field-street'), '橘子洲街道');
    await first.type(form('.field-mobile'), '1390000');
    first.unload();

    const again = await openDeclaration();
    await passIdentity(again);
    await agreeToDeclarationNotice(again);
    const draft = again.find('.step-form').data.draft;
    expect(draft.residence.street).toBe('橘子洲街道');
    expect(draft.applicant.mobile).toBe('1390000');
    // A restored field that was wrong shows its message at once.
    expect(again.text()).toContain(FIELD_MESSAGES.mobile);
  });

  it('walks the whole declaration and submits it through the service layer', async () => {
    const page = await openDeclaration();
    await passIdentity(page);
    await agreeToDeclarationNotice(page);
    await fillForm(page);
    expect(page.text()).toContain('关系说明');
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));

    const uploads = (selector: string) => `.step-uploads >>> ${selector}`;
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.text()).toContain('请上传身份证人像面照片'));
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
    // The provisional note reads the same here as on home and the application's detail.
    expect(text).toContain('暂定，申报审核通过后确定');
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
    await backend.declare(DEFAULT_DEV_OPENID);
    const page = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
    await waitFor(() => expect(page.text()).toContain('您已有一件居住信息申报正在办理'));
    expect(page.query('.step-identity')).toBeUndefined();
  });
});

describe('the declaration flow says what is missing, where it is', () => {
  const uploads = (selector: string) => `.step-uploads >>> ${selector}`;
  const lists = (page: LoadedPage) => page.find('.step-uploads').data.lists;
  const statuses = (items: { status: string }[] = []) => items.map((i) => i.status);

  /** Every wx.pageScrollTo the page makes to a selector (the backend stands one in that does nothing). */
  function scrollsToSelectors(): () => unknown[] {
    const spy = jest.spyOn(wx, 'pageScrollTo');
    return () => spy.mock.calls.map(([options]) => (options as { selector?: string }).selector).filter((selector) => selector !== undefined);
  }

  async function toForm(): Promise<LoadedPage> {
    const page = await openDeclaration();
    await passIdentity(page);
    await agreeToDeclarationNotice(page);
    return page;
  }

  async function toUploads(): Promise<LoadedPage> {
    const page = await toForm();
    await fillForm(page);
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    return page;
  }

  it('says under the face-check button that the consent is missing, until it is ticked', async () => {
    const CONSENT_HINT = '请先勾选上方的同意，再开始人脸识别验证';
    const page = await openDeclaration();
    expect(page.text('.step-identity >>> .consent-hint')).toBe(CONSENT_HINT);
    await page.tap('.step-identity >>> .start');
    expect(backend.actionSheetAnswers).toEqual([]);
    await page.tap('.step-identity >>> .consent-box');
    expect(page.query('.step-identity >>> .consent-hint')).toBeUndefined();
    await page.tap('.step-identity >>> .consent-box');
    expect(page.text('.step-identity >>> .consent-hint')).toBe(CONSENT_HINT);
  });

  it('scrolls to the first field with a problem on 下一步', async () => {
    const scrolls = scrollsToSelectors();
    const page = await toForm();
    await page.tap(form('.next'));
    await settle();
    // The verified name and number are fine: the first problem is the ethnicity.
    expect(scrolls()).toEqual(['.field-ethnicity']);
    expect(page.query(form('.field-ethnicity'))).toBeDefined();

    await fillForm(page);
    await page.emit(form('.field-basis'), 'change', '');
    await page.tap(form('.next'));
    await settle();
    expect(scrolls().at(-1)).toBe('.field-basis');
    expect(page.query(form('.field-basis'))).toBeDefined();
    expect(page.data.step).toBe(2);
  });

  it('says 11 digits that are no mobile number are not valid, instead of asking for 11 digits', async () => {
    const scrolls = scrollsToSelectors();
    const page = await toForm();
    await fillForm(page);
    for (const mobile of ['10000000000', '12345678901']) {
      await page.type(form('.field-mobile'), mobile);
      await waitFor(() => expect(page.text(form('.field-mobile'))).toContain(FIELD_MESSAGES.mobileNotMainland));
      expect(page.text()).not.toContain(FIELD_MESSAGES.mobile);
    }
    await page.tap(form('.next'));
    await settle();
    expect(scrolls().at(-1)).toBe('.field-mobile');
    expect(page.data.step).toBe(2);
  });

  it('marks 住所类型 and 申领依据 as required, as the other required fields are', async () => {
    const page = await toForm();
    expect(page.findAll(form('.required-mark')).map(textOf)).toEqual(['*', '*']);
    expect(page.findAll(form('.required-title')).map(textOf)).toEqual(['* 住所类型', '* 申领依据（符合其一）']);
  });

  it('shows every material’s problem under its own uploader at once, and clears one when its photo uploads', async () => {
    const scrolls = scrollsToSelectors();
    const page = await toUploads();
    await page.tap(uploads('.next'));
    await settle();
    // The first of them is brought into view.
    expect(scrolls()).toEqual(['.material-idFront']);
    await waitFor(() => expect(page.query(uploads('.problem-idFront'))).toBeDefined());
    // Each under its own uploader, inside its material's card.
    expect(page.text(uploads('.material-idFront'))).toContain('请上传身份证人像面照片');
    expect(page.text(uploads('.material-proofs'))).toContain('请上传居住地址证明');
    expect(page.text(uploads('.material-relationStatement'))).toContain('请上传关系说明');
    expect(page.text(uploads('.material-idFront'))).not.toContain('请上传居住地址证明');

    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('all-p1.png') }] });
    await waitFor(() => expect(statuses(lists(page).proofs)).toEqual(['done']));
    expect(page.query(uploads('.problem-proofs'))).toBeUndefined();
    expect(page.text(uploads('.problem-idFront'))).toBe('请上传身份证人像面照片');
    expect(page.text(uploads('.problem-relationStatement'))).toBe('请上传关系说明');
    expect(page.data.step).toBe(3);
  });

  it('clears a material’s problem when a photo of it uploads after a failed one', async () => {
    const page = await toUploads();
    backend.offline = true;
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('late-id.png') } });
    await waitFor(() => expect(statuses(lists(page).idFront)).toEqual(['failed']));
    backend.offline = false;
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.text(uploads('.problem-idFront'))).toContain('还有照片没有上传成功'));
    await page.emit(uploads('.uploader-idFront'), 'click-preview', { index: 0 });
    await waitFor(() => expect(statuses(lists(page).idFront)).toEqual(['done']));
    expect(page.query(uploads('.problem-idFront'))).toBeUndefined();
  });

  it('refuses a file that is not an image with the formats taken, without sending it', async () => {
    const page = await toUploads();
    const sent = jest.spyOn(wx, 'uploadFile');
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('contract.pdf'), type: 'file', name: 'contract.pdf' }] });
    await settle();
    expect(page.text(uploads('.problem-proofs'))).toBe(NOT_IMAGE);
    expect(page.text(uploads('.material-proofs'))).not.toContain('点此重试');
    expect(lists(page).proofs ?? []).toEqual([]);
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('clip.mp4'), type: 'video' } });
    await settle();
    expect(page.text(uploads('.problem-idFront'))).toBe(NOT_IMAGE);
    expect(sent).not.toHaveBeenCalled();

    // An image picked with a file that is not: the image uploads, the other is said.
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('mixed.png') }, { url: backend.photo('notes.txt'), type: 'file' }] });
    await waitFor(() => expect(statuses(lists(page).proofs)).toEqual(['done']));
    expect(page.text(uploads('.problem-proofs'))).toBe(NOT_IMAGE);
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('says so when more proofs are picked than are taken, and keeps the first ones', async () => {
    const page = await toUploads();
    const picked = Array.from({ length: MAX_PROOFS + 1 }, (_, n) => ({ url: backend.photo(`six-${n}.png`) }));
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: picked });
    await waitFor(() => expect(statuses(lists(page).proofs)).toEqual(Array(MAX_PROOFS).fill('done')));
    expect(lists(page).proofs.map((i: { key: string }) => i.key)).toEqual(picked.slice(0, MAX_PROOFS).map((p) => p.url));
    expect(page.text(uploads('.note-proofs'))).toBe(overLimitNote(MAX_PROOFS, 1));
    expect(overLimitNote(MAX_PROOFS, 1)).toBe('最多 5 张，多出的 1 张没有添加');
    await page.emit(uploads('.uploader-proofs'), 'delete', { index: 0 });
    expect(page.query(uploads('.note-proofs'))).toBeUndefined();
  });
});

describe('the flow under faults: nothing typed or uploaded is lost', () => {
  const uploads = (selector: string) => `.step-uploads >>> ${selector}`;
  const lists = (page: LoadedPage) => page.find('.step-uploads').data.lists;
  const statuses = (items: { status: string }[]) => items.map((i) => i.status);

  /** A resident of their own (one pending declaration per ID number), acting on the pages. */
  function resident(openid: string, first17: string) {
    wxMock.storage.set(DEV_OPENID_KEY, openid);
    return { openid, person: { name: '李晓梅', idNumber: first17 + checkDigit(first17) } };
  }

  /** The files the host holds for `openid`: each upload that reached it. */
  async function uploadsOf(openid: string): Promise<number> {
    // By key: the server never asks for files by owner, so no index serves that filter.
    const files = await backend.store.find<{ owner: string }>('files', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1000 });
    return files.filter((file) => file.owner === openid).length;
  }

  /** Identity, notice and the form (a relative's home: three materials), up to the uploads step. */
  async function toUploads(person: { name: string; idNumber: string }, fill = true): Promise<LoadedPage> {
    const page = await openDeclaration();
    await passIdentity(page, 0, person);
    await agreeToDeclarationNotice(page);
    if (fill) await fillForm(page);
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    return page;
  }

  /** Every material uploaded, then on to the confirm step. */
  async function toConfirm(person: { name: string; idNumber: string }): Promise<LoadedPage> {
    const page = await toUploads(person);
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('id.png') } });
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('p1.png') }] });
    await page.emit(uploads('.uploader-relationStatement'), 'after-read', { file: { url: backend.photo('r.png') } });
    await waitFor(() => expect(statuses([...lists(page).idFront, ...lists(page).proofs, ...lists(page).relationStatement])).toEqual(['done', 'done', 'done']));
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.data.step).toBe(4));
    return page;
  }

  it('restores a draft’s uploads after a restart through fresh links, and asks again for a photo never uploaded', async () => {
    const me = resident('dev-restart', '43010419960606008');
    const first = await toUploads(me.person);
    const idPhoto = backend.photo('restart-id.png');
    const proofPhotos = [backend.photo('restart-p1.png'), backend.photo('restart-p2.png')];
    await first.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: idPhoto } });
    await first.emit(uploads('.uploader-proofs'), 'after-read', { file: proofPhotos.map((url) => ({ url })) });
    await waitFor(() => expect(statuses([...lists(first).idFront, ...lists(first).proofs])).toEqual(['done', 'done', 'done']));
    // The statement's upload is cut off: the network fails (the one thing stood in for here).
    backend.offline = true;
    const statementPhoto = backend.photo('restart-r.png');
    await first.emit(uploads('.uploader-relationStatement'), 'after-read', { file: { url: statementPhoto } });
    await waitFor(() => expect(statuses(lists(first).relationStatement)).toEqual(['failed']));
    backend.offline = false;
    const uploaded = { idFront: lists(first).idFront[0].fileId, proofs: lists(first).proofs.map((i: { fileId: string }) => i.fileId) };
    first.unload();

    // The app restarts: storage stays, the temporary photo files are gone.
    for (const path of [idPhoto, ...proofPhotos, statementPhoto]) rmSync(path);
    const again = await toUploads(me.person, false);
    await waitFor(() => expect(lists(again).idFront[0].url).toContain('/api/files/'));
    expect(lists(again).idFront).toEqual([expect.objectContaining({ status: 'done', fileId: uploaded.idFront })]);
    expect(lists(again).proofs.map((i: { fileId: string }) => i.fileId)).toEqual(uploaded.proofs);
    for (const item of [...lists(again).idFront, ...lists(again).proofs]) {
      expect(item.url).not.toContain('restart-');
      expect(await backend.fileStatus(item.url)).toBe(200);
    }
    // The photo never uploaded cannot be retried (its file is gone): it asks to be picked again.
    expect(lists(again).relationStatement).toEqual([expect.objectContaining({ status: 'failed', message: '请重新选择' })]);
    const before = await uploadsOf(me.openid);
    await again.emit(uploads('.uploader-relationStatement'), 'click-preview', { index: 0 });
    await settle();
    expect(lists(again).relationStatement).toEqual([expect.objectContaining({ status: 'failed', message: '请重新选择' })]);
    expect(await uploadsOf(me.openid)).toBe(before);
    await again.tap(uploads('.next'));
    await waitFor(() => expect(again.text(uploads('.problem-relationStatement'))).toContain('请重新选择'));
    expect(again.data.step).toBe(3);

    await again.emit(uploads('.uploader-relationStatement'), 'delete', { index: 0 });
    await again.emit(uploads('.uploader-relationStatement'), 'after-read', { file: { url: backend.photo('restart-r2.png') } });
    await waitFor(() => expect(statuses(lists(again).relationStatement)).toEqual(['done']));
    await again.tap(uploads('.next'));
    await waitFor(() => expect(again.data.step).toBe(4));
    await again.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(again.text()).toContain('申报已提交'));
    const [app] = (await backend.call(me.openid, 'listApplications')).data.items;
    expect(app.materials).toMatchObject({ idFront: uploaded.idFront, proofs: uploaded.proofs });
  });

  it('retries a failed upload alone: the other photos stay uploaded and are not sent again', async () => {
    const me = resident('dev-retry-upload', '43010419970707009');
    const page = await toUploads(me.person);
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('retry-id.png') } });
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('retry-p1.png') }] });
    await waitFor(() => expect(statuses([...lists(page).idFront, ...lists(page).proofs])).toEqual(['done', 'done']));
    const kept = [lists(page).idFront[0].fileId, lists(page).proofs[0].fileId];
    // Only the network fails, for the second proof's upload.
    backend.offline = true;
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('retry-p2.png') }] });
    await waitFor(() => expect(lists(page).proofs[1]).toMatchObject({ status: 'failed', message: '点此重试' }));
    backend.offline = false;
    expect(await uploadsOf(me.openid)).toBe(2);

    await page.emit(uploads('.uploader-proofs'), 'click-preview', { index: 1 });
    await waitFor(() => expect(statuses(lists(page).proofs)).toEqual(['done', 'done']));
    expect(await uploadsOf(me.openid)).toBe(3);
    expect([lists(page).idFront[0].fileId, lists(page).proofs[0].fileId]).toEqual(kept);
    expect(lists(page).proofs[1].fileId).not.toBe(kept[1]);
  });

  it('keeps the draft when a submission’s answer is lost, and the retry with the same request id stores one application', async () => {
    const me = resident('dev-lost-answer', '43010419980808000');
    const page = await toConfirm(me.person);
    const sentBefore = backend.sent.length;
    // The host stores the declaration, but its answer never reaches the phone (a network failure, stood in for here).
    backend.loseAnswerOf = 'submitDeclaration';
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '网络不可用，请检查网络后重试' }));
    expect(page.data.step).toBe(4);
    expect(wxMock.storage.has('draft:declaration')).toBe(true);
    expect(wxMock.storage.has('draft:flow:declaration')).toBe(true);

    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));
    const submissions = backend.sent.slice(sentBefore).filter((s) => s.action === 'submitDeclaration');
    expect(submissions).toHaveLength(2);
    expect(submissions[1].requestId).toBe(submissions[0].requestId);
    expect((await backend.call(me.openid, 'listApplications')).data.items).toHaveLength(1);
  });

  it('answers a submission whose answer was lost with its first result once the app restarts, and stores one application', async () => {
    const me = resident('dev-lost-restart', '43010419850505003');
    const page = await toConfirm(me.person);
    const sentBefore = backend.sent.length;
    // The host stores the declaration, its answer is lost, and the app is closed before any retry.
    backend.loseAnswerOf = 'submitDeclaration';
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '网络不可用，请检查网络后重试' }));
    page.unload();

    // The app restarts: only storage is left. The service now shows as closed (a declaration is pending),
    // so the page asks with the kept request id and shows the result instead.
    const again = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
    await waitFor(() => expect(again.text()).toContain('申报已提交'));
    expect(again.text()).toContain('2027年3月1日');
    expect(again.text()).not.toContain('正在办理中');
    const submissions = backend.sent.slice(sentBefore).filter((s) => s.action === 'submitDeclaration');
    expect(submissions).toHaveLength(2);
    expect(submissions[1].requestId).toBe(submissions[0].requestId);
    const listed = (await backend.call(me.openid, 'listApplications')).data.items;
    expect(listed).toHaveLength(1);
    expect(again.data.result.id).toBe(listed[0].id);
    expect(wxMock.storage.has('draft:declaration')).toBe(false);
    expect(wxMock.storage.has('draft:flow:declaration')).toBe(false);
  });

  it('starts the flow as usual after a restart when the unanswered submission never reached the server', async () => {
    const me = resident('dev-unsent-restart', '43010419860606004');
    const page = await toConfirm(me.person);
    backend.offline = true;
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '网络不可用，请检查网络后重试' }));
    backend.offline = false;
    page.unload();

    // The server stored nothing under the kept request id: it refuses the page's question, and the
    // person verifies again and submits what the drafts kept.
    const again = await toUploads(me.person, false);
    await waitFor(() => expect(statuses([...lists(again).idFront, ...lists(again).proofs, ...lists(again).relationStatement])).toEqual(['done', 'done', 'done']));
    await again.tap(uploads('.next'));
    await waitFor(() => expect(again.data.step).toBe(4));
    await again.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(again.text()).toContain('申报已提交'));
    expect((await backend.call(me.openid, 'listApplications')).data.items).toHaveLength(1);
  });

  it('sends the person back to verify when the token expired, and keeps everything typed for after', async () => {
    const me = resident('dev-expired', '43010419990909001');
    const page = await toConfirm(me.person);
    // Half an hour passes on the host's clock: the server now refuses the verification token.
    backend.clock.set(backend.clock.now() + 31 * 60 * 1000);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.data.step).toBe(0));
    expect((await backend.call(me.openid, 'listApplications')).data.items).toHaveLength(0);
    // The identity step shows the person verified before; they consent and verify again.
    expect(page.find('.step-identity').data).toMatchObject({ name: me.person.name, idNumber: me.person.idNumber.toUpperCase() });
    await page.tap('.step-identity >>> .consent-box');
    backend.actionSheetAnswers.push(0);
    await page.tap('.step-identity >>> .start');
    await waitFor(() => expect(page.data.step).toBe(4));
    const confirm = page.text('.step-confirm');
    expect(confirm).toContain('长沙市岳麓区望月湖街道望月湖小区3栋201');
    expect(confirm).toContain('长沙某某科技有限公司');
    expect(confirm).toContain('13800138000');
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));
    const [app] = (await backend.call(me.openid, 'listApplications')).data.items;
    expect(app).toMatchObject({ applicant: { mobile: '13800138000' }, residence: { street: '望月湖街道', organisation: '长沙某某科技有限公司' } });
  });
});
