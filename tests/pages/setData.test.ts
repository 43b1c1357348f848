// What each page sends to the view per interaction: at most two setData calls, none over 8 KB, from a
// page's first show to an upload, a longer list or a changed filter. The counts are the pages' own
// (and their components'), measured on the real pages against the real backend.
import { DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../../miniprogram/config';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { loadPage, waitFor, wxMock, type LoadedPage } from './harness';
import { agreeToDeclarationNotice, fillDeclarationForm, passIdentity } from './support/declarationForm';
import { expectWithinBudget, measure, SETDATA_BUDGET } from './support/setDataMeter';
import { freshBackendEachTest } from './support/world';

const ME = DEFAULT_DEV_OPENID;
const OFFICER = 'staff-yuelu';
const PERSON = { name: '李晓梅', idNumber: '43010419900307100x' };
const backend = freshBackendEachTest('2026-09-01T10:00:00+08:00', (b) => b.grant(OFFICER, ['430104']));

const as = (openid: string) => wxMock.storage.set(DEV_OPENID_KEY, openid);
const form = (selector: string) => `.step-form >>> ${selector}`;
const uploads = (selector: string) => `.step-uploads >>> ${selector}`;
const person = (n: number) => {
  const first17 = `43010419900307${String(100 + n).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

/** Measures a page's first show: from loading it until it shows what `shown` checks. */
async function firstShow(route: string, query: Record<string, string>, shown: (page: LoadedPage) => unknown, interaction = 'first show'): Promise<LoadedPage> {
  let page: LoadedPage | undefined;
  const m = await measure(
    route.replace(/\/index$/, ''),
    interaction,
    async () => {
      page = await loadPage(route, { query });
    },
    { until: () => shown(page!) },
  );
  expectWithinBudget(m);
  return page!;
}

/** The declaration flow at its self-check form. */
async function declarationForm(): Promise<LoadedPage> {
  const page = await loadPage('pages/apply/index', { query: { service: 'declaration' } });
  await waitFor(() => expect(page.query('.step-identity')).toBeDefined());
  await passIdentity(page, backend, PERSON);
  await agreeToDeclarationNotice(page);
  return page;
}

/** `count` pending declarations in 岳麓区, each by another person, a minute apart. */
async function declarations(count: number, openid = (n: number) => `resident-${n}`): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    ids.push(await backend.declare(openid(n), person(n)));
    backend.clock.set(backend.clock.now() + 60_000);
  }
  return ids;
}

describe('setData per interaction', () => {
  it('home: first show', async () => {
    await firstShow('pages/home/index', {}, (page) => expect(page.data.model).not.toBeNull());
  });

  it('apply: first show of the declaration and of a permit', async () => {
    await firstShow('pages/apply/index', { service: 'declaration' }, (page) => expect(page.query('.step-identity')).toBeDefined(), 'first show (declaration)');
    const id = await backend.declare(ME);
    await backend.decide(OFFICER, id, 'approve');
    backend.clock.set(Date.parse('2027-03-01T10:00:00+08:00'));
    await firstShow('pages/apply/index', { service: 'permit' }, (page) => expect(page.data.declaration).not.toBeNull(), 'first show (permit)');
  });

  it('apply: typing one field, and 下一步 with errors', async () => {
    const page = await declarationForm();
    const typing = await measure('pages/apply', 'type one field', () => page.type(form('.field-mobile'), '1380013'), {
      until: () => expect(page.find('.step-form').data.shown.applicant_mobile).toBeTruthy(),
    });
    expectWithinBudget(typing);
    const next = await measure('pages/apply', '下一步 with errors', () => page.tap(form('.next')), { until: () => expect(wxMock.callsOf('showToast')).toHaveLength(1) });
    expectWithinBudget(next);
    expect(page.data.step).toBe(2);
  });

  it('apply: one photo upload from choose to done, its progress shown on its own tile', async () => {
    const page = await declarationForm();
    await fillDeclarationForm(page, { kind: 'rent', basis: 'residence' });
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    const tiles = () => page.find('.step-uploads').data.lists;
    backend.chosenPhotos.push([backend.photo('id.png')]);
    await page.tap(uploads('.uploader-idFront >>> .van-uploader__upload'));
    await waitFor(() => expect(tiles().idFront).toEqual([expect.objectContaining({ status: 'done' })]));

    backend.uploadProgress = { percents: [30, 60, 90], everyMs: 5 };
    backend.chosenPhotos.push([backend.photo('proof.png')]);
    const upload = await measure('pages/apply', 'upload one photo (choose to done)', () => page.tap(uploads('.uploader-proofs >>> .van-uploader__upload')), {
      until: () => expect(tiles().proofs).toEqual([expect.objectContaining({ status: 'done' })]),
    });
    expectWithinBudget(upload);
    // Settled, the photo is kept with the draft: leaving the page loses nothing.
    const draft = wxMock.storage.get('draft:flow:declaration') as { uploads: Record<string, { status: string }[]> };
    expect(draft.uploads.proofs).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(draft.uploads.idFront).toEqual([expect.objectContaining({ status: 'done' })]);
  });

  it('apply: a slow upload shows its progress on its own tile, one path update at most every 300 ms', async () => {
    const page = await declarationForm();
    await fillDeclarationForm(page, { kind: 'rent', basis: 'residence' });
    await page.tap(form('.next'));
    await waitFor(() => expect(page.data.step).toBe(3));
    const tiles = () => page.find('.step-uploads').data.lists;
    backend.uploadProgress = { percents: [40, 70], everyMs: 350 };
    backend.chosenPhotos.push([backend.photo('slow.png')]);
    let shownPercent = '';
    const upload = await measure('pages/apply', 'upload one photo, slowly (choose to done)', () => page.tap(uploads('.uploader-proofs >>> .van-uploader__upload')), {
      until: () => {
        if (tiles().proofs?.[0]?.message === '40%') shownPercent = '40%';
        expect(tiles().proofs).toEqual([expect.objectContaining({ status: 'done' })]);
      },
    });
    expect(shownPercent).toBe('40%');
    // Over the two calls of a fast upload, each tick shown is its tile's message by path, never every list.
    const ticks = upload.detail.filter((c) => c.keys.length === 1 && c.keys[0] === 'lists.proofs[0].message');
    expect(ticks).toHaveLength(2);
    expect(upload.calls).toBe(2 + ticks.length);
    for (const tick of ticks) expect(tick.bytes).toBeLessThan(64);
    expect(upload.largestBytes).toBeLessThanOrEqual(SETDATA_BUDGET.bytes);
  });

  it('applications: first show and load more', async () => {
    for (let i = 0; i < 21; i++) {
      const id = await backend.declare(ME);
      await backend.call(ME, 'withdraw', { id }, `withdraw-${i}`);
      backend.clock.set(backend.clock.now() + 60_000);
    }
    const page = await firstShow('pages/applications/index', {}, (p) => expect(p.findAll('.application')).toHaveLength(20));
    const more = await measure('pages/applications', 'load more', () => page.tap('.more'), { until: () => expect(page.findAll('.application')).toHaveLength(21) });
    expectWithinBudget(more);
    expect(page.query('.more')).toBeUndefined();
  });

  it('application detail and correct: first show', async () => {
    const id = await backend.declare(ME);
    expect((await backend.staffCall(OFFICER, 'requestCorrection', { id, items: [{ item: 'materials.proofs', message: '租赁合同缺少签字页' }] }, 'ask')).ok).toBe(true);
    await firstShow('pages/application/index', { id }, (page) => expect(page.data.model).not.toBeNull());
    await firstShow('pages/correct/index', { id }, (page) => expect(page.find('.uploads').data.lists.proofs?.[0]?.url).toContain('/api/files/'));
  });

  it('staff queue: first show, load more and a filter change', async () => {
    await declarations(21);
    as(OFFICER);
    const page = await firstShow('staff/pages/queue/index', {}, (p) => expect(p.findAll('.row')).toHaveLength(20));
    const more = await measure('staff/pages/queue', 'load more', () => page.tap('.more'), { until: () => expect(page.findAll('.row')).toHaveLength(21) });
    expectWithinBudget(more);
    const filter = await measure('staff/pages/queue', 'filter change', () => page.emit('.filter-status', 'change', 'approved'), {
      until: () => expect(page.query('.empty')).toBeDefined(),
    });
    expectWithinBudget(filter);
  });

  it('staff review: first show', async () => {
    const [id] = await declarations(1);
    as(OFFICER);
    await firstShow('staff/pages/review/index', { id }, (page) => expect(page.data.model).not.toBeNull());
  });
});
