// 人员管理 rendered with real Vant against the real backend: a supervisor gives and takes staff roles of their
// own districts, the queue offers the page to supervisors alone, and everyone else is told it is not theirs.
import { DEV_OPENID_KEY } from '../../miniprogram/config';
import { loadPage, textOf, waitFor, wxMock, type LoadedPage } from './harness';
import { freshBackendEachTest } from './support/world';

const CHIEF = 'chief-yuelu';
const OFFICER = 'officer-yuelu';
const QUEUE = 'staff/pages/queue/index';
const PEOPLE = 'staff/pages/people/index';

const backend = freshBackendEachTest('2026-09-01T10:00:00+08:00', async (b) => {
  await b.grant(CHIEF, ['430104', '430111'], { name: '周建华', badge: 'CS01234', supervisor: true });
  await b.grant(OFFICER, ['430104'], { name: '李强', badge: 'CS02001' });
});

const as = (openid: string) => wxMock.storage.set(DEV_OPENID_KEY, openid);

async function openPeople(): Promise<LoadedPage> {
  const page = await loadPage(PEOPLE);
  await waitFor(() => expect(page.data.loading).toBe(false));
  expect(page.query('.page-skeleton')).toBeUndefined();
  return page;
}

async function fill(page: LoadedPage, fields: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(fields)) await page.emit(`.field-${field}`, 'change', value);
}

describe('人员管理', () => {
  it('is offered in the queue to a supervisor, and only to one', async () => {
    as(CHIEF);
    const queue = await loadPage(QUEUE);
    await waitFor(() => expect(queue.query('.people')).toBeDefined());
    await queue.tap('.people');
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: '/staff/pages/people/index' });

    as(OFFICER);
    const plain = await loadPage(QUEUE);
    await waitFor(() => expect(plain.data.loading).toBe(false));
    expect(plain.query('.page-skeleton')).toBeUndefined();
    expect(plain.query('.people')).toBeUndefined();
  });

  it('gives a role within the supervisor’s districts, which then opens the console to that officer', async () => {
    as(CHIEF);
    const page = await openPeople();
    expect(page.text()).toContain('当前登录：周建华（警号 CS01234） · 岳麓区、雨花区 · 主管');
    // Only the supervisor's own districts are offered.
    expect(page.findAll('.district').map(textOf)).toEqual(['岳麓区', '雨花区']);
    await fill(page, { openid: 'officer-new', name: '赵新', badge: 'CS09999' });
    await page.tap('.district');
    await page.tap('.grant');
    await waitFor(() => expect(page.text()).toContain('已授权：赵新（警号 CS09999） · 岳麓区'));
    // The form is cleared for the next person.
    expect(page.data.form).toEqual({ openid: '', name: '', badge: '', districts: [], supervisor: false });
    expect(await backend.staffCall('officer-new', 'profile')).toMatchObject({ ok: true, data: { districts: ['430104'], name: '赵新' } });
  });

  it('shows each refused field beside it, and keeps what was typed', async () => {
    as(CHIEF);
    const page = await openPeople();
    await fill(page, { openid: 'has space', name: '赵新', badge: '警号一' });
    await page.tap('.grant');
    await waitFor(() => expect(page.data.granting).toBe(false));
    expect(Object.keys(page.data.errors).sort()).toEqual(['badge', 'districts', 'openid']);
    expect(page.text()).toContain('请填写警号（1–20 位字母或数字）');
    expect(page.text()).toContain('请选择辖区');
    expect(page.data.form).toMatchObject({ openid: 'has space', name: '赵新', badge: '警号一' });
  });

  it('takes a role after asking, and says when there is no such officer in the districts', async () => {
    as(CHIEF);
    const page = await openPeople();
    await page.emit('.field-revoke', 'change', OFFICER);
    await page.tap('.revoke');
    await waitFor(() => expect(page.data.revokeOpenid).toBe(''));
    expect(wxMock.callsOf('showModal')[0]).toMatchObject({ title: '撤销权限', confirmText: '撤销' });
    expect(await backend.staffCall(OFFICER, 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await page.emit('.field-revoke', 'change', 'nobody');
    await page.tap('.revoke');
    await waitFor(() => expect(page.text()).toContain('没有找到这条记录'));

    // Cancelling the question changes nothing.
    await backend.grant('officer-two', ['430104'], { name: '王敏', badge: 'CS03001' });
    wxMock.nextModalResult({ confirm: false });
    await page.emit('.field-revoke', 'change', 'officer-two');
    await page.tap('.revoke');
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(3));
    await waitFor(() => expect(page.data.revoking).toBe(false));
    expect(await backend.staffCall('officer-two', 'profile')).toMatchObject({ ok: true });
  });

  it('gives the supervisor a card per district with the last 30 days’ work', async () => {
    const decided = await backend.declare('resident-a', '430104199003071237');
    await backend.declare('resident-b', '430104199003071018');
    backend.clock.set(Date.parse('2026-09-03T10:00:00+08:00'));
    await backend.decide(OFFICER, decided, 'approve');
    backend.clock.set(Date.parse('2026-09-18T10:00:00+08:00'));

    as(CHIEF);
    const page = await openPeople();
    await waitFor(() => expect(textOf(page.find('.district-430104'))).toContain('中位办结天数'));
    await waitFor(() => expect(textOf(page.find('.district-430111'))).toContain('中位办结天数'));
    const yuelu = textOf(page.find('.district-430104'));
    for (const shown of ['岳麓区', '2 近30日收件', '1 近30日办结', '1 当前超期', '2 天 中位办结天数']) expect(yuelu).toContain(shown);
    const yuhua = textOf(page.find('.district-430111'));
    for (const shown of ['雨花区', '0 近30日收件', '0 近30日办结', '0 当前超期', '— 中位办结天数']) expect(yuhua).toContain(shown);
    expect(page.findAll('.district-card')).toHaveLength(2);
  });

  it('tells an officer who does not supervise that the page is not theirs', async () => {
    as(OFFICER);
    const page = await openPeople();
    expect(page.text()).toContain('人员管理仅供主管使用');
    expect(page.query('.grant')).toBeUndefined();
    expect(page.query('.district-card')).toBeUndefined();
  });
});
