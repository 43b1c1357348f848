// A resubmission never leaves a required material empty: whatever the resident sends for a material
// asked for, the merged application must still hold every material its kind of residence needs.
import type { ApplicationDetail, ApplicationView } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ALICE, declarationPayload, declare } from '../support/declarations';
import { askCorrection, refusedResubmit } from '../support/corrections';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'officer-yuelu';
let world: World;
let sequence = 0;
const rid = () => `rs-${++sequence}`;

beforeEach(async () => {
  world = createWorld();
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** Alice's declaration (renting, one proof) with a correction asked for `items`. */
async function correctionOf(items: string[]): Promise<ApplicationView> {
  const app = await declare(world, ALICE);
  await askCorrection(world, OFFICER, app.id, items, rid());
  return app;
}

const refused = (id: string, changes: Record<string, unknown>) => refusedResubmit(world, ALICE.openid, id, changes, rid());

it('refuses proofs emptied, blanked or nulled when they were asked for', async () => {
  const app = await correctionOf(['materials.proofs']);
  for (const proofs of [[], [''], null, '']) {
    expect(Object.keys(await refused(app.id, { materials: { proofs } }))).toEqual(['materials.proofs']);
  }
  expect(await refused(app.id, { materials: { proofs: [] } })).toEqual({ 'materials.proofs': FIELD_MESSAGES.proofsCount(5) });
});

it('refuses an ID front sent empty', async () => {
  const app = await correctionOf(['materials.idFront']);
  for (const idFront of ['', null, []]) expect(Object.keys(await refused(app.id, { materials: { idFront } }))).toEqual(['materials.idFront']);
});

it('refuses a relation statement sent empty where the kind of residence needs one', async () => {
  const payload = await declarationPayload(world, ALICE, { residence: { kind: 'relative' } });
  payload.materials.relationStatement = await world.upload(ALICE.openid);
  const app = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', payload, rid()));
  unwrap(await world.staff(OFFICER, 'requestCorrection', { id: app.id, items: [{ item: 'materials.relationStatement', message: '请补正' }] }, rid()));
  for (const relationStatement of ['', null]) {
    expect(await refused(app.id, { materials: { relationStatement } })).toEqual({ 'materials.relationStatement': FIELD_MESSAGES.relationStatement });
  }
});

it('refuses a kind of residence corrected to one that needs a relation statement, sent without one', async () => {
  const app = await correctionOf(['residence.kind']);
  expect(await refused(app.id, { residence: { kind: 'relative' } })).toEqual({ 'materials.relationStatement': FIELD_MESSAGES.relationStatement });
});

it('keeps the proofs sent: the earlier ones kept beside the new page, and nothing else', async () => {
  const app = await correctionOf(['materials.proofs']);
  const earlier = (unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id })).materials.proofs as { fileId: string }[]).map((l) => l.fileId);
  const added = await world.upload(ALICE.openid);
  unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, materials: { proofs: [...earlier, added] } }, rid()));
  const after = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
  expect((after.materials.proofs as { fileId: string }[]).map((l) => l.fileId)).toEqual([...earlier, added]);
  expect(after.status).toBe('pending');
});
