// 核发居住证, 居住登记凭证申领 and 居住证补领/换领 through the one flow page, each entry in each of
// its states, against the real backend: the page says what the server decides, with the date.
import { DEV_OPENID_KEY } from '../../miniprogram/config';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { DEFAULT_CARD_FEE } from '../../server/settings';
import { loadPage, textOf, waitFor, wxMock, type LoadedPage } from './harness';
import { freshBackendEachTest } from './support/world';

const OFFICER = 'staff-services';
const DECLARED = '2026-08-31T10:00:00+08:00';
const backend = freshBackendEachTest(DECLARED, (b) => b.grant(OFFICER, 'all'));
let people = 0;

/** A new resident of 岳麓区 (urban), with a declaration made on 2026-08-31 and approved; the page acts as them. */
async function approvedResident(): Promise<string> {
  const openid = `dev-services-${++people}`;
  const first17 = `43010419900315${String(people).padStart(3, '0')}`;
  const id = await backend.declare(openid, first17 + checkDigit(first17));
  await backend.decide(OFFICER, id, 'approve');
  wxMock.storage.set(DEV_OPENID_KEY, openid);
  return openid;
}

/** A permit applied for through the API, then approved, made ready and collected. */
async function collectedPermit(openid: string): Promise<string> {
  backend.clock.set(Date.parse('2027-03-01T09:00:00+08:00'));
  const applied = await backend.apply(openid, 'permit');
  expect(applied.ok).toBe(true);
  await backend.decide(OFFICER, applied.data.id, 'approve', 'markReady', 'markCollected');
  return applied.data.id;
}

async function open(service: string): Promise<LoadedPage> {
  return loadPage('pages/apply/index', { query: { service } });
}

/** Waits for the reason chooser, chooses `reason` and goes on. */
async function chooseReason(page: LoadedPage, reason: string): Promise<void> {
  await waitFor(() => expect(page.query('.step-reason')).toBeDefined());
  await page.emit('.step-reason >>> .reasons', 'change', reason);
  await page.tap('.step-reason >>> .next');
}

async function verifyAndAgree(page: LoadedPage, notice: string): Promise<void> {
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  // Later services verify the person of the approved declaration: nothing is typed.
  expect(page.query('.step-identity >>> .field-name')).toBeUndefined();
  await page.tap('.step-identity >>> .consent-box');
  backend.actionSheetAnswers.push(0);
  await page.tap('.step-identity >>> .start');
  await waitFor(() => expect(page.text()).toContain(notice));
  await page.tap('.step-notice >>> .agree-box');
  await page.tap('.step-notice >>> .agree');
  await waitFor(() => expect(page.query('.step-form >>> .next')).toBeDefined());
}

/** The confirm step's section titles, each with its 修改 when it has one. */
const sections = (page: LoadedPage): string[] => page.findAll('.step-confirm >>> .section-title').map(textOf);

const uploads = (selector: string) => `.step-uploads >>> ${selector}`;

async function uploadAll(page: LoadedPage, fields: string[]): Promise<void> {
  await waitFor(() => expect(page.data.step).toBe(3));
  expect(page.findAll('.step-uploads >>> .material').length).toBe(fields.length);
  for (const field of fields) await page.emit(uploads(`.uploader-${field}`), 'after-read', { file: { url: backend.photo(`${field}.png`) } });
  await waitFor(() => {
    const lists = page.find('.step-uploads').data.lists as Record<string, { status: string }[]>;
    expect(fields.map((f) => lists[f]?.[0]?.status)).toEqual(fields.map(() => 'done'));
  });
  await page.tap(uploads('.next'));
  await waitFor(() => expect(page.data.step).toBe(4));
}

describe('核发居住证', () => {
  it('is closed without an approved declaration, and says so', async () => {
    wxMock.storage.set(DEV_OPENID_KEY, 'dev-services-nobody');
    const page = await open('permit');
    await waitFor(() => expect(page.text('.closed')).toContain('需先完成居住信息申报并审核通过'));
    expect(page.query('.step-identity')).toBeUndefined();
  });

  it('before six months names the opening date and the days left, the day before at 23:59 China time', async () => {
    await approvedResident();
    backend.clock.set(Date.parse('2027-02-27T23:59:00+08:00'));
    const page = await open('permit');
    await waitFor(() => expect(page.text('.closed')).toContain('2027年2月28日起可以办理'));
    expect(page.text('.closed')).toContain('居住满六个月后可申领，还需 1 天');
    // The reason counts the days: they are not said twice.
    expect(page.text('.closed')).not.toContain('还有');
  });

  it('opens at 00:00 China time on the day, shows the declaration’s identity and address, and submits a free first permit', async () => {
    const me = await approvedResident();
    backend.clock.set(Date.parse('2027-02-28T00:00:00+08:00'));
    const page = await open('permit');
    await verifyAndAgree(page, '核发居住证须知');

    const form = page.text('.step-form');
    expect(form).toContain('李晓梅');
    expect(form).toMatch(/430104\*{8}\d{3}[\dX]/);
    expect(form).toContain('长沙市岳麓区望月湖街道望月湖小区3栋201');
    expect(form).toContain('首次申领居住证不收取工本费');
    expect(page.query('.step-form >>> .field-street')).toBeUndefined();
    // The contact mobile starts as the declaration's and is checked like any mobile.
    expect(page.find('.step-form').data.mobile).toBe('13800138000');
    await page.type('.step-form >>> .field-mobile', '1390000');
    await page.tap('.step-form >>> .next');
    await waitFor(() => expect(page.text('.step-form')).toContain('请填写 11 位手机号码'));
    await page.type('.step-form >>> .field-mobile', '13900001111');
    await page.tap('.step-form >>> .next');

    await uploadAll(page, ['idFront', 'proofs', 'photo']);
    const confirm = page.text('.step-confirm');
    expect(confirm).toContain('13900001111');
    expect(confirm).toContain('本人相片');
    expect(page.text('.step-confirm >>> .fee')).toMatch(/证件工本费.*免费/);
    // The photos about to be sent, as thumbnails, each the one picked for its material.
    expect(page.findAll('.step-confirm >>> .photos >>> .thumb')).toHaveLength(3);
    expect(page.find('.step-confirm >>> .photos').data.materials.map((m: { urls: string[] }) => m.urls)).toEqual(
      ['idFront', 'proofs', 'photo'].map((field) => [backend.photo(`${field}.png`)]),
    );
    // The fee is a fact, not a choice: no section offers 修改 for it.
    expect(confirm).not.toContain('办理事项');
    expect(sections(page)).toEqual(['申请人信息 修改', '居住信息', '材料 修改', '费用']);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
    // Declared in 岳麓区: collected at the city hall, whose address is said with it.
    expect(page.text('.place')).toContain('长沙市公安局人口与出入境管理支队接待大厅');
    expect(page.text('.place-address')).toContain('长沙市雨花区金盾路30号');
    expect(page.query('.lost')).toBeUndefined();
    expect(page.text('.place')).toContain('制证完成后，凭“我的办件”中的领取码本人领取');

    const [latest] = (await backend.call(me, 'listApplications')).data.items;
    expect(latest).toMatchObject({ kind: 'permit', status: 'pending', applicant: { mobile: '13900001111' }, residence: { district: '430104' } });
    expect(wxMock.storage.has('draft:permit')).toBe(false);
  });

  it('is closed while one is pending, and to a holder, who is pointed to 补领/换领', async () => {
    const me = await approvedResident();
    backend.clock.set(Date.parse('2027-03-01T09:00:00+08:00'));
    const pending = await backend.apply(me, 'permit');
    const whilePending = await open('permit');
    await waitFor(() => expect(whilePending.text('.closed')).toContain('您已有一件居住证申领正在办理'));

    await backend.decide(OFFICER, pending.data.id, 'approve', 'markReady', 'markCollected');
    const holder = await open('permit');
    await waitFor(() => expect(holder.text('.closed')).toContain('您已持有居住证，如需补领或换领请选择“居住证补领/换领”'));
  });

  it('shows the server’s CONFLICT when the same service was applied for elsewhere meanwhile, keeping nothing typed from being lost', async () => {
    const me = await approvedResident();
    backend.clock.set(Date.parse('2027-03-01T09:00:00+08:00'));
    const page = await open('permit');
    await verifyAndAgree(page, '核发居住证须知');
    await page.type('.step-form >>> .field-mobile', '13900002222');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'proofs', 'photo']);
    expect((await backend.apply(me, 'permit')).ok).toBe(true);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text('.closed')).toContain('您已有一件居住证申领正在办理'));
    expect(wxMock.storage.get('draft:permit')).toEqual({ mobile: '13900002222' });
  });
});

describe('居住登记凭证申领', () => {
  it('is open before the six months and submits with the residence proofs', async () => {
    const me = await approvedResident();
    const page = await open('voucher');
    await verifyAndAgree(page, '居住登记凭证申领须知');
    expect(page.text('.step-form')).not.toContain('工本费');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'proofs']);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
    // A voucher is collected in person too, where the permit would be.
    expect(page.text('.place')).toContain('长沙市公安局人口与出入境管理支队接待大厅');
    expect(page.text('.place')).toContain('办好后，凭“我的办件”中的领取码本人领取');
    const [latest] = (await backend.call(me, 'listApplications')).data.items;
    expect(latest).toMatchObject({ kind: 'voucher', status: 'pending' });

    const again = await open('voucher');
    await waitFor(() => expect(again.text('.closed')).toContain('您已有一件居住登记凭证申领正在办理'));
  });

  it('shows the server’s refusal with its reason when the six months are reached during the flow', async () => {
    await approvedResident();
    backend.clock.set(Date.parse('2027-02-27T23:50:00+08:00'));
    const page = await open('voucher');
    await verifyAndAgree(page, '居住登记凭证申领须知');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'proofs']);
    backend.clock.set(Date.parse('2027-02-28T00:00:00+08:00'));
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text('.closed')).toContain('您已居住满六个月，可直接申领居住证'));
  });
});

describe('居住证补领/换领', () => {
  it('is closed until a permit has been collected', async () => {
    await approvedResident();
    const page = await open('reissue');
    await waitFor(() => expect(page.text('.closed')).toContain('领取居住证后可办理补领或换领'));
    expect(page.query('.step-reason')).toBeUndefined();
  });

  it('asks the reason first with the configured fee, lets it change on the form, and damage adds the damaged card', async () => {
    const me = await approvedResident();
    await collectedPermit(me);
    const page = await open('reissue');
    await waitFor(() => expect(page.query('.step-reason')).toBeDefined());
    expect(page.query('.step-identity')).toBeUndefined();
    expect(page.text('.step-reason >>> .fee-cell')).toContain(`${DEFAULT_CARD_FEE} 元`);
    await page.tap('.step-reason >>> .next');
    await waitFor(() => expect(page.text('.step-reason')).toContain('请选择补领或换领的原因'));
    await page.emit('.step-reason >>> .reasons', 'change', 'expired');
    await page.tap('.step-reason >>> .next');
    await verifyAndAgree(page, '居住证补领、换领须知');
    expect(page.text('.step-form')).toContain('有效期满换领');
    await page.tap('.step-form >>> .reason');
    await chooseReason(page, 'damaged');
    await waitFor(() => expect(page.text('.step-form')).toContain('损坏换领'));
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'photo', 'damagedCard']);
    expect(page.text('.step-confirm')).toContain('损坏换领');
    // The reason survives leaving the page.
    expect(wxMock.storage.get('draft:flow:reissue')).toMatchObject({ reason: 'damaged' });
  });

  it('keeps the reason and the contact mobile on the phone when the person leaves, and offers them again', async () => {
    const me = await approvedResident();
    await collectedPermit(me);
    const first = await open('reissue');
    await chooseReason(first, 'changed');
    await verifyAndAgree(first, '居住证补领、换领须知');
    await first.type('.step-form >>> .field-mobile', '13700001234');
    first.unload();

    const again = await open('reissue');
    await waitFor(() => expect(again.query('.step-reason')).toBeDefined());
    expect(again.find('.step-reason').data.chosen).toBe('changed');
    await again.tap('.step-reason >>> .next');
    await verifyAndAgree(again, '居住证补领、换领须知');
    expect(again.find('.step-form').data.mobile).toBe('13700001234');
    expect(again.text('.step-form')).toContain('信息变更换领');
  });

  it('records a lost card as reported lost and applies for a replacement with the fee', async () => {
    const me = await approvedResident();
    const card = await collectedPermit(me);
    const page = await open('reissue');
    await chooseReason(page, 'lost');
    await verifyAndAgree(page, '居住证补领、换领须知');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'photo']);
    expect(page.text('.step-confirm >>> .fee')).toMatch(new RegExp(`证件工本费.*${DEFAULT_CARD_FEE} 元`));
    // The reason can change (on the form); the fee that follows from it is shown apart, with no 修改.
    expect(sections(page)).toEqual(['办理原因 修改', '申请人信息 修改', '居住信息', '材料 修改', '费用']);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
    expect(page.text()).toContain(`${DEFAULT_CARD_FEE} 元`);
    // Submitting is what reports the card lost: the result says so.
    expect(page.text('.lost')).toContain('已挂失');
    expect(page.text('.lost')).toContain('不能再使用');

    const [latest] = (await backend.call(me, 'listApplications')).data.items;
    expect(latest).toMatchObject({ kind: 'reissue', reason: 'lost', fee: DEFAULT_CARD_FEE, status: 'pending' });
    const lost = await backend.store.get<{ reportedLostAt?: number }>('applications', card);
    expect(lost?.reportedLostAt).toBe(latest.submittedAt);

    // 办件详情 of the old card says it is reported lost; the replacement's says why and what it costs.
    const oldCard = await loadPage('pages/application/index', { query: { id: card } });
    await waitFor(() => expect(oldCard.text()).toContain('此证已登记挂失，不能再使用'));
    expect(oldCard.text()).toContain('发证日期');
    const replacement = await loadPage('pages/application/index', { query: { id: latest.id } });
    await waitFor(() => expect(replacement.text()).toContain('遗失补领'));
    expect(replacement.text()).toMatch(new RegExp(`证件工本费.*${DEFAULT_CARD_FEE} 元`));
    expect(replacement.text()).not.toContain('居住地址证明');
  });

  it('offers only 遗失补领 for a card already reported lost', async () => {
    const me = await approvedResident();
    await collectedPermit(me);
    const lost = await backend.apply(me, 'reissue', { reason: 'lost' });
    expect((await backend.call(me, 'withdraw', { id: lost.data.id }, 'withdraw-lost-1')).ok).toBe(true);

    const page = await open('reissue');
    await waitFor(() => expect(page.query('.step-reason')).toBeDefined());
    expect(page.find('.step-reason').data.chosen).toBe('lost');
    const disabled = page
      .find('.step-reason')
      .data.options.filter((o: { disabled: boolean }) => o.disabled)
      .map((o: { value: string }) => o.value);
    expect(disabled).toEqual(['damaged', 'expired', 'changed']);
    expect(page.text('.step-reason')).toContain('原证已登记挂失，只能办理遗失补领');
    await page.tap('.step-reason >>> .next');
    await verifyAndAgree(page, '居住证补领、换领须知');
    expect(page.text('.step-form')).toContain('遗失补领');
  });

  it('sends the person back to the reason when the card is reported lost while they renew it', async () => {
    const me = await approvedResident();
    await collectedPermit(me);
    const page = await open('reissue');
    await chooseReason(page, 'expired');
    await verifyAndAgree(page, '居住证补领、换领须知');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'photo']);
    // Meanwhile the loss is reported (a replacement applied for, then withdrawn).
    const lost = await backend.apply(me, 'reissue', { reason: 'lost' });
    expect((await backend.call(me, 'withdraw', { id: lost.data.id }, 'withdraw-lost-2')).ok).toBe(true);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.query('.step-reason')).toBeDefined());
    expect(wxMock.callsOf('showToast').at(-1)).toMatchObject({ title: '原证已登记挂失，只能办理遗失补领' });
    expect(page.find('.step-reason').data.chosen).toBe('lost');
    await page.tap('.step-reason >>> .next');
    // Back where they were, with everything kept: the confirmation, now for a lost card.
    await waitFor(() => expect(page.text('.step-confirm')).toContain('遗失补领'));
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
  });
});

describe('the step bar', () => {
  /** The icons van-steps renders, in order (the steps ahead have none: a plain dot each), and the number of dots. */
  const icons = (page: LoadedPage) => ({
    icons: page.findAll('.step-bar >>> .van-step__icon').map((icon) => String(icon.data.name)),
    dots: page.findAll('.step-bar >>> .van-step__circle').length,
  });

  it('ticks the steps done and marks the current one without a tick', async () => {
    await approvedResident();
    const page = await open('voucher');
    await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
    expect(icons(page)).toEqual({ icons: ['circle'], dots: 4 });
    await verifyAndAgree(page, '居住登记凭证申领须知');
    expect(icons(page)).toEqual({ icons: ['checked', 'checked', 'circle'], dots: 2 });
  });
});

describe('a county resident’s result', () => {
  it('says how to find the station, naming none', async () => {
    const openid = 'dev-services-county';
    const first17 = '43018119950505001';
    const id = await backend.declare(openid, first17 + checkDigit(first17), '430181');
    await backend.decide(OFFICER, id, 'approve');
    wxMock.storage.set(DEV_OPENID_KEY, openid);
    const page = await open('voucher');
    await verifyAndAgree(page, '居住登记凭证申领须知');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'proofs']);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
    expect(page.text('.place')).toContain('浏阳市居住地派出所');
    expect(page.text('.place-address')).toContain('可拨打 12345 或询问所在社区居委会，查询您居住地址所属的派出所');
  });
});

describe('居住证签注', () => {
  it('is closed before the window with its opening date, and opens on the window’s first day China time', async () => {
    const me = await approvedResident();
    await collectedPermit(me);
    backend.clock.set(Date.parse('2028-01-31T23:59:00+08:00'));
    let page = await open('endorsement');
    await waitFor(() => expect(page.text('.closed')).toContain('签注期为每个发证周年日前一个月内'));
    expect(page.text('.closed')).toContain('2028年2月1日');

    backend.clock.set(Date.parse('2028-02-01T00:00:00+08:00'));
    page = await open('endorsement');
    await verifyAndAgree(page, '居住证签注须知');
    expect(page.text('.step-form')).not.toContain('工本费');
    await page.tap('.step-form >>> .next');
    await uploadAll(page, ['idFront', 'proofs']);
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申请已提交'));
    // An endorsement takes effect when approved: there is nothing to collect.
    expect(page.query('.place')).toBeUndefined();
    const [latest] = (await backend.call(me, 'listApplications')).data.items;
    expect(latest).toMatchObject({ kind: 'endorsement', status: 'pending' });
  });
});
