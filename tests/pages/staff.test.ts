// The staff console (the `staff` subpackage) rendered with real Vant against the real backend: the queue
// by district and filter, the review screen with the full ID number, and every decision it offers.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import type { ApplicationRecord } from '../../server/records';
import { loadPage, settle, textOf, waitFor, wxMock, type LoadedPage } from './harness';
import { freshBackendEachTest } from './support/world';

const RESIDENT = DEFAULT_DEV_OPENID;
const YUELU = 'staff-yuelu'; // 岳麓区 430104, where backend.declare puts the residence
const FURONG = 'staff-furong'; // 芙蓉区 430102
const ID_NUMBER = '430104199003071237';
const QUEUE = 'staff/pages/queue/index';
const REVIEW = 'staff/pages/review/index';

const backend = freshBackendEachTest('2026-09-01T10:00:00+08:00', async (b) => {
  await b.grant(YUELU, ['430104'], { name: '李强', badge: 'CS02001' });
  await b.grant(FURONG, ['430102']);
});

const as = (openid: string) => wxMock.storage.set(DEV_OPENID_KEY, openid);

/** A valid ID number of a different person for each n. */
const person = (n: number) => {
  const first17 = `43010419900307${String(100 + n).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

async function openReview(id: string): Promise<LoadedPage> {
  const page = await loadPage(REVIEW, { query: { id } });
  await waitFor(() => expect(page.data.loading).toBe(false));
  expect(page.query('.page-skeleton')).toBeUndefined();
  return page;
}

/** A permit applied for by the resident six months after an approved declaration, then approved by 岳麓区. */
async function approvedPermit(): Promise<string> {
  const declaration = await backend.declare(RESIDENT, ID_NUMBER);
  await backend.decide(YUELU, declaration, 'approve');
  backend.clock.set(Date.parse('2027-03-01T10:00:00+08:00'));
  const applied = await backend.apply(RESIDENT, 'permit');
  await backend.decide(YUELU, applied.data.id, 'approve');
  return applied.data.id;
}

/** A timeline's status changes, as the resident's own getApplication lists them. */
async function residentTimeline(id: string): Promise<{ status: string; items?: { item: string; message: string }[] }[]> {
  const result = await backend.call(RESIDENT, 'getApplication', { id });
  return result.data.timeline;
}

describe('待办', () => {
  it('lists the district’s applications, marks the overdue ones and opens one for review', async () => {
    const id = await backend.declare(RESIDENT, ID_NUMBER);
    as(YUELU);
    const page = await loadPage(QUEUE);
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
    const row = textOf(page.find('.row'));
    for (const text of ['李晓梅', '居住信息申报', '430104********1237', '岳麓区', '审核期限 2026年9月16日', '待审核']) expect(row).toContain(text);
    expect(row).not.toContain(ID_NUMBER);
    expect(page.query('.row-overdue')).toBeUndefined();

    // The review deadline passes while the reviewer is away; coming back shows it.
    backend.clock.set(Date.parse('2026-09-17T09:00:00+08:00'));
    await page.show();
    await waitFor(() => expect(page.query('.row-overdue')).toBeDefined());
    expect(textOf(page.find('.row-overdue'))).toBe('已超期');

    await page.tap('.row');
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: `/staff/pages/review/index?id=${id}` });
  });

  it('filters by status and kind, and loads more a page at a time', async () => {
    for (let n = 0; n < 21; n++) await backend.declare(RESIDENT, person(n));
    const asked = await backend.declare(RESIDENT, person(21));
    await backend.staffCall(YUELU, 'requestCorrection', { id: asked, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, 'ask');
    as(YUELU);
    const page = await loadPage(QUEUE);
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(20));
    await page.tap('.more');
    // Everything waiting: the 21 to review and the one waiting for the applicant's correction.
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(22));
    expect(page.query('.more')).toBeUndefined();

    await page.emit('.filter-status', 'change', 'correction_requested');
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
    expect(textOf(page.find('.row'))).toContain('待申请人补正');
    expect(textOf(page.find('.row'))).toContain('2026年9月1日要求补正');

    await page.emit('.filter-kind', 'change', 'permit');
    await waitFor(() => expect(page.text()).toContain('没有符合条件的办件'));
    await page.emit('.filter-kind', 'change', 'declaration');
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
  }, 30_000);

  it('shows another district’s staff nothing, and tells a resident the console is for staff', async () => {
    const id = await backend.declare(RESIDENT, ID_NUMBER);
    as(FURONG);
    const queue = await loadPage(QUEUE);
    await waitFor(() => expect(queue.text()).toContain('没有符合条件的办件'));
    const review = await openReview(id);
    expect(review.text()).toContain('没有找到这条记录');
    expect(review.text()).not.toContain('李晓梅');

    as(RESIDENT);
    const refused = await loadPage(QUEUE);
    await waitFor(() => expect(refused.text()).toContain('您不是工作人员'));
    expect(refused.query('.row')).toBeUndefined();
    expect(refused.query('.filters')).toBeUndefined();
  });
});

describe('审核办件', () => {
  it('shows the full ID number, asks for two corrections at once, and approves after the resubmission', async () => {
    const id = await backend.declare(RESIDENT, ID_NUMBER);
    as(YUELU);
    const page = await openReview(id);
    const text = page.text();
    for (const shown of ['居住信息申报', '待审核', ID_NUMBER, '长沙市岳麓区望月湖街道望月湖小区3栋201', '2026年9月16日', '提交申请', '申请人']) expect(text).toContain(shown);
    expect(page.findAll('.photos >>> .thumb')).toHaveLength(2);
    // This very view of the number is on the record, discreetly.
    expect(textOf(page.find('.id-view'))).toContain('李强（警号 CS02001） 查看完整身份号码');
    expect(page.text()).not.toContain(YUELU);
    expect(page.query('.mark-ready')).toBeUndefined();
    expect(page.query('.pickup-form')).toBeUndefined();

    const previewed: { urls: string[]; current: string }[] = [];
    Object.assign(wx, { previewImage: (options: { urls: string[]; current: string }) => previewed.push(options) });
    await page.tap(page.find('.photos >>> .thumb'));
    expect(previewed).toHaveLength(1);
    expect(previewed[0]!.urls[0]).toBe(previewed[0]!.current);
    expect(previewed[0]!.current).toMatch(/^http:\/\/127\.0\.0\.1:8787\/api\/files\//);
    await page.tap('.open-correct');
    const form = page.find('.correction-form');
    // Only what this declaration must carry: no ID photo, no damaged card, no relation statement for a
    // rented home, and never the name or number.
    expect(page.query('.correction-form >>> .check-materials-proofs')).toBeDefined();
    for (const never of ['materials-photo', 'materials-damagedCard', 'materials-relationStatement', 'applicant-name', 'applicant-idNumber']) {
      expect(page.query(`.correction-form >>> .check-${never}`)).toBeUndefined();
    }
    // Nothing ticked: nothing is sent.
    await page.tap(page.find('.correction-form >>> .send-correction'));
    await waitFor(() => expect(textOf(form)).toContain('请至少选择一项需要补正的内容'));
    await page.emit(page.find('.correction-form >>> .check-applicant-mobile'), 'change', true);
    await page.emit(page.find('.correction-form >>> .check-materials-proofs'), 'change', true);
    await page.tap(page.find('.correction-form >>> .send-correction'));
    await waitFor(() => expect(textOf(form)).toContain('请写明需要怎样补正'));
    await page.type(page.find('.correction-form >>> .message-applicant-mobile'), '预留手机号码无法接通，请核实');
    await page.type(page.find('.correction-form >>> .message-materials-proofs'), '租赁合同缺少签字页');
    expect(textOf(page.find('.correction-form >>> .send-correction'))).toBe('发送补正通知（2 项）');

    wxMock.nextModalResult({ confirm: false });
    await page.tap(page.find('.correction-form >>> .send-correction'));
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(1));
    expect(wxMock.callsOf('showModal')[0]).toMatchObject({ content: expect.stringContaining('手机号码、居住地址证明') });
    expect((await residentTimeline(id)).map((t) => t.status)).toEqual(['pending']);

    await page.tap(page.find('.correction-form >>> .send-correction'));
    await waitFor(() => expect(page.text()).toContain('待申请人补正'));
    expect(page.query('.correction-form')).toBeUndefined();
    expect(page.query('.approve')).toBeUndefined();
    expect(page.query('.open-reject')).toBeDefined();
    expect(page.text()).toContain('手机号码：预留手机号码无法接通，请核实');
    const asked = (await residentTimeline(id)).at(-1);
    expect(asked).toMatchObject({
      status: 'correction_requested',
      items: [
        { item: 'applicant.mobile', message: '预留手机号码无法接通，请核实' },
        { item: 'materials.proofs', message: '租赁合同缺少签字页' },
      ],
    });

    const proof = await backend.upload(RESIDENT);
    const resubmitted = await backend.call(RESIDENT, 'resubmit', { id, applicant: { mobile: '13900139000' }, materials: { proofs: [proof] } }, 'resubmit-1');
    expect(resubmitted.ok).toBe(true);
    await page.load({ id });
    await waitFor(() => expect(page.text()).toContain('13900139000'));
    expect(page.findAll('.step-title').map(textOf)).toEqual(['提交申请', '要求补正', '重新提交']);
    // What changed since the correction was asked, before anything else on the screen.
    const changes = page.find('.changes');
    expect(textOf(changes)).toMatch(/手机号码\s*13800138000\s*→\s*13900139000/);
    expect(textOf(changes)).toContain('居住地址证明');
    expect(page.findAll('.change-added')).toHaveLength(1);
    expect(page.findAll('.change-removed')).toHaveLength(1);
    previewed.length = 0;
    await page.tap(page.find('.change-added'));
    expect(previewed[0]).toMatchObject({ current: expect.stringMatching(/^http:\/\/127\.0\.0\.1:8787\/api\/files\//) });
    // Reopening records another view; views by one officer read as one quiet line with their count.
    await page.load({ id });
    await waitFor(() => expect(page.findAll('.id-view').map(textOf).join('\n')).toMatch(/李强（警号 CS02001） 查看完整身份号码 \d+ 次（最后 \d\d:\d\d）/));
    expect(page.text()).not.toContain(YUELU);

    await page.type('.approve-note', '  材料齐全 ');
    await page.tap('.approve');
    await waitFor(() => expect(page.text()).toContain('申报已通过，办理完毕。'));
    expect(wxMock.callsOf('showModal').at(-1)).toMatchObject({ title: '审核通过', content: expect.stringContaining('确定通过李晓梅的居住信息申报吗？') });
    expect(page.query('.changes')).toBeUndefined();
    expect(page.query('.approve')).toBeUndefined();
    expect(page.text()).toContain('材料齐全');
    expect((await residentTimeline(id)).map((t) => t.status)).toEqual(['pending', 'correction_requested', 'pending', 'approved']);
  });

  it('rejects with every reason given', async () => {
    const id = await backend.declare(RESIDENT, ID_NUMBER);
    as(YUELU);
    const page = await openReview(id);
    expect(textOf(page.find('.open-reject'))).toBe('不予通过…');
    await page.tap('.open-reject');
    expect(textOf(page.find('.reasons-form >>> .send-reject'))).toBe('确认不予通过');
    await page.tap(page.find('.reasons-form >>> .add-reason'));
    await page.type(page.find('.reasons-form >>> .reason-0'), '租赁合同已过期');
    await page.tap(page.find('.reasons-form >>> .send-reject'));
    await waitFor(() => expect(page.text('.reasons-form')).toContain('请填写理由，或删除这一条'));
    await page.type(page.find('.reasons-form >>> .reason-1'), '居住地址与合同不一致');
    await page.tap(page.find('.reasons-form >>> .send-reject'));
    await waitFor(() => expect(page.text()).toContain('已不予通过，办理结束。'));
    expect(page.text()).toContain('理由2：居住地址与合同不一致');
    expect((await residentTimeline(id)).at(-1)).toMatchObject({ status: 'rejected', reasons: ['租赁合同已过期', '居住地址与合同不一致'] });
  });

  it('marks a card ready, refuses a wrong pickup code next to the field, and hands it over', async () => {
    const permit = await approvedPermit();
    as(YUELU);
    const page = await openReview(permit);
    expect(page.text()).toContain('核发居住证');
    expect(page.text()).toContain('待制证');
    expect(page.text()).toMatch(/发证日期\s*2027年3月1日/);
    expect(page.query('.approve')).toBeUndefined();
    await page.tap('.mark-ready');
    await waitFor(() => expect(page.query('.pickup-form')).toBeDefined());
    expect(page.text()).toContain('待领取');
    expect(page.text()).toContain('证件已制作');

    await page.type(page.find('.pickup-form >>> .pickup-code'), 'WRONG123');
    const asked = wxMock.callsOf('showModal').length;
    await page.tap(page.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(page.text('.pickup-form')).toContain('领取码不正确'));
    expect(page.text()).toContain('待领取');
    // A wrong code asks nothing and hands nothing over.
    expect(wxMock.callsOf('showModal')).toHaveLength(asked);

    const code = (await backend.store.get<ApplicationRecord>('applications', permit))!.pickupCode!;
    await page.type(page.find('.pickup-form >>> .pickup-code'), code.toLowerCase());
    await page.tap(page.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(page.text()).toContain('证件已交付，办理完毕。'));
    expect(wxMock.callsOf('showModal').at(-1)).toMatchObject({ content: '已核对领取码，确认把证件交给李晓梅本人？' });
    expect(page.text()).toContain('凭领取码交付');
    expect(page.text()).not.toContain(code);
  });

  it('hands a card over on an ID card checked in person, and records it', async () => {
    const permit = await approvedPermit();
    await backend.decide(YUELU, permit, 'markReady');

    as(YUELU);
    const page = await openReview(permit);
    await page.tap(page.find('.pickup-form >>> .send-collect'));
    await settle();
    expect(page.text('.pickup-form')).toContain('请输入领取码，或确认已当面核验身份证');
    await page.emit(page.find('.pickup-form >>> .id-card-checked'), 'change', true);
    await page.tap(page.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(page.text()).toContain('工作人员当面核验身份证后交付'));
    expect(wxMock.callsOf('showModal').at(-1)).toMatchObject({ content: '已当面核验身份证，确认把证件交给李晓梅本人？' });
  });
});
