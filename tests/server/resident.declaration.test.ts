import type { ApplicationView, Overview } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ALICE, BOB, declarationPayload, declare, verify } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.close());

describe('submitDeclaration dates', () => {
  it('counts from the China-time date: 00:30 on 1 September opens the permit on 1 March', async () => {
    world.setNow('2026-09-01T00:30:00+08:00');
    const app = await declare(world);
    expect(app).toMatchObject({
      kind: 'declaration',
      status: 'pending',
      declaredOn: '2026-09-01',
      permitOpensOn: '2027-03-01',
      permitOpensOnProvisional: true,
      dueOn: '2026-09-16',
      overdue: false,
      submittedAt: Date.parse('2026-09-01T00:30:00+08:00'),
    });
  });

  it('clamps the month end: 31 August opens on 28 February', async () => {
    world.setNow('2026-08-31T23:59:00+08:00');
    expect(await declare(world)).toMatchObject({ declaredOn: '2026-08-31', permitOpensOn: '2027-02-28' });
  });

  it('shows the declaration on the overview with the days left', async () => {
    world.setNow('2026-08-31T12:00:00+08:00');
    await declare(world);
    const overview = unwrap(await world.call<Overview>(ALICE.openid, 'overview'));
    expect(overview.declaration).toMatchObject({ declaredOn: '2026-08-31', permitOpensOn: '2027-02-28', daysUntilPermit: 181 });
    expect(overview.services.declare.open).toBe(false);
  });
});

describe('submitDeclaration input', () => {
  it('reports every bad field at once and stores nothing', async () => {
    const payload = await declarationPayload(world, ALICE);
    const before = await world.counts();
    const bad = {
      ...payload,
      applicant: { ...payload.applicant, idNumber: '430104199003071236', mobile: 12345, ethnicity: '火星族', name: '' },
      residence: { ...payload.residence, district: '110101', since: '2026-02-30', kind: 'boat', organisation: '' },
      materials: { idFront: payload.materials.idFront, proofs: Array(6).fill('x') },
    };
    const result = await world.call(ALICE.openid, 'submitDeclaration', bad, 'r1');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.any(String),
        fields: {
          'applicant.name': FIELD_MESSAGES.name,
          'applicant.idNumber': FIELD_MESSAGES.idCheckDigit,
          'applicant.ethnicity': FIELD_MESSAGES.ethnicity,
          'applicant.mobile': FIELD_MESSAGES.mobile,
          'residence.district': FIELD_MESSAGES.district,
          'residence.since': FIELD_MESSAGES.date,
          'residence.kind': FIELD_MESSAGES.residenceKind,
          'residence.organisation': FIELD_MESSAGES.organisation('employment'),
          'materials.proofs': FIELD_MESSAGES.proofsCount(5),
        },
      },
    });
    expect(await world.counts()).toEqual(before);
  });

  it('refuses 11 digits that are no mainland mobile with the page’s message, and stores nothing', async () => {
    const payload = await declarationPayload(world, ALICE);
    const before = await world.counts();
    for (const mobile of ['10000000000', '12345678901']) {
      const result = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, applicant: { ...payload.applicant, mobile } }, `r-${mobile}`);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'applicant.mobile': FIELD_MESSAGES.mobileNotMainland } } });
    }
    expect(await world.counts()).toEqual(before);
  });

  it.each([
    ['a missing payload', undefined, { payload: FIELD_MESSAGES.payload }],
    ['a payload that is a list', [], { payload: FIELD_MESSAGES.payload }],
    ['a payload that is text', 'hello', { payload: FIELD_MESSAGES.payload }],
  ])('refuses %s', async (_label, payload, fields) => {
    const result = await world.call(ALICE.openid, 'submitDeclaration', payload, 'r1');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields } });
  });

  it('names each missing part of the payload', async () => {
    const result = await world.call(ALICE.openid, 'submitDeclaration', {}, 'r1');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          verificationToken: FIELD_MESSAGES.token,
          consent: FIELD_MESSAGES.required,
          applicant: FIELD_MESSAGES.required,
          residence: FIELD_MESSAGES.required,
          materials: FIELD_MESSAGES.required,
        },
      },
    });
  });

  it('needs a requestId, reported with the other bad fields', async () => {
    const payload = await declarationPayload(world, ALICE);
    for (const requestId of [undefined, '', 'x'.repeat(65), 'has space']) {
      const result = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, consent: {} }, requestId);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { requestId: FIELD_MESSAGES.requestId, 'consent.noticeVersion': FIELD_MESSAGES.notice } },
      });
    }
    expect((await world.counts()).applications).toBe(0);
  });

  it('refuses another person’s file, an unknown file and a duplicated proof', async () => {
    const payload = await declarationPayload(world, ALICE);
    const bobs = await world.upload(BOB.openid);
    const result = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, materials: { idFront: bobs, proofs: ['f-doesnotexist'] } }, 'r1');
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { 'materials.idFront': FIELD_MESSAGES.fileNotYours, 'materials.proofs': FIELD_MESSAGES.fileNotYours } },
    });
    const twice = await world.call(
      ALICE.openid,
      'submitDeclaration',
      { ...payload, materials: { ...payload.materials, proofs: [payload.materials.idFront, payload.materials.idFront] } },
      'r2',
    );
    expect(twice).toMatchObject({ ok: false, error: { fields: { 'materials.proofs': FIELD_MESSAGES.duplicateFile } } });
  });

  it('asks for the relation statement when living in a relative’s home', async () => {
    const payload = await declarationPayload(world, ALICE, { residence: { kind: 'relative' } });
    const result = await world.call(ALICE.openid, 'submitDeclaration', payload, 'r1');
    expect(result).toMatchObject({ ok: false, error: { fields: { 'materials.relationStatement': FIELD_MESSAGES.relationStatement } } });
    const statement = await world.upload(ALICE.openid);
    const ok = await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', { ...payload, materials: { ...payload.materials, relationStatement: statement } }, 'r2');
    expect(unwrap(ok).materials.relationStatement).toBe(statement);
  });

  it('refuses a residence start in the future or before birth', async () => {
    const payload = await declarationPayload(world, ALICE);
    const future = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, residence: { ...payload.residence, since: '2026-09-02' } }, 'r1');
    expect(future).toMatchObject({ ok: false, error: { fields: { 'residence.since': FIELD_MESSAGES.futureDate } } });
    const beforeBirth = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, residence: { ...payload.residence, since: '1990-03-06' } }, 'r2');
    expect(beforeBirth).toMatchObject({ ok: false, error: { fields: { 'residence.since': FIELD_MESSAGES.beforeBirth } } });
  });

  it('accepts a lower-case x and stores the number upper-cased, never returning it', async () => {
    const person = { ...BOB, idNumber: BOB.idNumber.toLowerCase() };
    const payload = await declarationPayload(world, person);
    const result = unwrap(await world.call<ApplicationView>(BOB.openid, 'submitDeclaration', payload, 'r1'));
    expect(result.applicant.idNumberMasked).toBe('430102********106X');
    expect(JSON.stringify(result)).not.toContain(BOB.idNumber.slice(6, 14));
  });

  it('ignores keys the contract does not name', async () => {
    const payload = await declarationPayload(world, ALICE);
    const result = unwrap(
      await world.call<ApplicationView>(
        ALICE.openid,
        'submitDeclaration',
        { ...payload, status: 'approved', ownerOpenid: BOB.openid, applicant: { ...payload.applicant, admin: true } },
        'r1',
      ),
    );
    expect(result.status).toBe('pending');
    const stored = await world.store.get<Record<string, unknown>>('applications', result.id);
    expect(stored?.ownerOpenid).toBe(ALICE.openid);
    expect(stored?.applicant).not.toHaveProperty('admin');
  });
});

describe('verification tokens', () => {
  it('fails the face check on fail or cancel, and issues no token', async () => {
    for (const devOutcome of ['fail', 'cancel']) {
      const { verifyId } = unwrap(await world.call<{ verifyId: string }>(ALICE.openid, 'startVerification', { name: ALICE.name, idNumber: ALICE.idNumber }));
      const result = await world.call(ALICE.openid, 'finishVerification', { verifyId, devOutcome });
      expect(result).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    }
    expect((await world.counts()).tokens).toBe(0);
  });

  it('validates the identity before starting a check', async () => {
    const result = await world.call(ALICE.openid, 'startVerification', { name: 'A', idNumber: '123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { name: FIELD_MESSAGES.name, idNumber: FIELD_MESSAGES.idLength } } });
    const later = await world.call(ALICE.openid, 'startVerification', {});
    expect(later).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  });

  it('will not finish another caller’s check, nor the same check twice', async () => {
    const { verifyId } = unwrap(await world.call<{ verifyId: string }>(ALICE.openid, 'startVerification', { name: ALICE.name, idNumber: ALICE.idNumber }));
    expect(await world.call(BOB.openid, 'finishVerification', { verifyId })).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    unwrap(await world.call(ALICE.openid, 'finishVerification', { verifyId }));
    expect(await world.call(ALICE.openid, 'finishVerification', { verifyId })).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
  });

  it('refuses a token of another person, of another caller, expired or used', async () => {
    const payload = await declarationPayload(world, ALICE);
    const bobToken = await verify(world, BOB.openid, BOB.name, BOB.idNumber);
    const forBob = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, verificationToken: bobToken }, 'r1');
    expect(forBob).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    const otherCaller = await world.call(
      BOB.openid,
      'submitDeclaration',
      { ...payload, materials: { idFront: await world.upload(BOB.openid), proofs: [await world.upload(BOB.openid)] } },
      'r2',
    );
    expect(otherCaller).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });

    world.now += 31 * 60 * 1000;
    const expired = await world.call(ALICE.openid, 'submitDeclaration', payload, 'r3');
    expect(expired).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    expect((await world.counts()).applications).toBe(0);
  });

  it('keeps a token usable after a failed submission, and uses it up on success', async () => {
    const payload = await declarationPayload(world, ALICE);
    await world.call(ALICE.openid, 'submitDeclaration', { ...payload, residence: { ...payload.residence, district: 'x' } }, 'r1');
    unwrap(await world.call(ALICE.openid, 'submitDeclaration', payload, 'r2'));
    unwrap(await world.call(ALICE.openid, 'withdraw', { id: unwrap(await world.call<{ items: { id: string }[] }>(ALICE.openid, 'listApplications')).items[0].id }, 'r3'));
    const again = await world.call(ALICE.openid, 'submitDeclaration', payload, 'r4');
    expect(again).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
  });

  it('reports bad input before a bad token', async () => {
    const payload = await declarationPayload(world, ALICE);
    const result = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, verificationToken: 'forged', applicant: { ...payload.applicant, mobile: '12' } }, 'r1');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('one record per request and per person', () => {
  it('stores a repeated request once and answers with the first result, whatever the payload', async () => {
    const payload = await declarationPayload(world, ALICE);
    const first = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', payload, 'same'));
    const second = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', { nonsense: true }, 'same'));
    expect(second).toEqual(first);
    expect((await world.counts()).applications).toBe(1);
  });

  it('stores concurrent copies of one request once', async () => {
    const payload = await declarationPayload(world, ALICE);
    const results = await Promise.all([1, 2, 3].map(() => world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', payload, 'burst')));
    const ids = results.map((r) => unwrap(r).id);
    expect(new Set(ids).size).toBe(1);
    expect((await world.counts()).applications).toBe(1);
  });

  it('never shares a request id between callers', async () => {
    const alice = await declarationPayload(world, ALICE);
    const bob = await declarationPayload(world, BOB);
    const a = unwrap(await world.call<ApplicationView>(ALICE.openid, 'submitDeclaration', alice, 'shared'));
    const b = unwrap(await world.call<ApplicationView>(BOB.openid, 'submitDeclaration', bob, 'shared'));
    expect(a.id).not.toBe(b.id);
    expect(b.applicant.name).toBe(BOB.name);
  });

  it('refuses a second pending declaration for the same ID number, even from another account', async () => {
    await declare(world, ALICE);
    const before = await world.counts();
    const again = await world.call(ALICE.openid, 'submitDeclaration', await declarationPayload(world, ALICE), 'second');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const otherAccount = { ...ALICE, openid: 'resident-alice-2' };
    const fromElsewhere = await world.call(otherAccount.openid, 'submitDeclaration', await declarationPayload(world, otherAccount), 'third');
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await world.counts();
    expect(after.applications).toBe(before.applications);
    expect(after.locks).toBe(before.locks);
  });
});
