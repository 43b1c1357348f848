// The organisation follows a corrected basis: when staff ask for the basis (申领依据) alone, a new basis
// that names an employer or a school needs that name, and the resubmission may give it; one that names
// none drops it, as on first submission. Asked for nothing of the kind, the organisation stays as it is.
import type { ApplicationDetail, ApplicationView } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ALICE, declare } from '../support/declarations';
import { askCorrection, refusedResubmit } from '../support/corrections';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'officer-yuelu';
let world: World;
let sequence = 0;
const rid = () => `rb-${++sequence}`;

beforeEach(async () => {
  world = createWorld();
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** Alice's declaration on the residence basis (no organisation), with a correction asked for `items`. */
async function correctionOf(items: string[], residence: Record<string, unknown> = { basis: 'residence', organisation: undefined }): Promise<ApplicationView> {
  const app = await declare(world, ALICE, { residence });
  await askCorrection(world, OFFICER, app.id, items, rid());
  return app;
}

const stored = async (id: string) => unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id }));

const refused = (id: string, changes: Record<string, unknown>) => refusedResubmit(world, ALICE.openid, id, changes, rid());

it('accepts a basis corrected to employment with the employer, and stores both', async () => {
  const app = await correctionOf(['residence.basis']);
  expect((await stored(app.id)).residence).not.toHaveProperty('organisation');
  const result = await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: app.id, residence: { basis: 'employment', organisation: '长沙某某科技有限公司' } }, rid());
  expect(result.ok).toBe(true);
  const after = await stored(app.id);
  expect(after.status).toBe('pending');
  expect(after.residence).toMatchObject({ basis: 'employment', organisation: '长沙某某科技有限公司', kind: 'rent', street: '望月湖街道' });
});

it('accepts a basis corrected to study with the school', async () => {
  const app = await correctionOf(['residence.basis']);
  unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, residence: { basis: 'study', organisation: '湖南大学' } }, rid()));
  expect((await stored(app.id)).residence).toMatchObject({ basis: 'study', organisation: '湖南大学' });
});

it('refuses a basis corrected to employment without the employer, on the organisation, writing nothing', async () => {
  const app = await correctionOf(['residence.basis']);
  expect(await refused(app.id, { residence: { basis: 'employment' } })).toEqual({ 'residence.organisation': FIELD_MESSAGES.organisation('employment') });
  expect(await refused(app.id, { residence: { basis: 'employment', organisation: '' } })).toEqual({ 'residence.organisation': FIELD_MESSAGES.organisation('employment') });
  expect((await stored(app.id)).residence).toMatchObject({ basis: 'residence' });
});

it('drops the organisation when the basis is corrected to one that names none, whether or not it is sent', async () => {
  for (const organisation of [undefined, '另一家公司']) {
    const app = await correctionOf(['residence.basis'], { basis: 'employment', organisation: '长沙某某科技有限公司' });
    unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, residence: { basis: 'residence', organisation } }, rid()));
    const after = await stored(app.id);
    expect(after.residence).toMatchObject({ basis: 'residence' });
    expect(after.residence).not.toHaveProperty('organisation');
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: app.id }, rid()));
  }
});

it('still refuses an organisation sent when the basis was not asked for', async () => {
  const app = await correctionOf(['residence.kind']);
  expect(await refused(app.id, { residence: { organisation: '长沙某某科技有限公司' } })).toEqual({ 'residence.organisation': FIELD_MESSAGES.notAskedFor });
  expect(await refused(app.id, { residence: { basis: 'employment', organisation: '长沙某某科技有限公司' } })).toEqual({
    'residence.basis': FIELD_MESSAGES.notAskedFor,
    'residence.organisation': FIELD_MESSAGES.notAskedFor,
  });
});

it('still refuses an employer changed when the basis was not asked for', async () => {
  const app = await correctionOf(['applicant.mobile'], { basis: 'employment', organisation: '长沙某某科技有限公司' });
  expect(await refused(app.id, { residence: { organisation: '另一家公司' } })).toEqual({ 'residence.organisation': FIELD_MESSAGES.notAskedFor });
});
