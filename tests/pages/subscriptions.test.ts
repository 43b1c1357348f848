// Subscribe messages asked where they help: the prompt is the tap's first act, before the request it is about, with the
// template ids the server is configured with; its answer is recorded, and a page promises only what was accepted.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import type { SubscriptionRecord } from '../../server/notifications/subscriptions';
import { loadPage, waitFor, wxMock, type LoadedPage } from './harness';
import { agreeToDeclarationNotice, fillDeclarationForm, passIdentity } from './support/declarationForm';
import { freshBackendEachTest } from './support/world';

const OFFICER = 'staff-subscriptions';
// Each test walks a page to its tap against the real backend: longer than the default five seconds.
jest.setTimeout(30_000);

const backend = freshBackendEachTest('2026-09-01T00:30:00+08:00', (b) => b.grant(OFFICER, 'all'));
let people = 0;

/** What the backend had been sent when the next prompt was shown, filled in by the prompt's answer. */
function promptSeesSent(result: string): { before: string[] } {
  const seen = { before: [] as string[] };
  wxMock.nextSubscribeAnswer((ids) => {
    seen.before = backend.sent.map((s) => s.action);
    return Object.fromEntries(ids.map((id) => [id, result]));
  });
  return seen;
}

const prompts = () => wxMock.callsOf('requestSubscribeMessage').map((call) => call.tmplIds);

async function subscriptionsOf(openid: string): Promise<SubscriptionRecord['results'] | undefined> {
  return (await backend.store.get<SubscriptionRecord>('subscriptions', openid))?.results;
}

/** The template ids stay loaded for the launch (this test file): the first page of each audience loads them. */
const loaded = new Set<'resident' | 'staff'>();

/** Loads a page and waits until the template ids are there, so a tap finds them. */
async function openLoaded(path: string, query?: Record<string, string>, audience: 'resident' | 'staff' = 'resident'): Promise<LoadedPage> {
  const sentBefore = backend.sent.length;
  const page = await loadPage(path, query ? { query } : {});
  if (!loaded.has(audience)) {
    await waitFor(() => expect(backend.sent.slice(sentBefore).some((s) => s.action === 'subscriptionTemplates')).toBe(true));
    loaded.add(audience);
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  return page;
}

const form = (selector: string) => `.step-form >>> ${selector}`;
const uploads = (selector: string) => `.step-uploads >>> ${selector}`;

/** The declaration flow up to 确认提交, as the person would walk it. */
async function declarationToConfirm(page: LoadedPage): Promise<void> {
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  await passIdentity(page, backend, { name: '李晓梅', idNumber: '43010419900307100x' });
  await agreeToDeclarationNotice(page);
  await fillDeclarationForm(page, { kind: 'rent', basis: 'residence' });
  await page.tap(form('.next'));
  await waitFor(() => expect(page.data.step).toBe(3));
  await page.emit(uploads('.uploader-idFront'), 'after-read', { file: { url: backend.photo('id.png') } });
  await page.emit(uploads('.uploader-proofs'), 'after-read', { file: [{ url: backend.photo('p1.png') }] });
  await waitFor(() => {
    const lists = page.find('.step-uploads').data.lists;
    expect([...lists.idFront, ...lists.proofs].map((i: { status: string }) => i.status)).toEqual(['done', 'done']);
  });
  await page.tap(uploads('.next'));
  await waitFor(() => expect(page.data.step).toBe(4));
}

/** A resident of 岳麓区 with an approved declaration of 2026-09-01 and six months reached; the pages act as them. */
async function readyForPermit(): Promise<string> {
  const openid = `dev-subscriptions-${++people}`;
  const first17 = `43010419900316${String(people).padStart(3, '0')}`;
  await backend.decide(OFFICER, await backend.declare(openid, first17 + checkDigit(first17)), 'approve');
  wxMock.storage.set(DEV_OPENID_KEY, openid);
  backend.clock.set(Date.parse('2027-03-01T09:00:00+08:00'));
  return openid;
}

describe('submitting a declaration', () => {
  it('asks for its three review outcomes first, submits, records the answer and promises the result', async () => {
    const page = await openLoaded('pages/apply/index', { service: 'declaration' });
    await declarationToConfirm(page);
    const seen = promptSeesSent('accept');
    await page.tap('.step-confirm >>> .submit');
    await waitFor(() => expect(page.text()).toContain('申报已提交'));

    expect(prompts()).toEqual([['dev-review_approved', 'dev-review_rejected', 'dev-correction_requested']]);
    // The prompt came before the submission was sent; the answer was recorded after it.
    expect(seen.before).not.toContain('submitDeclaration');
    const after = backend.sent.map((s) => s.action).slice(seen.before.length);
    expect(after.indexOf('submitDeclaration')).toBeGreaterThanOrEqual(0);
    await waitFor(async () => expect(await subscriptionsOf(DEFAULT_DEV_OPENID)).toEqual({ review_approved: 'accept', review_rejected: 'accept', correction_requested: 'accept' }));
    expect(page.text('.review-note')).toBe('公安机关将在 15 日内完成审核，结果会通过服务通知告诉您。');
  });
});

describe('applying for a permit', () => {
  async function permitToConfirm(): Promise<LoadedPage> {
    const page = await openLoaded('pages/apply/index', { service: 'permit' });
    await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
    await page.tap('.step-identity >>> .consent-box');
    backend.actionSheetAnswers.push(0);
    await page.tap('.step-identity >>> .start');
    await waitFor(() => expect(page.text()).toContain('核发居住证须知'));
    await page.tap('.step-notice >>> .agree-box');
    await page.tap('.step-notice >>> .agree');
    await waitFor(() => expect(page.query('.step-form >>> .next')).toBeDefined());
    await page.tap('.step-form >>> .next');
    await waitFor(() => expect(page.data.step).toBe(3));
    for (const field of ['idFront', 'proofs', 'photo']) await page.emit(uploads(`.uploader-${field}`), 'after-read', { file: { url: backend.photo(`${field}.png`) } });
    await waitFor(() => {
      const lists = page.find('.step-uploads').data.lists as Record<string, { status: string }[]>;
      expect(['idFront', 'proofs', 'photo'].map((f) => lists[f]?.[0]?.status)).toEqual(['done', 'done', 'done']);
    });
    await page.tap(uploads('.next'));
    await waitFor(() => expect(page.data.step).toBe(4));
    return page;
  }

  it('prompts synchronously inside the tap, for pickup, correction and rejection, and promises nothing refused', async () => {
    const me = await readyForPermit();
    const page = await permitToConfirm();
    const seen = promptSeesSent('reject');
    const sentBefore = backend.sent.length;
    // The tap handler itself: before it first waits, the prompt is up and, only after it, the application sent.
    const tapped = (page.instance as unknown as { onSubmit(): Promise<void> }).onSubmit();
    expect(prompts()).toEqual([['dev-ready_for_pickup', 'dev-correction_requested', 'dev-review_rejected']]);
    expect(seen.before.slice(sentBefore)).not.toContain('applyPermit');
    expect(backend.sent.slice(sentBefore).map((s) => s.action)).toEqual(['applyPermit']);
    await tapped;
    await waitFor(() => expect(page.text()).toContain('申请已提交'));

    expect(page.text('.review-note')).toBe('公安机关将在 15 日内完成审核，可在“我的办件”查看进度。');
    expect(page.text()).not.toContain('服务通知');
    await waitFor(async () => expect(await subscriptionsOf(me)).toEqual({ ready_for_pickup: 'reject', correction_requested: 'reject', review_rejected: 'reject' }));
  });
});

describe('resubmitting a correction', () => {
  it('asks before the confirmation and before the resubmission is sent, and records the answer', async () => {
    const me = `dev-subscriptions-${++people}`;
    wxMock.storage.set(DEV_OPENID_KEY, me);
    const id = await backend.declare(me, '43010419880808001' + checkDigit('43010419880808001'));
    const asked = await backend.staffCall(OFFICER, 'requestCorrection', { id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, 'sub-ask');
    expect(asked.ok).toBe(true);
    const page = await openLoaded('pages/correct/index', { id });
    await waitFor(() => expect(page.text()).toContain('审核民警要求补正以下 1 项'));
    await page.type('.row-applicant_mobile', '13900139000');

    const seen = promptSeesSent('accept');
    const sentBefore = backend.sent.length;
    await page.tap('.submit');
    await waitFor(() => expect(wxMock.callsOf('redirectTo')).toHaveLength(1));

    expect(prompts()).toEqual([['dev-review_approved', 'dev-review_rejected', 'dev-correction_requested']]);
    expect(seen.before.slice(sentBefore)).not.toContain('resubmit');
    // One dialog at a time: the prompt, then the confirmation.
    expect(wxMock.calls.map((c) => c.api).filter((api) => api === 'requestSubscribeMessage' || api === 'showModal')).toEqual(['requestSubscribeMessage', 'showModal']);
    expect(backend.sent.slice(sentBefore).map((s) => s.action)).toContain('resubmit');
    await waitFor(async () => expect(await subscriptionsOf(me)).toEqual({ review_approved: 'accept', review_rejected: 'accept', correction_requested: 'accept' }));
  });
});

describe('the home page', () => {
  it('offers a reminder for the permit while the six months run, and drops the offer once accepted', async () => {
    const me = `dev-subscriptions-${++people}`;
    wxMock.storage.set(DEV_OPENID_KEY, me);
    await backend.decide(OFFICER, await backend.declare(me, '43010419870909002' + checkDigit('43010419870909002')), 'approve');
    const page = await openLoaded('pages/home/index');
    await waitFor(() => expect(page.text('.remind-me')).toBe('2027年3月1日可申领时提醒我'));
    await page.tap('.remind-me');
    expect(prompts()).toEqual([['dev-permit_open']]);
    await waitFor(() => expect(page.query('.remind-me')).toBeUndefined());
    await waitFor(async () => expect(await subscriptionsOf(me)).toEqual({ permit_open: 'accept' }));
  });
});

describe('the home page of a card holder', () => {
  it('offers the endorsement’s reminders (window, closing, lapse) in one prompt', async () => {
    const me = `dev-subscriptions-${++people}`;
    wxMock.storage.set(DEV_OPENID_KEY, me);
    await backend.decide(OFFICER, await backend.declare(me, '43010419870909003' + checkDigit('43010419870909003')), 'approve');
    backend.clock.set(Date.parse('2027-03-01T09:00:00+08:00'));
    const permit = await backend.apply(me, 'permit');
    await backend.decide(OFFICER, permit.data.id, 'approve', 'markReady', 'markCollected');
    const page = await openLoaded('pages/home/index');
    await waitFor(() => expect(page.text('.remind-me')).toBe('2028年2月1日签注期开始时提醒我'));
    await page.tap('.remind-me');
    expect(prompts()).toEqual([['dev-endorsement_window_open', 'dev-endorsement_closing', 'dev-endorsement_lapsed']]);
    await waitFor(async () => expect(await subscriptionsOf(me)).toEqual({ endorsement_window_open: 'accept', endorsement_closing: 'accept', endorsement_lapsed: 'accept' }));
  });
});

describe('the staff console', () => {
  it('subscribes to the daily overdue count with the staff template', async () => {
    wxMock.storage.set(DEV_OPENID_KEY, OFFICER);
    const page = await openLoaded('staff/pages/queue/index', undefined, 'staff');
    await waitFor(() => expect(page.query('.subscribe-overdue')).toBeDefined());
    await page.tap('.subscribe-overdue');
    expect(prompts()).toEqual([['dev-staff_overdue']]);
    await waitFor(() => expect(page.query('.subscribe-overdue')).toBeUndefined());
    await waitFor(async () => expect(await subscriptionsOf(OFFICER)).toEqual({ staff_overdue: 'accept' }));
  });
});

describe('the subscriptions service', () => {
  type Service = typeof import('../../miniprogram/services/subscriptions');
  /** A fresh copy of the module: a new launch, with nothing loaded. */
  function launch(): Service {
    let service: Service | undefined;
    jest.isolateModules(() => {
      service = jest.requireActual<Service>('../../miniprogram/services/subscriptions');
    });
    return service as Service;
  }

  it('asks nothing before the ids are loaded, and says so', async () => {
    const { askSubscriptions } = launch();
    expect(await askSubscriptions(['review_approved'])).toEqual({ asked: false, accepted: [] });
    expect(prompts()).toEqual([]);
  });

  it('loads the ids once, asks at most three, and records exactly the prompt’s answer', async () => {
    const me = `dev-subscriptions-${++people}`;
    wxMock.storage.set(DEV_OPENID_KEY, me);
    const { askSubscriptions, preloadSubscriptions } = launch();
    await Promise.all([preloadSubscriptions(), preloadSubscriptions()]);
    await preloadSubscriptions();
    expect(backend.sent.filter((s) => s.action === 'subscriptionTemplates')).toHaveLength(1);

    wxMock.nextSubscribeAnswer({ 'dev-review_approved': 'accept', 'dev-review_rejected': 'ban', 'dev-correction_requested': 'filter' });
    const answer = await askSubscriptions(['review_approved', 'review_rejected', 'correction_requested', 'ready_for_pickup']);
    expect(prompts()).toEqual([['dev-review_approved', 'dev-review_rejected', 'dev-correction_requested']]);
    expect(answer).toEqual({ asked: true, accepted: ['review_approved'] });
    await waitFor(async () => expect(await subscriptionsOf(me)).toEqual({ review_approved: 'accept', review_rejected: 'ban', correction_requested: 'filter' }));
  });

  it('promises nothing when WeChat refuses to show the prompt', async () => {
    const { askSubscriptions, preloadSubscriptions } = launch();
    await preloadSubscriptions();
    wxMock.nextSubscribeAnswer(() => {
      throw new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
    });
    expect(await askSubscriptions(['permit_open'])).toEqual({ asked: false, accepted: [] });
    expect(backend.sent.map((s) => s.action)).not.toContain('recordSubscriptions');
  });
});
