// 我的办件 and 办件详情 rendered with real Vant against the real backend.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { pickupQrDataUrl } from '../../miniprogram/utils/pickupQr';
import { loadPage, textOf, waitFor, wxMock } from './harness';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const backend = freshBackendEachTest('2026-09-01T09:15:00+08:00');

describe('我的办件', () => {
  it('invites someone without applications to declare', async () => {
    const page = await loadPage('pages/applications/index');
    await waitFor(() => expect(page.text()).toContain('您还没有办件'));
    await page.tap('.declare');
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: '/pages/apply/index?service=declaration' });
  });

  it('lists applications newest first, twenty at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const id = await backend.declare(ME);
      ids.unshift(id);
      await backend.call(ME, 'withdraw', { id }, `list-withdraw-${i}`);
      backend.clock.set(backend.clock.now() + 60_000);
    }
    const page = await loadPage('pages/applications/index');
    await waitFor(() => expect(page.findAll('.application')).toHaveLength(20));
    expect(textOf(page.findAll('.application')[0])).toContain('居住信息申报');
    expect(page.findAll('.application-status').map(textOf)).toEqual(Array(20).fill('已撤回'));
    await page.tap('.more');
    await waitFor(() => expect(page.findAll('.application')).toHaveLength(21));
    expect(page.query('.more')).toBeUndefined();
    await page.tap(page.findAll('.application')[0]);
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: `/pages/application/index?id=${ids[0]}` });
  });
});

describe('我的办件 rows', () => {
  it('puts the submission day and the review deadline on lines of their own, each date kept whole', async () => {
    await backend.declare(ME);
    const page = await loadPage('pages/applications/index');
    await waitFor(() => expect(page.findAll('.application')).toHaveLength(1));
    expect(page.findAll('.application-line').map(textOf)).toEqual(['2026年9月1日 提交', '2026年9月16日 前完成审核']);
    expect(page.findAll('.application-date').map(textOf)).toEqual(['2026年9月1日', '2026年9月16日']);
  });
});

describe('办件详情', () => {
  it('shows the dates, the masked ID number, the materials and the timeline, and withdraws', async () => {
    const id = await backend.declare(ME, '43010219920815106X');
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('审核中'));
    const text = page.text();
    expect(text).toContain('公安机关将在');
    expect(text).toContain('430102********106X');
    expect(text).not.toContain('43010219920815106X');
    expect(text).toContain('已提交');
    expect(text).toContain('长沙市岳麓区望月湖街道望月湖小区3栋201');
    const thumbs = page.findAll('.photos >>> .thumb');
    expect(thumbs).toHaveLength(2);

    wxMock.nextModalResult({ confirm: false });
    await page.tap('.withdraw');
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(1));
    expect(page.text()).toContain('审核中');

    await page.tap('.withdraw');
    await waitFor(() => expect(page.text()).toContain('您已撤回这件办件'));
    expect(page.text()).toContain('已撤回');
    expect(page.query('.withdraw')).toBeUndefined();
    const stored = await backend.call(ME, 'getApplication', { id });
    expect(stored.data.timeline.map((t: { status: string }) => t.status)).toEqual(['pending', 'withdrawn']);
  });

  it('shows its number to quote at the window, and copies it', async () => {
    const id = await backend.declare(ME);
    const copied: unknown[] = [];
    const wxCopy = jest.spyOn(wx, 'setClipboardData').mockImplementation((options) => {
      copied.push(options.data);
      return Promise.resolve({ errMsg: 'setClipboardData:ok' }) as never;
    });
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('审核中'));
    expect(page.text('.number')).toContain('办件编号');
    expect(page.text('.number')).toContain(id);
    expect(page.query('.pickup-qr')).toBeUndefined();
    await page.tap('.copy-number');
    expect(copied).toEqual([id]);
    wxCopy.mockRestore();
  });

  it('links each material through a short-lived address on the host', async () => {
    const id = await backend.declare(ME);
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.findAll('.photos >>> .thumb')).toHaveLength(2));
    const urls: string[] = page.data.model.materials.flatMap((m: { urls: string[] }) => m.urls);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/api\/files\/f-[a-z0-9]+\?expires=\d+&signature=/);
  });

  it('shows nothing of another resident’s application', async () => {
    const id = await backend.declare(ME, '430182198511110022');
    wxMock.storage.set(DEV_OPENID_KEY, 'dev-resident-2');
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('没有找到这条记录'));
    expect(page.text()).not.toContain('李晓梅');
  });
});

describe('a refused application', () => {
  it('shows the reasons at the top, and 重新申请 opens the same service', async () => {
    const officer = 'staff-refuse';
    await backend.grant(officer, 'all');
    const id = await backend.declare(ME);
    await backend.decide(officer, id, 'reject');
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('未通过'));
    expect(page.text('.rejection')).toContain('居住证明与申报地址不符');
    expect(page.text()).not.toContain('原因见下方办理记录');
    // At the top: before the dates and the timeline.
    const text = page.text();
    expect(text.indexOf('居住证明与申报地址不符')).toBeLessThan(text.indexOf('提交时间'));
    await page.tap('.reapply');
    expect(wxMock.callsOf('navigateTo')).toEqual([{ api: 'navigateTo', url: `/pages/apply/index?service=declaration&from=${id}` }]);
  });

  it('offers no 重新申请 while pending', async () => {
    const id = await backend.declare(ME);
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('审核中'));
    expect(page.query('.reapply')).toBeUndefined();
  });
});

describe('领取', () => {
  it('shows a ready card’s place, its unknown details as 以窗口公告为准, and the pickup code', async () => {
    const officer = 'staff-city';
    await backend.grant(officer, 'all');
    const me = 'dev-resident-pickup';
    const declaration = await backend.declare(me, '430121200002290018');
    await backend.decide(officer, declaration, 'approve');
    backend.clock.set(Date.parse('2027-03-02T10:00:00+08:00'));
    const applied = await backend.apply(me, 'permit');
    expect(applied.ok).toBe(true);
    const id = applied.data.id;
    await backend.decide(officer, id, 'approve', 'markReady');
    const code = (await backend.call(me, 'getApplication', { id })).data.pickup.pickupCode;

    wxMock.storage.set(DEV_OPENID_KEY, me);
    const page = await loadPage('pages/application/index', { query: { id } });
    await waitFor(() => expect(page.text()).toContain('待领取'));
    const text = page.text();
    expect(text).toContain(code);
    // The code alone as a QR for the counter's scanner, and the code in text beside it. (Simulate's <image>
    // keeps no attributes: the URL is read from the data the template binds to its src.)
    expect(page.query('.pickup-qr')).toBeDefined();
    expect(page.data.model.pickup.qr).toBe(pickupQrDataUrl(code));
    expect(page.data.model.pickup.qr).toMatch(/^data:image\/gif;base64,/);
    expect(page.text('.pickup-code-box')).toContain(code);
    // Declared in 岳麓区 (the default), an urban district: the hall on 金盾路.
    expect(text).toContain('长沙市公安局人口与出入境管理支队接待大厅');
    expect(text).toContain('长沙市雨花区金盾路30号');
    expect(text).toContain('以窗口公告为准');
    // No phone number or map is known, so neither is offered.
    expect(page.query('.call')).toBeUndefined();
    expect(page.query('.map')).toBeUndefined();
  });

  it('sends a county’s resident to the police station of their address', async () => {
    const officer = 'staff-county';
    await backend.grant(officer, ['430181']);
    const me = 'dev-resident-liuyang';
    backend.clock.set(Date.parse('2026-09-01T09:15:00+08:00'));
    const declaration = await backend.declare(me, '430181199505050017', '430181');
    await backend.decide(officer, declaration, 'approve');
    backend.clock.set(Date.parse('2027-03-02T10:00:00+08:00'));
    const permit = await backend.apply(me, 'permit');
    expect(permit.ok).toBe(true);
    await backend.decide(officer, permit.data.id, 'approve', 'markReady');

    wxMock.storage.set(DEV_OPENID_KEY, me);
    const page = await loadPage('pages/application/index', { query: { id: permit.data.id } });
    await waitFor(() => expect(page.text()).toContain('待领取'));
    expect(page.text('.pickup')).toContain('浏阳市居住地派出所');
    // The station is the one of the resident's street: how to find it, never a name or address made up.
    expect(page.text('.pickup')).toContain('可拨打 12345 或询问所在社区居委会，查询您居住地址所属的派出所');
    expect(page.text('.pickup')).toContain('以窗口公告为准');
    expect(page.text('.pickup')).not.toContain('金盾路');
  });
});
