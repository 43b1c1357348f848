// Hostile payloads that once got INTERNAL, cost thousands of store reads or were stored: each case here
// names the input and the answer the contract gives it, on the real SQLite store.
import type { ApplicationDetail, ApplicationView, Page, Result } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import type { Store } from '../../server/store/types';
import { ALICE, BOB, declarationPayload, declare } from '../support/declarations';
import { spyOnStore } from '../support/storeSpy';
import { createWorld, unwrap, type World } from '../support/world';

const OFFICER = 'officer-yuelu';
let world: World;
let sequence = 0;
const rid = () => `hi-${++sequence}`;

beforeEach(async () => {
  world = createWorld();
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** A value nested `depth` levels deep, built without recursion (as a parsed request body can be). */
function deep(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Counts the store's reads while `run` goes. */
async function reads<T>(store: Store, run: () => Promise<T>): Promise<{ result: T; lookups: number }> {
  const spy = spyOnStore(store);
  try {
    return { result: await run(), lookups: spy.lookups };
  } finally {
    spy.restore();
  }
}

function fieldsOf(result: Result<unknown>): Record<string, string> {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('INVALID_INPUT');
  return result.error.fields ?? {};
}

async function correctionOf(items: string[]): Promise<ApplicationView> {
  const app = await declare(world, ALICE);
  unwrap(await world.staff(OFFICER, 'requestCorrection', { id: app.id, items: items.map((item) => ({ item, message: '请补正' })) }, rid()));
  return app;
}

describe('resubmit', () => {
  it('ignores keys the contract does not name, however deeply nested, and stores none of them', async () => {
    const app = await correctionOf(['applicant.mobile']);
    const applicant = JSON.parse('{"mobile":"13900139000","__proto__":{"polluted":true},"constructor":1,"toString":"x"}');
    applicant.nested = deep(100_000);
    const result = await world.call<ApplicationView>(ALICE.openid, 'resubmit', { id: app.id, applicant, extra: deep(100_000) }, rid());
    expect(result).toMatchObject({ ok: true, data: { status: 'pending', applicant: { mobile: '13900139000' } } });
    const stored = await world.store.get<Record<string, Record<string, unknown>>>('applications', app.id);
    expect(Object.keys(stored?.applicant ?? {}).sort()).toEqual(['ethnicity', 'hukouAddress', 'idNumber', 'mobile', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a deep value in a named field as that field, not INTERNAL', async () => {
    const app = await correctionOf(['applicant.mobile', 'residence.address']);
    const before = await world.counts();
    const result = await world.call(ALICE.openid, 'resubmit', { id: app.id, applicant: { mobile: deep(100_000) }, residence: { street: deep(50_000) } }, rid());
    expect(fieldsOf(result)).toMatchObject({ 'applicant.mobile': FIELD_MESSAGES.mobile, 'residence.street': FIELD_MESSAGES.notAskedFor });
    expect(await world.counts()).toEqual(before);
  });
});

describe('file references', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `f-${String(i).padStart(20, 'a')}`);

  it('costs a handful of store reads for 50 000 file ids in one declaration', async () => {
    const payload = (await declarationPayload(world, ALICE)) as unknown as Record<string, Record<string, unknown>>;
    const ids = many(50_000);
    payload.materials = { idFront: payload.materials.idFront, proofs: ids, photo: ids, damagedCard: ids, relationStatement: ids };
    const before = await world.counts();
    const { result, lookups } = await reads(world.store, () => world.call(ALICE.openid, 'submitDeclaration', payload, rid()));
    expect(fieldsOf(result)).toEqual({ 'materials.proofs': FIELD_MESSAGES.proofsCount(5) });
    expect(lookups).toBeLessThanOrEqual(4);
    expect(await world.counts()).toEqual(before);
  });

  it('keeps a resubmission with 50 000 file ids to a handful of store reads', async () => {
    const app = await correctionOf(['materials.proofs']);
    const { result, lookups } = await reads(world.store, () =>
      world.call(ALICE.openid, 'resubmit', { id: app.id, materials: { proofs: many(50_000), photo: many(50_000) } }, rid()),
    );
    // A declaration has no photo to change: a named material not asked for is refused, not read.
    expect(fieldsOf(result)).toEqual({ 'materials.proofs': FIELD_MESSAGES.proofsCount(5), 'materials.photo': FIELD_MESSAGES.notAskedFor });
    expect(lookups).toBeLessThanOrEqual(6);
  });

  it('looks up only the materials the service needs, and reports a wrong one with every other bad field', async () => {
    const payload = await declarationPayload(world, ALICE);
    const bobs = await world.upload(BOB.openid);
    // A declaration takes no photo: whatever is sent there is ignored, even someone else's file.
    const ignored = { ...payload, materials: { ...payload.materials, photo: bobs, damagedCard: 'no-such-file' } };
    const { result: accepted, lookups } = await reads(world.store, () => world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', ignored, rid()));
    expect(accepted).toMatchObject({ ok: true, data: { materials: { idFront: payload.materials.idFront, proofs: payload.materials.proofs } } });
    expect(JSON.stringify(unwrap(accepted).materials)).not.toContain(bobs);
    expect(lookups).toBeLessThan(20);

    const again = await declarationPayload(world, BOB);
    const wrong = {
      ...again,
      applicant: { ...again.applicant, mobile: '123' },
      materials: { idFront: await world.upload(ALICE.openid), proofs: [again.materials.proofs?.[0], 'no-such-file'] },
    };
    expect(fieldsOf(await world.call(BOB.openid, 'submitDeclaration', wrong, rid()))).toEqual({
      'applicant.mobile': FIELD_MESSAGES.mobile,
      'materials.idFront': FIELD_MESSAGES.fileNotYours,
      'materials.proofs': FIELD_MESSAGES.fileNotYours,
    });
  });
});

describe('text that cannot be stored', () => {
  const BAD = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udc00', '\u202a', '\u202e', '\u2066', '\u2069'];

  it.each(BAD.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, ch]))('refuses %s in an address, naming the field', async (_name, ch) => {
    const payload = await declarationPayload(world, ALICE);
    payload.applicant.hukouAddress = `湖南省衡阳市${ch}蒸湘区联合街道 12 号`;
    payload.residence.address = `望月湖小区${ch} 3 栋 201`;
    const before = await world.counts();
    const fields = fieldsOf(await world.call(ALICE.openid, 'submitDeclaration', payload, rid()));
    expect(fields).toEqual({ 'applicant.hukouAddress': FIELD_MESSAGES.unsafeText('户籍地址'), 'residence.address': FIELD_MESSAGES.unsafeText('详细地址') });
    expect(fields['applicant.hukouAddress']).toContain('户籍地址');
    expect(await world.counts()).toEqual(before);
  });

  it('keeps what people do type: a pair of surrogates (an emoji), marks that are not overrides, full-width text', async () => {
    const payload = await declarationPayload(world, ALICE);
    payload.residence.address = '望月湖小区 3 栋 201 😀 \u200f\u200b\uff08东门\uff09';
    expect(await world.call(ALICE.openid, 'submitDeclaration', payload, rid())).toMatchObject({ ok: true });
  });

  it('refuses a line break in a name, and control characters in staff text', async () => {
    expect(fieldsOf(await world.call(ALICE.openid, 'startVerification', { name: '李\n晓梅', idNumber: ALICE.idNumber }))).toHaveProperty('name');
    const app = await declare(world, ALICE);
    const before = await world.counts();
    expect(fieldsOf(await world.staff(OFFICER, 'reject', { id: app.id, reasons: ['材料\u0000不实'] }, rid()))).toEqual({ reasons: FIELD_MESSAGES.unsafeText('不予通过的理由') });
    expect(fieldsOf(await world.staff(OFFICER, 'approve', { id: app.id, note: '通过\u202e' }, rid()))).toHaveProperty('note');
    const items = [{ item: 'applicant.mobile', message: '号码\ud800无法接通' }];
    expect(fieldsOf(await world.staff(OFFICER, 'requestCorrection', { id: app.id, items }, rid()))).toHaveProperty(['items.0.message']);
    expect(await world.counts()).toEqual(before);
    // A line break in a multi-line staff text is kept.
    expect(await world.staff(OFFICER, 'reject', { id: app.id, reasons: ['材料不实\n请重新申报'] }, rid())).toMatchObject({ ok: true });
  });
});

describe('the edges of the call', () => {
  it('refuses a payload for the overview that is not an object', async () => {
    for (const payload of ['x', 5, true, null, [], [[[]]]]) {
      expect(fieldsOf(await world.call(ALICE.openid, 'overview', payload))).toEqual({ payload: FIELD_MESSAGES.payload });
    }
    expect(await world.call(ALICE.openid, 'overview', {})).toMatchObject({ ok: true });
  });

  it('reads back only cursors this server could have made', async () => {
    await declare(world, ALICE);
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [cursor({ at: 1, id: 'x'.repeat(100_000) }), 'A'.repeat(1_000_000), cursor({ at: 1, id: '\u0000' })]) {
      expect(fieldsOf(await world.call(ALICE.openid, 'listApplications', { cursor: bad }))).toEqual({ cursor: FIELD_MESSAGES.cursor });
    }
    const page = unwrap(await world.call<Page<ApplicationDetail>>(ALICE.openid, 'listApplications', { limit: 1 }));
    expect(page.items).toHaveLength(1);
  });
});
