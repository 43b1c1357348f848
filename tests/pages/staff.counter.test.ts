// The counter side of the staff console against the real backend: finding an application by what the
// person at the counter says or shows (name, ID digits, 办件编号, pickup code, its QR code), the counts
// of what waits, and handing a card over only on a checked code.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import type { ApplicationRecord } from '../../server/records';
import { loadPage, textOf, waitFor, wxMock, type LoadedPage } from './harness';
import { freshBackendEachTest } from './support/world';

const RESIDENT = DEFAULT_DEV_OPENID;
const YUELU = 'staff-yuelu';
const FURONG = 'staff-furong';
const ID_NUMBER = '430104199003071237';
const QUEUE = 'staff/pages/queue/index';
const REVIEW = 'staff/pages/review/index';

const backend = freshBackendEachTest('2026-09-01T10:00:00+08:00', async (b) => {
  await b.grant(YUELU, ['430104'], { name: '李强', badge: 'CS02001' });
  await b.grant(FURONG, ['430102'], { name: '王芳', badge: 'CS03001' });
});

const as = (openid: string) => wxMock.storage.set(DEV_OPENID_KEY, openid);

async function openQueue(): Promise<LoadedPage> {
  const page = await loadPage(QUEUE);
  await waitFor(() => expect(page.data.loading).toBe(false));
  return page;
}

async function search(page: LoadedPage, text: string): Promise<void> {
  await page.emit('.search', 'change', text);
  await page.tap('.search-go');
  await waitFor(() => expect(page.data.loading).toBe(false));
}

/** A permit of the resident's, approved and made: waiting at the counter with its pickup code. */
async function readyPermit(): Promise<{ id: string; code: string }> {
  const declaration = await backend.declare(RESIDENT, ID_NUMBER);
  await backend.decide(YUELU, declaration, 'approve');
  backend.clock.set(Date.parse('2027-03-01T10:00:00+08:00'));
  const applied = await backend.apply(RESIDENT, 'permit');
  await backend.decide(YUELU, applied.data.id, 'approve', 'markReady');
  const code = (await backend.store.get<ApplicationRecord>('applications', applied.data.id))!.pickupCode!;
  return { id: applied.data.id, code };
}

describe('the search', () => {
  it('finds by name, by the last ID digits and by 办件编号, in every status, and goes back to the queue', async () => {
    const id = await backend.declare(RESIDENT, ID_NUMBER);
    await backend.decide(YUELU, id, 'reject');
    as(YUELU);
    const page = await openQueue();
    expect(page.find('.search').data.placeholder).toBe('姓名、身份证后4–6位、办件编号或领取码');
    // Refused, it has left the queue…
    expect(page.text()).toContain('没有符合条件的办件');

    // …but a search finds it whatever its status.
    for (const text of ['李晓梅', '1237', '071237', id]) {
      await search(page, text);
      await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
      expect(textOf(page.find('.row'))).toContain('未通过');
      expect(page.query('.filters')).toBeUndefined();
    }

    await page.tap('.back-to-queue');
    await waitFor(() => expect(page.text()).toContain('没有符合条件的办件'));
    expect(page.query('.filters')).toBeDefined();
    expect(page.query('.back-to-queue')).toBeUndefined();
  }, 20_000);

  it('says plainly when nothing matches, and finds nothing of another district', async () => {
    await backend.declare(RESIDENT, ID_NUMBER);
    as(FURONG);
    const page = await openQueue();
    await search(page, '李晓梅');
    await waitFor(() => expect(page.text()).toContain('没有找到与“李晓梅”相符的办件'));
    expect(page.query('.row')).toBeUndefined();
  });

  it('finds a card waiting for pickup by its code, without showing the code', async () => {
    const { id, code } = await readyPermit();
    as(YUELU);
    const page = await openQueue();
    await search(page, code.toLowerCase());
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
    expect(textOf(page.find('.row'))).toContain('待领取');
    expect(page.data.rows[0].id).toBe(id);
  });
});

describe('the scanner', () => {
  it('opens the scanned code’s card ready to hand over', async () => {
    const { id, code } = await readyPermit();
    as(YUELU);
    const page = await openQueue();
    wxMock.nextScanResult(code);
    await page.tap('.scan');
    await waitFor(() => expect(wxMock.callsOf('navigateTo')).toHaveLength(1));
    expect(wxMock.callsOf('scanCode')[0]).toMatchObject({ scanType: ['qrCode'] });
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: `/staff/pages/review/index?id=${id}&code=${code}` });

    // Opened so, the review page has the code in place: one tap, one confirmation, handed over.
    const review = await loadPage(REVIEW, { query: { id, code } });
    await waitFor(() => expect(review.query('.pickup-form')).toBeDefined());
    expect(review.find('.pickup-form >>> .pickup-code').data.value).toBe(code);
    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(review.text()).toContain('证件已交付，办理完毕。'));
    expect(wxMock.callsOf('showModal').at(-1)).toMatchObject({ content: '已核对领取码，确认把证件交给李晓梅本人？' });
  });

  it('says so when the code belongs to no card waiting for pickup, and does nothing on a cancelled scan', async () => {
    await readyPermit();
    as(YUELU);
    const page = await openQueue();
    wxMock.nextScanResult('ZZZZ9999');
    await page.tap('.scan');
    await waitFor(() => expect(page.text()).toContain('没有找到这个领取码对应的待领取证件'));
    expect(page.text()).not.toContain('ZZZZ9999');
    expect(wxMock.callsOf('navigateTo')).toHaveLength(0);
    await page.tap('.back-to-queue');
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));

    // Nothing queued: the person closes the scanner.
    await page.tap('.scan');
    await waitFor(() => expect(wxMock.callsOf('scanCode')).toHaveLength(2));
    expect(wxMock.callsOf('navigateTo')).toHaveLength(0);
    expect(page.findAll('.row')).toHaveLength(1);
  });

  it('fills the code on the review page from a scan there too', async () => {
    const { id, code } = await readyPermit();
    as(YUELU);
    const review = await loadPage(REVIEW, { query: { id } });
    await waitFor(() => expect(review.query('.pickup-form')).toBeDefined());
    wxMock.nextScanResult(code);
    await review.tap(review.find('.pickup-form >>> .scan-code'));
    await waitFor(() => expect(review.find('.pickup-form >>> .pickup-code').data.value).toBe(code));
  });
});

describe('the hand-over', () => {
  it('checks a typed code before asking, and hands over only after the confirmation names the person', async () => {
    const { id, code } = await readyPermit();
    as(YUELU);
    const review = await loadPage(REVIEW, { query: { id } });
    await waitFor(() => expect(review.query('.pickup-form')).toBeDefined());

    await review.type(review.find('.pickup-form >>> .pickup-code'), 'WRONG123');
    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(review.text('.pickup-form')).toContain('领取码不正确'));
    expect(wxMock.callsOf('showModal')).toHaveLength(0);
    expect(review.text()).toContain('待领取');

    // The officer thinks again at the confirmation: nothing is handed over.
    await review.type(review.find('.pickup-form >>> .pickup-code'), code);
    wxMock.nextModalResult({ confirm: false });
    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(1));
    expect(wxMock.callsOf('showModal')[0]).toMatchObject({ content: '已核对领取码，确认把证件交给李晓梅本人？' });
    const still = await backend.staffCall(YUELU, 'getApplication', { id });
    expect(still.data.status).toBe('ready');

    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(review.text()).toContain('证件已交付，办理完毕。'));
    expect(review.text()).not.toContain(code);
  });

  it('on an ID card checked in person, also after a confirmation that names the person', async () => {
    const { id } = await readyPermit();
    as(YUELU);
    const review = await loadPage(REVIEW, { query: { id } });
    await waitFor(() => expect(review.query('.pickup-form')).toBeDefined());
    await review.emit(review.find('.pickup-form >>> .id-card-checked'), 'change', true);
    wxMock.nextModalResult({ confirm: false });
    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(1));
    expect(wxMock.callsOf('showModal')[0]).toMatchObject({ content: '已当面核验身份证，确认把证件交给李晓梅本人？' });
    expect((await backend.staffCall(YUELU, 'getApplication', { id })).data.status).toBe('ready');
    await review.tap(review.find('.pickup-form >>> .send-collect'));
    await waitFor(() => expect(review.text()).toContain('工作人员当面核验身份证后交付'));
    // Who did it, by name and badge.
    expect(review.text()).toContain('李强（警号 CS02001）');
    expect(review.text()).not.toContain(YUELU);
  });
});

describe('the counts', () => {
  it('show what waits by status and the deadlines, and a tap filters by status', async () => {
    const first = await backend.declare(RESIDENT, ID_NUMBER);
    await backend.declare(RESIDENT, '430104199003071018');
    await backend.staffCall(YUELU, 'requestCorrection', { id: first, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, 'ask');
    as(YUELU);
    const page = await openQueue();
    await waitFor(() => expect(page.findAll('.tile')).toHaveLength(6));
    const tiles = page.findAll('.tile').map(textOf);
    expect(tiles).toEqual(['1 待审核', '1 待申请人补正', '0 待制证', '0 待领取', '0 已超期', '0 今日到期']);
    await page.tap('.tile-correction_requested');
    await waitFor(() => expect(page.data.status).toBe('correction_requested'));
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(1));
    expect(textOf(page.find('.row'))).toContain('2026年9月1日要求补正');
    // The same count again: everything waiting.
    await page.tap('.tile-correction_requested');
    await waitFor(() => expect(page.findAll('.row')).toHaveLength(2));
    expect(page.data.status).toBe('');

    // On the last day of the review, it is due today; the day after, overdue.
    backend.clock.set(Date.parse('2026-09-16T09:00:00+08:00'));
    await page.show();
    await waitFor(() => expect(textOf(page.find('.tile-dueToday'))).toBe('1 今日到期'));
    backend.clock.set(Date.parse('2026-09-17T09:00:00+08:00'));
    await page.show();
    await waitFor(() => expect(textOf(page.find('.tile-overdue'))).toBe('1 已超期'));
  });
});
