// 申领条件自测 and 办事指南 rendered with real Vant: home opens them and shares itself; the questions lead
// to a service that opens, with a way back; the guide shows every kind of residence's materials and
// the photo examples with their verdicts; 我的办件 reads again when pulled down.
import { DEFAULT_DEV_OPENID } from '../../miniprogram/config';
import { RESIDENCE_KINDS } from '../../miniprogram/domain/contract';
import { loadPage, textOf, waitFor, wxMock } from './harness';
import { freshBackendEachTest } from './support/world';

const backend = freshBackendEachTest('2026-08-31T10:00:00+08:00');

async function answer(page: Awaited<ReturnType<typeof loadPage>>, value: string): Promise<void> {
  await page.tap(`.answer-${value}`);
}

describe('from the home page', () => {
  it('opens the self-check and the guide, and shares the home page with a friend', async () => {
    const home = await loadPage('pages/home/index');
    await waitFor(() => expect(home.text()).toContain('申领条件自测'));
    await home.tap('.self-check-link');
    await home.tap('.guide-link');
    expect(wxMock.callsOf('navigateTo').map((call) => call.url)).toEqual(['/pages/self-check/index', '/pages/guide/index']);
    const share = (home.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share).toEqual({ title: '长沙居住证：居住信息申报、居住证申领，在微信里办', path: '/pages/home/index' });
  });

  it('reads 我的办件 again when the list is pulled down, then ends the pull', async () => {
    const mine = await loadPage('pages/applications/index');
    await waitFor(() => expect(mine.text()).toContain('您还没有办件'));
    const id = await backend.declare(DEFAULT_DEV_OPENID);
    await (mine.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(mine.data.rows.map((row: { id: string }) => row.id)).toEqual([id]);
    expect(wxMock.callsOf('stopPullDownRefresh')).toHaveLength(1);
  });
});

describe('申领条件自测', () => {
  it('leads someone new to the declaration, with the date from the server’s today, and opens it', async () => {
    const page = await loadPage('pages/self-check/index');
    await waitFor(() => expect(page.data.today).toBe('2026-08-31'));
    expect(page.text('.question')).toBe('您现在持有长沙市居住证吗？');
    await answer(page, 'no');
    expect(page.text('.question')).toBe('您的户口在长沙市吗？');
    await answer(page, 'no');
    await answer(page, 'yes');
    await answer(page, 'no');
    expect(page.text('.outcome-title')).toBe('您需要先办理：居住信息申报');
    expect(page.text('.outcome')).toContain('2027年2月28日起可申领居住证');
    await page.tap('.start');
    expect(wxMock.callsOf('navigateTo')[0]).toMatchObject({ url: '/pages/apply/index?service=declaration' });
  });

  it('takes back the last answer with 上一题, and starts over with 重新测试', async () => {
    const page = await loadPage('pages/self-check/index');
    expect(page.query('.back')).toBeUndefined();
    await answer(page, 'yes');
    expect(page.text('.question')).toBe('您想办理的是哪种情况？');
    await page.tap('.back');
    expect(page.text('.question')).toBe('您现在持有长沙市居住证吗？');
    await answer(page, 'no');
    await answer(page, 'yes');
    expect(page.text('.outcome-title')).toBe('您不需要办理居住证');
    expect(page.query('.start')).toBeUndefined();
    await page.tap('.restart');
    expect(page.text('.question')).toBe('您现在持有长沙市居住证吗？');
  });
});

describe('办事指南', () => {
  it('lists the materials of every kind of residence, the relation statement where one is needed', async () => {
    const page = await loadPage('pages/guide/index');
    expect(page.findAll('.kind')).toHaveLength(RESIDENCE_KINDS.length);
    expect(page.text('.kind-rent')).toContain('居住地址证明：房屋租赁合同，1–5 张');
    expect(page.text('.kind-rent')).not.toContain('关系说明');
    expect(page.text('.kind-relative')).toContain('关系说明：与承租人或房主关系的书面说明');
  });

  it('shows what a good photo looks like and what is refused, in words beside each picture', async () => {
    const page = await loadPage('pages/guide/index');
    expect(page.findAll('.example-verdict').map(textOf)).toEqual([
      '可以：平放、四角完整、字迹清楚',
      '会被退回：边角没拍全',
      '会被退回：模糊看不清',
      '会被退回：反光挡住文字',
      '可以：白底、正面、免冠',
      '会被退回：戴帽子、墨镜，背景有颜色',
    ]);
    expect(page.text()).toContain('领取当天');
    expect(page.text()).toContain('搬家了怎么办？');
  });
});
