// Starting from what is known: a declaration after a move starts from the approved declaration, and
// 重新申请 from the refused application — driven as a resident would, against the real backend.
import { DEFAULT_DEV_OPENID } from '../../miniprogram/config';
import { loadPage, settle, waitFor, wxMock, type LoadedPage } from './harness';
import { agreeToDeclarationNotice, passIdentity } from './support/declarationForm';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const OFFICER = 'staff-start-from';
const backend = freshBackendEachTest('2026-11-20T10:00:00+08:00', (b) => b.grant(OFFICER, 'all'));
const form = (selector: string) => `.step-form >>> ${selector}`;
const uploads = (selector: string) => `.step-uploads >>> ${selector}`;

async function openFlow(query: Record<string, string>): Promise<LoadedPage> {
  const page = await loadPage('pages/apply/index', { query });
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  return page;
}

/** The uploads step once every photo in it shows as uploaded. */
async function uploadsDone(page: LoadedPage): Promise<Record<string, { status: string; fileId?: string }[]>> {
  let lists: Record<string, { status: string; fileId?: string }[]> = {};
  await waitFor(() => {
    lists = page.find('.step-uploads').data.lists;
    expect(Object.values(lists).flat().length).toBeGreaterThan(0);
    expect(
      Object.values(lists)
        .flat()
        .every((item) => item.status === 'done'),
    ).toBe(true);
  });
  return lists;
}

describe('declaring again after a move', () => {
  it('verifies the approved declaration’s person without typing, keeps the details and sends no name or ID number', async () => {
    const first = await backend.declare(ME);
    await backend.decide(OFFICER, first, 'approve');
    const page = await openFlow({ service: 'declaration' });
    // Nothing to type: the face check is of the person already declared.
    expect(page.query('.step-identity >>> .field-name')).toBeUndefined();
    expect(page.query('.step-identity >>> .field-idNumber')).toBeUndefined();
    await page.tap('.step-identity >>> .consent-box');
    backend.actionSheetAnswers.push(0);
    await page.tap('.step-identity >>> .start');
    await agreeToDeclarationNotice(page);

    expect(page.text(form('.known-name'))).toContain('李晓梅');
    expect(page.text(form('.known-idNumber'))).toContain('430104********1237');
    expect(page.text('.step-form')).not.toContain('430104199003071237');
    expect(page.text(form('.moved-note'))).toContain('新的住址');
    const { draft } = page.find('.step-form').data;
    expect(draft.applicant).toMatchObject({ ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道12号' });
    // The new home's address, start and kind are asked again; the basis carries over.
    expect(draft.residence).toMatchObject({ district: '', street: '', address: '', since: '', kind: '', basis: 'residence' });

    await page.emit(form('.picker-district'), 'confirm', { value: '开福区', index: 3 });
    await page.type(form('.field-street'), '四方坪街道');
    await page.type(form('.field-address'), '滨江小区5栋1203');
    await page.emit(form('.picker-since'), 'confirm', new Date(2026, 10, 1).getTime());
    await page.emit(form('.field-kind'), 'change', 'rent');
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('id.png') } });
    await page.emit(uploads('.uploader-proofs'), 'after-read', { file: { url: backend.photo('contract.png') } });
    await uploadsDone(page);
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.data.step).toBe(4));
    const confirm = page.text('.step-confirm');
    expect(confirm).toContain('李晓梅');
    expect(confirm).toContain('430104********1237');
    expect(confirm).toContain('长沙市开福区四方坪街道滨江小区5栋1203');

    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));
    const submitted = backend.sent.filter((s) => s.action === 'submitDeclaration');
    expect(submitted).toHaveLength(1);
    const { items } = (await backend.call(ME, 'listApplications')).data;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['pending', 'approved']);
    expect(items[0]).toMatchObject({ applicant: { name: '李晓梅', idNumberMasked: '430104********1237' }, residence: { district: '430105', street: '四方坪街道' } });
  });

  it('keeps what was typed before over the previous declaration', async () => {
    await backend.decide(OFFICER, await backend.declare(ME), 'approve');
    wxMock.storage.set('draft:declaration', { applicant: { mobile: '13900139000' }, residence: { street: '已经填了的街道' } });
    const page = await openFlow({ service: 'declaration' });
    await page.tap('.step-identity >>> .consent-box');
    backend.actionSheetAnswers.push(0);
    await page.tap('.step-identity >>> .start');
    await agreeToDeclarationNotice(page);
    expect(page.find('.step-form').data.draft).toMatchObject({ applicant: { mobile: '13900139000' }, residence: { street: '已经填了的街道' } });
  });
});

describe('重新申请 after a refusal', () => {
  it('starts from the refused declaration: its form and photos, the reasons beside them, the ID number typed again', async () => {
    const refused = await backend.declare(ME);
    await backend.decide(OFFICER, refused, 'reject');
    const before = (await backend.call(ME, 'getApplication', { id: refused })).data;
    const page = await openFlow({ service: 'declaration', from: refused });
    expect(page.find('.step-identity').data.name).toBe('李晓梅');
    expect(page.find('.step-identity').data.idNumber).toBe('');
    await passIdentity(page, backend, { name: '李晓梅', idNumber: '430104199003071237' });
    await agreeToDeclarationNotice(page);

    expect(page.text('.reapply-note')).toContain('居住证明与申报地址不符');
    expect(page.find('.step-form').data.draft.residence).toMatchObject({
      district: '430104',
      street: '望月湖街道',
      address: '望月湖小区3栋201',
      since: '2026-05-01',
      kind: 'rent',
      basis: 'residence',
    });
    await page.type(form('.field-address'), '望月湖小区3栋202');
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    expect(page.text('.reapply-note')).toContain('居住证明与申报地址不符');
    const lists = await uploadsDone(page);
    expect(lists.idFront.map((i) => i.fileId)).toEqual([before.materials.idFront.fileId]);
    expect(lists.proofs.map((i) => i.fileId)).toEqual(before.materials.proofs.map((l: { fileId: string }) => l.fileId));
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.data.step).toBe(4));
    expect(page.query('.reapply-note')).toBeUndefined();
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));
    const { items } = (await backend.call(ME, 'listApplications')).data;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['pending', 'rejected']);
    expect(items[0].residence.address).toBe('望月湖小区3栋202');
  });

  it('starts blank from an application that was not refused', async () => {
    const pending = await backend.declare(ME);
    await backend.call(ME, 'withdraw', { id: pending }, 'withdraw-1');
    const page = await openFlow({ service: 'declaration', from: pending });
    await settle();
    expect(page.find('.step-identity').data.name).toBe('');
    expect(page.data.reapplying).toBeNull();
  });
});
