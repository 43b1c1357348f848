// The resident's side of a correction round: the detail lists every item, 补正 edits exactly those,
// and resubmitting sends them through the service layer to the real backend.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { FIELD_LENGTHS } from '../../miniprogram/domain/limits';
import { changesOf } from '../../miniprogram/pages/correct/model';
import { loadPage, waitFor, wxMock, type LoadedPage } from './harness';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const OFFICER = 'staff-yuelu';
const backend = freshBackendEachTest('2026-09-01T09:00:00+08:00', (b) => b.grant(OFFICER, ['430104']));

const staff = (action: string, payload: unknown, requestId?: string) => backend.staffCall(OFFICER, action, payload, requestId);

/** A new resident's declaration with a correction request for `items`; the pages act as them. */
async function declarationToCorrect(me: string, first17: string, items: { item: string; message: string }[]): Promise<string> {
  wxMock.storage.set(DEV_OPENID_KEY, me);
  const id = await backend.declare(me, first17 + checkDigit(first17));
  expect((await staff('requestCorrection', { id, items }, `${me}-ask`)).ok).toBe(true);
  return id;
}

/** 补正 of one application, once it lists the items asked for. */
async function openCorrection(id: string, count: number): Promise<LoadedPage> {
  const page = await loadPage('pages/correct/index', { query: { id } });
  await waitFor(() => expect(page.text()).toContain(`审核民警要求补正以下 ${count} 项`));
  return page;
}

it('lists every item asked for, lets the resident fix exactly those, and resubmits', async () => {
  const id = await backend.declare(ME);
  const asked = await staff(
    'requestCorrection',
    {
      id,
      items: [
        { item: 'applicant.mobile', message: '手机号码无法接通' },
        { item: 'residence.district', message: '地址不在所选区县' },
        { item: 'materials.proofs', message: '租赁合同缺少签字页' },
      ],
    },
    'ask-1',
  );
  expect(asked.ok).toBe(true);

  const detail = await loadPage('pages/application/index', { query: { id } });
  await waitFor(() => expect(detail.text()).toContain('需要补正的事项（共 3 项）'));
  expect(detail.text()).toContain('手机号码：手机号码无法接通');
  expect(detail.text()).toContain('居住地址证明：租赁合同缺少签字页');
  await detail.tap('.correct');
  expect(wxMock.callsOf('navigateTo').at(-1)).toMatchObject({ url: `/pages/correct/index?id=${id}` });

  const page = await loadPage('pages/correct/index', { query: { id }, push: true });
  await waitFor(() => expect(page.text()).toContain('审核民警要求补正以下 3 项'));
  expect(page.text()).toContain('居住地址证明： 租赁合同缺少签字页');
  // Only the items asked for can be edited; the name, ID number and street are not offered.
  expect(page.findAll('.row-applicant_mobile')).toHaveLength(1);
  expect(page.findAll('.row-residence_district')).toHaveLength(1);
  expect(page.query('.row-residence_street')).toBeUndefined();
  expect(page.query('.row-applicant_name')).toBeUndefined();

  await page.type('.row-applicant_mobile', '1390013');
  await page.tap('.submit');
  await waitFor(() => expect(page.text()).toContain(FIELD_MESSAGES.mobile));
  expect(wxMock.callsOf('showModal')).toHaveLength(0);

  await page.type('.row-applicant_mobile', '13900139000');
  await page.tap('.row-residence_district');
  await page.emit('.picker', 'confirm', { value: '雨花区', index: 4 });
  // The proof submitted first is there already; the signature page is added beside it.
  expect(page.find('.uploads').data.lists.proofs).toHaveLength(1);
  await page.emit('.uploads >>> .uploader-proofs', 'after-read', { file: [{ url: backend.photo('signed-contract.png') }] });
  await waitFor(() => expect(page.find('.uploads').data.lists.proofs[1].status).toBe('done'));
  await page.tap('.submit');
  // Back to the detail it came from, not a second detail on the stack; shown again, it reloads.
  await waitFor(() => expect(wxMock.callsOf('navigateBack')).toHaveLength(1));
  expect(wxMock.callsOf('redirectTo')).toHaveLength(0);
  expect(wxMock.callsOf('showModal')).toHaveLength(1);
  page.unload();
  await detail.show();
  await waitFor(() => expect(detail.text()).toContain('审核中'));
  expect(detail.text()).not.toContain('需要补正的事项');

  const after = (await backend.call(ME, 'getApplication', { id })).data;
  expect(after.status).toBe('pending');
  expect(after.applicant.mobile).toBe('13900139000');
  expect(after.residence).toMatchObject({ district: '430111', street: '望月湖街道' });
  // The proof submitted first is kept beside the new page.
  expect(after.materials.proofs).toHaveLength(2);
  expect(after.timeline.map((t: { status: string }) => t.status)).toEqual(['pending', 'correction_requested', 'pending']);
});

it('corrects a replacement’s contact mobile, starting from the number on file, and the photo of its damaged card', async () => {
  const me = 'dev-correct-reissue';
  wxMock.storage.set(DEV_OPENID_KEY, me);
  const declaration = await backend.declare(me, '43010419880707002' + checkDigit('43010419880707002'));
  await backend.decide(OFFICER, declaration, 'approve');
  backend.clock.set(Date.parse('2027-03-02T09:00:00+08:00'));
  const permit = (await backend.apply(me, 'permit')).data.id;
  await backend.decide(OFFICER, permit, 'approve', 'markReady', 'markCollected');
  const id = (await backend.apply(me, 'reissue', { reason: 'damaged' })).data.id;
  const items = [
    { item: 'contact.mobile', message: '号码无法接通' },
    { item: 'materials.damagedCard', message: '照片看不清原证' },
  ];
  expect((await staff('requestCorrection', { id, items }, 'reissue-ask')).ok).toBe(true);

  const page = await loadPage('pages/correct/index', { query: { id } });
  await waitFor(() => expect(page.text()).toContain('审核民警要求补正以下 2 项'));
  expect(page.data.rows).toEqual([expect.objectContaining({ path: 'contact.mobile', value: '13800138000' })]);
  expect(page.findAll('.uploads >>> .material')).toHaveLength(1);
  await page.type('.row-contact_mobile', '13700001111');
  // One photo at most: the one submitted is removed before a new one can be picked.
  const submitted = page.find('.uploads').data.lists.damagedCard;
  expect(submitted).toEqual([expect.objectContaining({ status: 'done', fileId: expect.any(String) })]);
  await page.emit('.uploads >>> .uploader-damagedCard', 'delete', { index: 0 });
  await page.emit('.uploads >>> .uploader-damagedCard', 'after-read', { file: { url: backend.photo('damaged-card.png') } });
  await waitFor(() => expect(page.find('.uploads').data.lists.damagedCard[0].status).toBe('done'));
  expect(page.find('.uploads').data.lists.damagedCard).toHaveLength(1);
  await page.tap('.submit');
  // Opened on its own, with nothing to go back to, it becomes the detail.
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toEqual([expect.objectContaining({ url: `/pages/application/index?id=${id}` })]));

  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', reason: 'damaged', applicant: { mobile: '13700001111' } });
  expect(Object.keys(after.materials).sort()).toEqual(['damagedCard', 'idFront', 'photo']);
  expect(after.materials.damagedCard.fileId).not.toBe(submitted[0].fileId);
});

it('shows every reason of a rejection', async () => {
  const id = await backend.declare(ME, '430182198511110022');
  expect((await staff('reject', { id, reasons: ['租赁合同已过期', '居住地址与合同不一致'] }, 'reject-1')).ok).toBe(true);
  const page = await loadPage('pages/application/index', { query: { id } });
  await waitFor(() => expect(page.text()).toContain('未通过'));
  expect(page.text()).toContain('租赁合同已过期');
  expect(page.text()).toContain('居住地址与合同不一致');
  // A refused declaration opens nothing: no provisional permit date.
  expect(page.text()).not.toContain('可申领居住证');
});

it('keeps what was typed and uploaded for the request when the page is left, and forgets it once sent', async () => {
  const me = 'dev-correct-draft';
  const id = await declarationToCorrect(me, '43010419910101003', [
    { item: 'applicant.mobile', message: '号码无法接通' },
    { item: 'materials.proofs', message: '合同缺少签字页' },
  ]);
  const first = await openCorrection(id, 2);
  await first.type('.row-applicant_mobile', '13900139001');
  await first.emit('.uploads >>> .uploader-proofs', 'after-read', { file: [{ url: backend.photo('signed.png') }] });
  await waitFor(() => expect(first.find('.uploads').data.lists.proofs[1].status).toBe('done'));
  // The photo submitted first is removed here: that removal is kept too.
  await first.emit('.uploads >>> .uploader-proofs', 'delete', { index: 0 });
  const added = first.find('.uploads').data.lists.proofs[0].fileId;
  first.unload();

  const again = await openCorrection(id, 2);
  expect(again.data.rows).toEqual([expect.objectContaining({ path: 'applicant.mobile', value: '13900139001' })]);
  expect(again.find('.uploads').data.lists.proofs).toEqual([expect.objectContaining({ status: 'done', fileId: added })]);
  await again.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  expect(wxMock.storage.has(`draft:correction:${id}`)).toBe(false);
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', applicant: { mobile: '13900139001' } });
  expect(after.materials.proofs.map((l: { fileId: string }) => l.fileId)).toEqual([added]);
});

it('asks for a relation statement when the kind of residence is corrected to a relative’s home', async () => {
  const me = 'dev-correct-kind';
  const id = await declarationToCorrect(me, '43010419920202004', [{ item: 'residence.kind', message: '房屋为亲属所有' }]);
  const page = await openCorrection(id, 1);
  expect(page.query('.uploads')).toBeUndefined();
  await page.emit('.choices-residence_kind', 'change', 'relative');
  await waitFor(() => expect(page.query('.uploads >>> .uploader-relationStatement')).toBeDefined());
  expect(page.text('.uploads')).toContain('关系说明');
  await page.tap('.submit');
  await waitFor(() => expect(page.text()).toContain('请上传关系说明'));
  await page.emit('.uploads >>> .uploader-relationStatement', 'after-read', { file: { url: backend.photo('statement.png') } });
  await waitFor(() => expect(page.find('.uploads').data.lists.relationStatement[0].status).toBe('done'));
  // Changing the kind back and forth hides the upload and shows it again, still uploaded.
  await page.emit('.choices-residence_kind', 'change', 'rent');
  await waitFor(() => expect(page.query('.uploads')).toBeUndefined());
  await page.emit('.choices-residence_kind', 'change', 'relative');
  await waitFor(() => expect(page.find('.uploads').data.lists.relationStatement).toEqual([expect.objectContaining({ status: 'done' })]));
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', residence: { kind: 'relative' }, materials: { relationStatement: expect.anything() } });
});

it('asks for the employer when the basis is corrected to employment, and sends it with the basis', async () => {
  const me = 'dev-correct-basis';
  const id = await declarationToCorrect(me, '43010419980808001', [{ item: 'residence.basis', message: '申领依据与材料不符' }]);
  const page = await openCorrection(id, 1);
  // Declared on the residence basis: no organisation to give yet.
  expect(page.query('.row-residence_organisation')).toBeUndefined();
  await page.emit('.choices-residence_basis', 'change', 'employment');
  await waitFor(() => expect(page.query('.row-residence_organisation')).toBeDefined());
  expect(page.text('.row-residence_organisation')).toContain('就业单位');
  const sentBefore = backend.sent.length;
  await page.tap('.submit');
  await waitFor(() => expect(page.text('.row-residence_organisation')).toContain(FIELD_MESSAGES.required));
  expect(backend.sent.slice(sentBefore).filter((s) => s.action === 'resubmit')).toHaveLength(0);

  await page.type('.row-residence_organisation', '长沙某某科技有限公司');
  // The row is named for the basis chosen, and goes while the basis names none, keeping what was typed.
  await page.emit('.choices-residence_basis', 'change', 'study');
  await waitFor(() => expect(page.text('.row-residence_organisation')).toContain('就读学校'));
  await page.emit('.choices-residence_basis', 'change', 'residence');
  await waitFor(() => expect(page.query('.row-residence_organisation')).toBeUndefined());
  await page.emit('.choices-residence_basis', 'change', 'employment');
  await waitFor(() => expect(page.text('.row-residence_organisation')).toContain('就业单位'));
  expect(page.data.rows).toEqual([
    expect.objectContaining({ path: 'residence.basis', value: 'employment' }),
    expect.objectContaining({ path: 'residence.organisation', value: '长沙某某科技有限公司', hidden: false }),
  ]);
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', residence: { basis: 'employment', organisation: '长沙某某科技有限公司', kind: 'rent' } });
});

it('sends no organisation when the basis is corrected to one that names none', async () => {
  const me = 'dev-correct-basis-none';
  const id = await declarationToCorrect(me, '43010419990909002', [{ item: 'residence.basis', message: '申领依据有误' }]);
  const page = await openCorrection(id, 1);
  await page.emit('.choices-residence_basis', 'change', 'employment');
  await page.type('.row-residence_organisation', '长沙某某科技有限公司');
  await page.emit('.choices-residence_basis', 'change', 'residence');
  await waitFor(() => expect(page.query('.row-residence_organisation')).toBeUndefined());
  // What the page sends: the basis alone, as the first form sends no organisation under this basis.
  expect(changesOf(page.data.rows, {})).toEqual({ residence: { basis: 'residence' } });
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after.residence).not.toHaveProperty('organisation');
});

it('checks a corrected street as the first form does, over the stored residence, and sends nothing it would refuse', async () => {
  const me = 'dev-correct-street';
  const id = await declarationToCorrect(me, '43010419960606001', [
    { item: 'residence.street', message: '街道名称不完整' },
    { item: 'residence.since', message: '起始日期有误' },
  ]);
  const page = await openCorrection(id, 2);
  const row = page.find('.row-residence_street');
  // The first form's limit, not one of the page's own.
  expect(row.data.maxlength).toBe(FIELD_LENGTHS.street.max);
  const sentBefore = backend.sent.length;
  await page.type('.row-residence_street', '望');
  // A start before the birth date (1996-06-06, read from the ID number when it was submitted) is refused too.
  await page.tap('.row-residence_since');
  await page.emit('.picker', 'confirm', new Date(1990, 0, 1).getTime());
  await page.tap('.submit');
  await waitFor(() => expect(page.text('.row-residence_street')).toContain(FIELD_MESSAGES.tooShort(FIELD_LENGTHS.street.min)));
  expect(page.text('.row-residence_since')).toContain(FIELD_MESSAGES.beforeBirth);
  expect(wxMock.callsOf('showModal')).toHaveLength(0);
  expect(backend.sent.slice(sentBefore).filter((s) => s.action === 'resubmit')).toHaveLength(0);

  await page.type('.row-residence_street', '望月湖街道');
  await page.tap('.row-residence_since');
  await page.emit('.picker', 'confirm', new Date(2026, 4, 1).getTime());
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', residence: { street: '望月湖街道', since: '2026-05-01' } });
});

it('sends a correction of fields alone, with nothing to upload', async () => {
  const me = 'dev-correct-fields';
  const id = await declarationToCorrect(me, '43010419930303005', [{ item: 'residence.kind', message: '房屋为本人所有' }]);
  const page = await openCorrection(id, 1);
  await page.emit('.choices-residence_kind', 'change', 'own');
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', residence: { kind: 'own' } });
});

it('after a resubmission whose answer was lost and a restart, reopening 补正 leads to the application, resubmitted once', async () => {
  const me = 'dev-correct-lost';
  const id = await declarationToCorrect(me, '43010419970707000', [{ item: 'applicant.mobile', message: '号码无法接通' }]);
  const page = await openCorrection(id, 1);
  await page.type('.row-applicant_mobile', '13900139002');
  const sentBefore = backend.sent.length;
  // The host stores the resubmission, but its answer never reaches the phone; the app is closed.
  backend.loseAnswerOf = 'resubmit';
  await page.tap('.submit');
  await waitFor(() => expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '网络不可用，请检查网络后重试' }));
  expect(wxMock.callsOf('redirectTo')).toHaveLength(0);
  page.unload();

  // Reopened after the restart, the application no longer awaits correction: the kept request id gets
  // the first answer, and the person is taken to the application rather than told nothing is due.
  const again = await loadPage('pages/correct/index', { query: { id } });
  await waitFor(() => expect(wxMock.callsOf('redirectTo')).toEqual([expect.objectContaining({ url: `/pages/application/index?id=${id}` })]));
  expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '已重新提交' });
  expect(again.text()).not.toContain('这件办件现在不需要补正');
  const resubmits = backend.sent.slice(sentBefore).filter((s) => s.action === 'resubmit');
  expect(resubmits).toHaveLength(2);
  expect(resubmits[1].requestId).toBe(resubmits[0].requestId);
  const after = (await backend.call(me, 'getApplication', { id })).data;
  expect(after).toMatchObject({ status: 'pending', applicant: { mobile: '13900139002' } });
  expect(after.timeline.map((t: { status: string }) => t.status)).toEqual(['pending', 'correction_requested', 'pending']);
  expect(wxMock.storage.has(`draft:correction:${id}`)).toBe(false);
});

describe('a material asked for again starts from what was submitted', () => {
  /** The proofs of an application as its owner reads them. */
  const proofsOf = async (me: string, id: string): Promise<string[]> =>
    (await backend.call(me, 'getApplication', { id })).data.materials.proofs.map((l: { fileId: string }) => l.fileId);

  it('shows the proofs already submitted, keeps them beside the pages added, and sends them all', async () => {
    const me = 'dev-correct-keep';
    const id = await declarationToCorrect(me, '43010419940404006', [{ item: 'materials.proofs', message: '租赁合同缺少签字页' }]);
    const submitted = await proofsOf(me, id);
    const page = await openCorrection(id, 1);
    // Shown through a fresh link that opens the photo on the backend.
    await waitFor(() => expect(page.find('.uploads').data.lists.proofs).toEqual([expect.objectContaining({ status: 'done', fileId: submitted[0] })]));
    const kept = page.find('.uploads').data.lists.proofs[0];
    expect(await backend.fileStatus(kept.url)).toBe(200);
    expect(page.findAll('.uploads >>> .uploader-proofs >>> .van-uploader__preview')).toHaveLength(1);

    await page.emit('.uploads >>> .uploader-proofs', 'after-read', { file: [{ url: backend.photo('page-2.png') }, { url: backend.photo('page-3.png') }] });
    await waitFor(() => expect(page.find('.uploads').data.lists.proofs.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'done']));
    // The person removes one of the new pages; only what they removed is gone.
    const [, second, third] = page.find('.uploads').data.lists.proofs.map((i: { fileId: string }) => i.fileId);
    await page.emit('.uploads >>> .uploader-proofs', 'delete', { index: 2 });
    await page.tap('.submit');
    await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
    expect(await proofsOf(me, id)).toEqual([submitted[0], second]);
    expect(await proofsOf(me, id)).not.toContain(third);
  });

  it('refuses to send a material left empty, saying so next to it, and sends nothing', async () => {
    const me = 'dev-correct-empty';
    const id = await declarationToCorrect(me, '43010419950505007', [
      { item: 'materials.proofs', message: '合同看不清' },
      { item: 'materials.idFront', message: '身份证反光' },
    ]);
    const page = await openCorrection(id, 2);
    const sentBefore = backend.sent.length;
    await waitFor(() => expect(page.find('.uploads').data.lists.proofs).toHaveLength(1));
    await page.emit('.uploads >>> .uploader-proofs', 'delete', { index: 0 });
    await page.tap('.submit');
    await waitFor(() => expect(page.text('.uploads >>> .problem-proofs')).toBe('请上传居住地址证明'));
    // The ID front still holds the photo submitted: nothing to say there.
    expect(page.query('.uploads >>> .problem-idFront')).toBeUndefined();
    expect(wxMock.callsOf('showModal')).toHaveLength(0);
    expect(backend.sent.slice(sentBefore).filter((s) => s.action === 'resubmit')).toHaveLength(0);
    expect((await backend.call(me, 'getApplication', { id })).data.status).toBe('correction_requested');

    // Picking a page clears the message, and the correction goes through with it.
    await page.emit('.uploads >>> .uploader-proofs', 'after-read', { file: [{ url: backend.photo('clear-contract.png') }] });
    await waitFor(() => expect(page.find('.uploads').data.lists.proofs[0].status).toBe('done'));
    expect(page.query('.uploads >>> .problem-proofs')).toBeUndefined();
    await page.tap('.submit');
    await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));
    expect(await proofsOf(me, id)).toEqual([page.find('.uploads').data.lists.proofs[0].fileId]);
  });
});
