// The staff timeline on real SQLite: who did what by name and badge (never an openid), one entry per
// officer's sitting with the full ID number, what a resubmission changed, and corrections limited to what
// the application has.
import type { ApplicationDetail, FileLink, StaffApplication, StaffTimelineEntry } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import type { StaffRecord } from '../../server/context';
import { VIEW_SESSION_MS } from '../../server/handlers/staff/viewSessions';
import type { ViewRecord } from '../../server/records';
import type { Doc, Write } from '../../server/store/types';
import { askCorrection } from '../support/corrections';
import { ALICE, applyService, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const CHEN = 'officer-chen';
const LIN = 'officer-lin';
const NAMES: Record<string, { name: string; badge: string }> = {
  [CHEN]: { name: '陈晓红', badge: 'CS10001' },
  [LIN]: { name: '林海涛', badge: 'CS10002' },
};
const MINUTE = 60 * 1000;

let world: World;
let sequence = 0;
const rid = () => `rt-${++sequence}`;

/** A staff record of Yuelu as a supervisor's grant writes it: with the officer's name and badge. */
async function grantNamed(openid: string, identity: Partial<StaffRecord> = NAMES[openid]): Promise<void> {
  await world.store.commit([{ op: 'create', collection: 'staff', id: openid, doc: { districts: ['430104'], ...identity } }]);
}

async function setRecord(openid: string, change: (record: Doc<StaffRecord>) => Write): Promise<void> {
  const record = await world.store.get<StaffRecord>('staff', openid);
  await world.store.commit([change(record!)]);
}

const full = async (officer: string, id: string) => unwrap(await world.staff<StaffApplication>(officer, 'getApplication', { id }));
const viewsIn = (app: StaffApplication) => app.timeline.filter((t) => t.type === 'id_viewed');
const statusesIn = (app: StaffApplication) => app.timeline.filter((t) => t.type === 'status');

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await grantNamed(CHEN);
  await grantNamed(LIN);
});
afterEach(() => world.close());

describe('who did what', () => {
  it('names staff by name and badge, the applicant by role, and no answer carries an officer’s openid', async () => {
    const app = await declare(world, ALICE);
    await full(CHEN, app.id);
    const asked = unwrap(await world.staff(CHEN, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, rid()));
    unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: '13900139000' } }, rid()));
    world.now += MINUTE;
    const decided = unwrap(await world.staff(LIN, 'approve', { id: app.id }, rid()));
    const seen = await full(LIN, app.id);

    expect(statusesIn(seen).map((t) => [t.status, t.actor])).toEqual([
      ['pending', { role: 'owner' }],
      ['correction_requested', { role: 'staff', ...NAMES[CHEN] }],
      ['pending', { role: 'owner' }],
      ['approved', { role: 'staff', ...NAMES[LIN] }],
    ]);
    expect(viewsIn(seen).map((t) => t.actor)).toEqual([
      { role: 'staff', ...NAMES[CHEN] },
      { role: 'staff', ...NAMES[LIN] },
    ]);
    for (const answer of [asked, decided, seen]) {
      const json = JSON.stringify(answer);
      for (const openid of [CHEN, LIN, ALICE.openid]) expect(json).not.toContain(openid);
      expect(json).not.toContain('openid');
    }
  });

  it('keeps the name and badge an officer had when they acted, and names entries written before that from the record', async () => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(CHEN, 'requestCorrection', { id: app.id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }, rid()));
    // Renamed since: the entry still shows who acted, as they were then.
    await setRecord(CHEN, (r) => ({ op: 'update', collection: 'staff', id: CHEN, version: r._version, doc: { districts: r.districts, name: '陈红', badge: 'CS20001' } }));
    expect(statusesIn(await full(LIN, app.id))[1].actor).toEqual({ role: 'staff', ...NAMES[CHEN] });

    // An event of a store written before names were kept: the officer's record names it, until they are revoked.
    const events = await world.store.find<{ actor: object }>('events', { where: { applicationId: app.id }, orderBy: { field: 'seq', direction: 'asc' }, limit: 10 });
    const { _id, _version, ...old } = events[1];
    await world.store.commit([{ op: 'update', collection: 'events', id: _id, version: _version, doc: { ...old, actor: { role: 'staff', openid: CHEN } } }]);
    expect(statusesIn(await full(LIN, app.id))[1].actor).toEqual({ role: 'staff', name: '陈红', badge: 'CS20001' });
    await setRecord(CHEN, (r) => ({ op: 'delete', collection: 'staff', id: CHEN, version: r._version }));
    const afterRevocation = await full(LIN, app.id);
    expect(statusesIn(afterRevocation)[1].actor).toEqual({ role: 'staff' });
    expect(JSON.stringify(afterRevocation)).not.toContain(CHEN);
  });
});

describe('views of the full ID number', () => {
  it('counts an officer’s views within 30 minutes of the first on one entry, and starts another after', async () => {
    const app = await declare(world, ALICE);
    const first = world.now;
    await full(CHEN, app.id);
    world.now = first + 10 * MINUTE;
    await full(CHEN, app.id);
    world.now = first + 30 * MINUTE - 1;
    const within = await full(CHEN, app.id);
    expect(viewsIn(within)).toEqual([{ type: 'id_viewed', at: first, actor: { role: 'staff', ...NAMES[CHEN] }, count: 3, lastAt: first + 30 * MINUTE - 1 }]);

    world.now = first + VIEW_SESSION_MS;
    const after = await full(CHEN, app.id);
    expect(viewsIn(after).map((t) => [t.at, t.count, t.lastAt])).toEqual([
      [first, 3, first + 30 * MINUTE - 1],
      [first + VIEW_SESSION_MS, 1, first + VIEW_SESSION_MS],
    ]);
    expect((await world.counts()).views).toBe(2);
  });

  it('gives another officer’s view its own entry, and a view after a status change its own place', async () => {
    const app = await declare(world, ALICE);
    const first = world.now;
    await full(CHEN, app.id);
    world.now += MINUTE;
    await full(LIN, app.id);
    world.now += MINUTE;
    await full(CHEN, app.id);
    world.now += MINUTE;
    unwrap(await world.staff(CHEN, 'approve', { id: app.id }, rid()));
    world.now += MINUTE;
    const seen = await full(CHEN, app.id);
    expect(seen.timeline.map((t) => [t.type, t.status ?? t.actor.name, t.count ?? null])).toEqual([
      ['status', 'pending', null],
      ['id_viewed', NAMES[CHEN].name, 2],
      ['id_viewed', NAMES[LIN].name, 1],
      ['status', 'approved', null],
      ['id_viewed', NAMES[CHEN].name, 1],
    ]);
    expect(viewsIn(seen)[0]).toMatchObject({ at: first, lastAt: first + 2 * MINUTE });
  });

  it('records a view on its own when a concurrent read counted itself on the same entry first', async () => {
    const app = await declare(world, ALICE);
    await full(CHEN, app.id);
    world.now += MINUTE;
    // Just before this read's batch lands, another read of the same officer counts itself on the entry.
    const commit = world.store.commit.bind(world.store);
    const spy = jest.spyOn(world.store, 'commit').mockImplementationOnce(async (writes) => {
      const view = (await world.store.find<ViewRecord>('views', { where: { applicationId: app.id }, orderBy: { field: 'at', direction: 'desc' }, limit: 1 }))[0];
      const { _id, _version, ...fields } = view;
      await commit([{ op: 'update', collection: 'views', id: _id, version: _version, doc: { ...fields, count: 2, lastAt: world.now } }]);
      return commit(writes);
    });
    const seen = await full(CHEN, app.id);
    // The read tried to count itself on the entry, was refused, and recorded its view as a new one.
    expect(spy.mock.calls.map(([writes]) => writes.map((w) => `${w.op} ${w.collection}`))).toEqual([['update views'], ['create views']]);
    spy.mockRestore();
    expect(seen.applicant.idNumber).toBe(ALICE.idNumber);
    expect(viewsIn(seen).map((t) => t.count)).toEqual([1, 1]);
    const stored = await world.store.find<ViewRecord>('views', { where: { applicationId: app.id }, orderBy: { field: 'at', direction: 'asc' }, limit: 10 });
    expect(stored.map((v) => v.count ?? 1)).toEqual([2, 1]);
  });
});

describe('what a resubmission changed', () => {
  /** Whether a link the staff answer gave opens its file on the host now. */
  function opens({ fileId, url }: FileLink): boolean {
    const link = new URL(url, 'http://host');
    return (
      link.pathname === `/api/files/${encodeURIComponent(fileId)}` &&
      world.files.linkIsValid(fileId, link.searchParams.get('expires') ?? '', link.searchParams.get('signature') ?? '', world.now)
    );
  }

  const resubmission = (app: StaffApplication): StaffTimelineEntry => statusesIn(app).filter((t) => t.status === 'pending')[1];

  it('shows each field’s text before and after, and each photo added and removed, to staff only', async () => {
    const app = await declare(world, ALICE);
    const stored = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    const oldFront = (stored.materials.idFront as FileLink).fileId;
    const [kept] = (stored.materials.proofs as FileLink[]).map((f) => f.fileId);
    await askCorrection(world, CHEN, app.id, ['applicant.mobile', 'residence.address', 'materials.idFront', 'materials.proofs', 'applicant.hukouAddress'], rid());
    const newFront = await world.upload(ALICE.openid);
    const added = [await world.upload(ALICE.openid), await world.upload(ALICE.openid)];
    unwrap(
      await world.call(
        ALICE.openid,
        'resubmit',
        // The household address is asked for but sent unchanged: not a change.
        {
          id: app.id,
          applicant: { mobile: '13900139000', hukouAddress: stored.applicant.hukouAddress },
          residence: { address: '望月湖小区 5 栋 302' },
          materials: { idFront: newFront, proofs: [added[0], kept, added[1]] },
        },
        rid(),
      ),
    );

    const entry = resubmission(await full(CHEN, app.id));
    expect(entry.changes?.map(({ item, before, after }) => ({ item, before, after }))).toEqual([
      { item: 'applicant.mobile', before: '13800138000', after: '13900139000' },
      { item: 'residence.address', before: '望月湖小区 3 栋 201', after: '望月湖小区 5 栋 302' },
      { item: 'materials.idFront', before: undefined, after: undefined },
      { item: 'materials.proofs', before: undefined, after: undefined },
    ]);
    const [, , front, proofs] = entry.changes!;
    expect(front.added?.map((f) => f.fileId)).toEqual([newFront]);
    expect(front.removed?.map((f) => f.fileId)).toEqual([oldFront]);
    expect(proofs.added?.map((f) => f.fileId)).toEqual(added);
    expect(proofs).not.toHaveProperty('removed');
    for (const link of [...front.added!, ...front.removed!, ...proofs.added!]) expect(opens(link)).toBe(true);
    expect(entry.changes?.slice(0, 2).every((c) => !('added' in c) && !('removed' in c))).toBe(true);

    // The resident's own timeline shows the status change alone.
    const mine = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(mine.timeline.map((t) => Object.keys(t).sort())).not.toContainEqual(expect.arrayContaining(['changes']));
    expect(JSON.stringify(mine.timeline)).not.toContain('13800138000');
  });

  it('shows a photo replaced among the proofs, and the organisation a corrected basis drops', async () => {
    const app = await declare(world, ALICE);
    const stored = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    const [oldProof] = (stored.materials.proofs as FileLink[]).map((f) => f.fileId);
    await askCorrection(world, CHEN, app.id, ['residence.basis', 'materials.proofs'], rid());
    const newProof = await world.upload(ALICE.openid);
    unwrap(await world.call(ALICE.openid, 'resubmit', { id: app.id, residence: { basis: 'residence' }, materials: { proofs: [newProof] } }, rid()));

    const changes = resubmission(await full(LIN, app.id)).changes!;
    expect(changes.map((c) => ({ ...c, added: c.added?.map((f) => f.fileId), removed: c.removed?.map((f) => f.fileId) }))).toEqual([
      { item: 'residence.basis', before: 'employment', after: 'residence' },
      { item: 'residence.organisation', before: '长沙某某科技有限公司' },
      { item: 'materials.proofs', added: [newProof], removed: [oldProof] },
    ]);
  });

  it('names a later service’s changed mobile as its contact', async () => {
    const declaration = await declare(world, ALICE);
    unwrap(await world.staff(CHEN, 'approve', { id: declaration.id }, rid()));
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
    await askCorrection(world, CHEN, permit.id, ['contact.mobile'], rid());
    unwrap(await world.call(ALICE.openid, 'resubmit', { id: permit.id, contact: { mobile: '13900139000' } }, rid()));
    expect(resubmission(await full(CHEN, permit.id)).changes).toEqual([{ item: 'contact.mobile', before: '13800138000', after: '13900139000' }]);
  });
});

describe('what a correction may ask for', () => {
  const ask = (id: string, item: string) => world.staff(CHEN, 'requestCorrection', { id, items: [{ item, message: '请补正' }] }, rid());

  it('refuses the organisation of an application whose basis names none, and asks it of one that names an employer', async () => {
    const onResidence = await declare(world, ALICE, { residence: { basis: 'residence', organisation: undefined } });
    const before = await world.counts();
    expect(await ask(onResidence.id, 'residence.organisation')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'items.0.item': FIELD_MESSAGES.correctionItem } },
    });
    expect(await world.counts()).toEqual(before);
    // The basis itself may be asked for: its correction brings the organisation with it when needed.
    unwrap(await ask(onResidence.id, 'residence.basis'));

    world.now += MINUTE;
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: onResidence.id }, rid()));
    const onEmployment = await declare(world, ALICE);
    unwrap(await ask(onEmployment.id, 'residence.organisation'));
  });
});
