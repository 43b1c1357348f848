// 居住证首页 rendered by miniprogram-simulate (official wcc, real Vant), reading the real backend.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { BASES, RESIDENCE_KINDS } from '../../miniprogram/domain/contract';
import { DISTRICTS } from '../../miniprogram/domain/districts';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { BASIS_LABELS, RESIDENCE_KIND_LABELS } from '../../miniprogram/domain/labels';
import { MAX_PROOFS, PROOF_HINTS } from '../../miniprogram/domain/materials';
import { CITY_HALL } from '../../miniprogram/domain/pickupPlaces';
import { DEFAULT_CARD_FEE } from '../../server/settings';
import { loadPage, textOf, waitFor, wxMock } from './harness';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const OFFICER = 'staff-home';
const OTHER_ID_NUMBER = '43010219851111002' + checkDigit('43010219851111002');
const MOVED_ID_NUMBER = '43010519870505003' + checkDigit('43010519870505003');
/** The day ME's declaration of 2026-08-31 has lasted six months. */
const SIX_MONTHS_ON = '2027-02-28T00:00:00+08:00';
const backend = freshBackendEachTest('2026-08-31T10:00:00+08:00', (b) => b.grant(OFFICER, 'all'));

/** ME's declaration, made on 2026-08-31 and approved. */
async function approvedDeclaration(): Promise<void> {
  await backend.decide(OFFICER, await backend.declare(ME), 'approve');
}

/** ME holding a card: the permit applied for on the day six months are reached, made and handed over. */
async function holder(): Promise<void> {
  await approvedDeclaration();
  backend.clock.set(Date.parse(SIX_MONTHS_ON));
  const permit = await backend.apply(ME, 'permit');
  await backend.decide(OFFICER, permit.data.id, 'approve', 'markReady', 'markCollected');
}

function serviceTexts(page: Awaited<ReturnType<typeof loadPage>>): string[] {
  return page.findAll('.service').map(textOf);
}

describe('the home page', () => {
  it('welcomes someone new with the declaration as the only open service', async () => {
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('尚未申报居住信息'));
    expect(page.text()).toContain('中介、代办以任何名义收费均属违法');
    expect(page.text()).toContain('第一步：申报居住信息');
    const services = serviceTexts(page);
    // The tag says 可办理; the open entry's note does not say it again.
    expect(services[0]).toBe('居住信息申报 可办理');
    expect(services[1]).toMatch(/核发居住证.*需先完成居住信息申报并审核通过/);
    expect(page.findAll('.service-tag').map(textOf)).toEqual(['可办理', '暂不可办', '暂不可办', '暂不可办', '暂不可办']);
    expect(services[2]).toMatch(/居住登记凭证申领.*需先完成居住信息申报并审核通过/);
    expect(services[3]).toMatch(/居住证补领\/换领.*领取居住证后可办理补领或换领/);
    expect(services[4]).toMatch(/居住证签注.*领取居住证后可办理签注/);

    await page.tap(page.findAll('.service')[0]);
    expect(wxMock.callsOf('navigateTo')).toEqual([{ api: 'navigateTo', url: '/pages/apply/index?service=declaration' }]);
    await page.tap(page.findAll('.service')[1]);
    expect(wxMock.callsOf('navigateTo')).toHaveLength(1);
  });

  it('says why a closed entry is closed, and from when, when it is tapped', async () => {
    await approvedDeclaration();
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('已通过'));
    await page.tap(page.findAll('.service')[1]);
    await waitFor(() => expect(wxMock.callsOf('showModal')).toHaveLength(1));
    expect(wxMock.callsOf('showModal')[0]).toMatchObject({
      title: '核发居住证暂不可办',
      content: '居住满六个月后可申领，还需 181 天；2027年2月28日起可办理',
      showCancel: false,
    });
    expect(wxMock.callsOf('navigateTo')).toHaveLength(0);
  });

  it('shows a pending declaration with its provisional date and days left', async () => {
    await backend.declare(ME);
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('审核中'));
    const text = page.text();
    expect(text).toContain('2026年8月31日');
    expect(text).toContain('2027年2月28日');
    expect(text).toContain('暂定，申报审核通过后确定');
    expect(text).toContain('距可申领 181 天');
    expect(serviceTexts(page)[0]).toContain('您已有一件居住信息申报正在办理');
  });

  it('opens the voucher once approved, and the permit on the day six months are reached', async () => {
    await backend.declare(ME);
    const [latest] = (await backend.call(ME, 'listApplications')).data.items;
    await backend.decide(OFFICER, latest.id, 'approve');
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('已通过'));
    expect(page.text()).not.toContain('暂定');
    expect(serviceTexts(page)[2]).toBe('居住登记凭证申领 可办理');
    expect(serviceTexts(page)[1]).toMatch(/还需 181 天.*2027年2月28日起可办理/);

    backend.clock.set(Date.parse(SIX_MONTHS_ON));
    await page.show();
    await waitFor(() => expect(page.text()).toContain('已满六个月'));
    expect(serviceTexts(page)[1]).toBe('核发居住证 可办理');
    expect(serviceTexts(page)[2]).toContain('您已居住满六个月');
    expect(page.text()).toContain('现在可以申领居住证');
  });

  it('offers a holder 补领/换领 with the configured card fee, and points the permit entry there', async () => {
    await approvedDeclaration();
    backend.clock.set(Date.parse(SIX_MONTHS_ON));
    const applied = await backend.apply(ME, 'permit');
    expect(applied.ok).toBe(true);
    await backend.decide(OFFICER, applied.data.id, 'approve', 'markReady', 'markCollected');
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('已领取'));
    expect(serviceTexts(page)[3]).toMatch(new RegExp(`居住证补领/换领.*证件工本费 ${DEFAULT_CARD_FEE} 元`));
    expect(serviceTexts(page)[3]).not.toContain('可以办理');
    expect(serviceTexts(page)[1]).toContain('您已持有居住证，如需补领或换领请选择“居住证补领/换领”');
    expect(page.text()).toContain('补领、换领只收证件工本费');
  });

  it('shows a replacement in progress, and the card still held once that replacement is withdrawn', async () => {
    await holder();
    const replacement = await backend.apply(ME, 'reissue', { reason: 'damaged' });
    expect(replacement.ok).toBe(true);
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('补领/换领审核中'));
    expect((await backend.call(ME, 'withdraw', { id: replacement.data.id }, 'withdraw-replacement')).ok).toBe(true);
    await page.show();
    await waitFor(() => expect(page.text()).toContain('您的居住证：已领取'));
    expect(page.text()).not.toContain('已撤回');
  });

  it('shows the card as lost from the moment a replacement for a lost card is submitted', async () => {
    await holder();
    expect((await backend.apply(ME, 'reissue', { reason: 'lost' })).ok).toBe(true);
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('已挂失'));
    expect(page.text()).toContain('已挂失，补领审核中');
    expect(page.text()).not.toContain('补领/换领审核中');
  });

  it('shows a card reported lost as lost once its replacement is withdrawn, and offers the replacement again', async () => {
    await holder();
    const lost = await backend.apply(ME, 'reissue', { reason: 'lost' });
    expect(lost.ok).toBe(true);
    expect((await backend.call(ME, 'withdraw', { id: lost.data.id }, 'withdraw-lost')).ok).toBe(true);
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('已挂失'));
    expect(page.text()).toContain('您的居住证已登记挂失，可以办理遗失补领。');
    expect(serviceTexts(page)[3]).toMatch(/居住证补领\/换领.*可办理/);
  });

  it('shows no date for a refused first declaration, and asks to declare again', async () => {
    const refused = 'dev-home-refused';
    wxMock.storage.set(DEV_OPENID_KEY, refused);
    await backend.decide(OFFICER, await backend.declare(refused, OTHER_ID_NUMBER), 'reject');
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('未通过'));
    expect(page.text()).toContain('第一步：申报居住信息');
    expect(page.text()).not.toContain('距可申领');
    expect(page.text()).not.toContain('暂定');
    expect(serviceTexts(page)[0]).toBe('居住信息申报 可办理');
  });

  it('keeps counting from an approved declaration when a newer one is refused', async () => {
    backend.clock.set(Date.parse(SIX_MONTHS_ON));
    const moved = 'dev-home-moved';
    wxMock.storage.set(DEV_OPENID_KEY, moved);
    const first = await backend.declare(moved, MOVED_ID_NUMBER);
    await backend.decide(OFFICER, first, 'approve');
    await backend.decide(OFFICER, await backend.declare(moved, MOVED_ID_NUMBER), 'reject');
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('未通过'));
    // The clock stands at 2027-02-28: the approved declaration of that day opens the permit on 2027-08-28.
    expect(page.text()).toContain('2027年8月28日');
    expect(page.text()).toContain('还需 181 天即可申领居住证');
    expect(page.text()).not.toContain('第一步');
    expect(serviceTexts(page)[2]).toBe('居住登记凭证申领 可办理');
  });

  it('shows a held card’s validity, years and next window, then says plainly when it lapses and opens 签注', async () => {
    await holder();
    let page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('有效期至'));
    expect(page.text()).toContain('2028年2月27日');
    expect(page.text()).toContain('连续居住年限');
    expect(page.text()).toContain('2028年1月28日至2月27日');
    expect(serviceTexts(page).find((t) => t.includes('居住证签注'))).toContain('暂不可办');

    backend.clock.set(Date.parse('2028-02-28T00:00:00+08:00'));
    page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('居住证自2028年2月28日起暂停使用'));
    expect(page.text()).toContain('连续居住年限重新计算');
    expect(serviceTexts(page).find((t) => t.includes('居住证签注'))).toContain('可办理');
  });

  it('explains the conditions, materials and pickup from the rules the forms and the server use', async () => {
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('我的居住状态'));
    const conditions = page.findAll('.condition').map(textOf).join('\n');
    for (const basis of BASES) expect(conditions).toContain(BASIS_LABELS[basis]);
    const materials = page.findAll('.material').map(textOf).join('\n');
    for (const kind of RESIDENCE_KINDS) expect(materials).toContain(`${RESIDENCE_KIND_LABELS[kind]}：${PROOF_HINTS[kind]}`);
    expect(materials).toContain(`最多 ${MAX_PROOFS} 张`);
    const pickup = page.findAll('.pickup').map(textOf).join('\n');
    expect(pickup).toContain(`${CITY_HALL.name}（${CITY_HALL.address}）`);
    for (const district of DISTRICTS) expect(pickup).toContain(district.name);
  });

  it('says when the backend cannot be reached, and loads again on request', async () => {
    backend.offline = true;
    const page = await loadPage('pages/home/index');
    await waitFor(() => expect(page.text()).toContain('网络不可用，请检查网络后重试'));
    backend.offline = false;
    await page.tap(page.find('.retry'));
    await waitFor(() => expect(page.text()).toContain('我的居住状态'));
  });
});
