// Generated bad input for every action of every function: each payload is a valid one broken somewhere
// (plus noise), and must get an error code the contract lists — never INTERNAL, never internal detail —
// while the store stays exactly as it was.
import fc from 'fast-check';
import type { Result } from '../../miniprogram/domain/contract';
import { ERROR_CODES } from '../../miniprogram/domain/errors';
import { checkDigit } from '../../miniprogram/domain/idNumber';
import { MAX_ID_LENGTH } from '../../miniprogram/domain/limits';
import { NOTICES } from '../../miniprogram/domain/notices';
import * as functions from '../../server/functions';
import { residentActions } from '../../server/handlers/resident';
import { staffActions } from '../../server/handlers/staff';
import { declare, servicePayload, verify } from '../support/declarations';
import { spyOnStore, type StoreSpy } from '../support/storeSpy';
import { createWorld, unwrap, type World } from '../support/world';

/** Fixed, so a failure found in CI is found again on any machine. */
const SEED = 20260301;
const RUNS = 300;
const T0 = '2026-03-02T10:00:00+08:00';
/** Seven months on: permits are open for the first declarations, and the clock stays here. */
const T1 = '2026-10-01T10:00:00+08:00';

const OFFICER = 'fuzz-officer'; // 岳麓区 430104
const SUPERVISOR = 'fuzz-supervisor';
/** The officer revokeStaff's unbroken payload takes the role of: not OFFICER, whom the other staff actions need. */
const REVOCABLE = 'fuzz-revocable';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Fn = 'resident' | 'staff';

interface Person {
  openid: string;
  name: string;
  idNumber: string;
}

/** A valid ID number born 1990-03-07 in 岳麓区, the `seq`th of its day. */
function idNumberFor(seq: number): string {
  const first17 = `43010419900307${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二', '蒋十三', '沈十四', '韩十五'];
let personCount = 0;
function person(role: string): Person {
  const n = personCount++;
  return { openid: `fuzz-${role}`, name: NAMES[n], idNumber: idNumberFor(100 + n) };
}

// ---- What a bad value is: small descriptions, turned into values only when the payload is built, so
// a counterexample prints short and shrinks well.

type Bad =
  | { op: 'delete' }
  | { op: 'set'; value: Json }
  | { op: 'deep'; depth: number; array: boolean; protoKeys: boolean }
  | { op: 'huge'; length: number; ch: string }
  | { op: 'inject'; ch: string; at: number }
  | { op: 'suffix'; text: string }
  | { op: 'ref'; name: string }
  | { op: 'ids'; count: number; distinct: boolean }
  | { op: 'base64'; text: string }
  | { op: 'deepCursor'; depth: number }
  | { op: 'wrap' };

/** Characters no text field may store. */
const UNSAFE = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
/** Characters people do send, harmless where the contract allows text: RTL/LTR marks, zero-width, BOM, combining marks. */
const ODD = ['\u200f', '\u200e', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0301', '\u0645', '😀', '\u3000'];
/** Keys that are on every object's prototype, or look like stored fields: never named by a payload. */
const NOISE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'then',
  'length',
  '0',
  '',
  '_id',
  '_version',
  'ownerOpenid',
  'idHash',
  'x-extra',
  '名字',
  '\u202eevil',
  'a.b',
  '\u0000',
];

const wrongTypes: Json[] = [0, -1, 1.5, 1e308, -0, true, false, [], {}, ['x'], { a: 'x' }, [[]]];
const set = (...values: Json[]) => fc.constantFrom(...values).map((value): Bad => ({ op: 'set', value }));
const del = fc.constant<Bad>({ op: 'delete' });
const deep = fc.record({ op: fc.constant('deep' as const), depth: fc.integer({ min: 1000, max: 30000 }), array: fc.boolean(), protoKeys: fc.boolean() });
const deepArray = fc.record({ op: fc.constant('deep' as const), depth: fc.integer({ min: 1000, max: 30000 }), array: fc.constant(true), protoKeys: fc.constant(false) });
const inject = fc.record({ op: fc.constant('inject' as const), ch: fc.constantFrom(...UNSAFE), at: fc.nat(1000) });
const huge = (over: number) =>
  fc.record({
    op: fc.constant('huge' as const),
    length: fc.oneof(fc.integer({ min: over, max: over + 3 }), fc.integer({ min: 100_000, max: 400_000 })),
    ch: fc.constantFrom('x', '汉', '😀', ' 汉'),
  });
const ref = (...names: string[]) => fc.constantFrom(...names).map((name): Bad => ({ op: 'ref', name }));

/** A required text of at most `max` characters. */
const text = (max: number, required = true) => fc.oneof(...(required ? [del] : []), set(null, '', '   ', '\t', ...wrongTypes), deep, huge(max + 1), inject);
const anId = (required = true) =>
  fc.oneof(...(required ? [del] : []), set(null, '', 'has space', ' no-such-id', 'no-such-id', 'x\ty', ...wrongTypes), deep, huge(MAX_ID_LENGTH + 1), inject);
const oneOfBad = (valid: string, required = true) =>
  fc.oneof(
    ...(required ? [del] : []),
    set(null, '', 'x', '__proto__', 'constructor', 'toString', 'hasOwnProperty', valid.toUpperCase() === valid ? `${valid} ` : valid.toUpperCase(), ...wrongTypes),
    fc.constantFrom(...ODD).map((ch): Bad => ({ op: 'suffix', text: ch })),
    inject,
    deep,
  );
const mobile = (required = true) =>
  fc.oneof(
    ...(required ? [del] : []),
    set(null, '', '12345678901', '1380013800', '138001380000', '１３８００１３８０００', '+8613800138000', '23800138000', 13800138000, ...wrongTypes),
    inject,
    deep,
    huge(12),
  );
const idNumber = (otherPerson: boolean, required = true) =>
  fc.oneof(
    ...(required ? [del] : []),
    set(
      null,
      '',
      '43010419900307123',
      '4301041990030712345',
      '43010419900230123X',
      '00010419900307123X',
      '430104199003071A3X',
      '４３０１０４１９９００３０７１２３７',
      Number('430104199003071237'),
      ...wrongTypes,
    ),
    ref('flipCheckDigit', 'impossibleBirth', 'futureBirth', ...(otherPerson ? ['otherIdNumber'] : [])),
    inject,
    huge(21),
  );
const date = () =>
  fc.oneof(
    del,
    set(
      null,
      '',
      '2026-02-30',
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-06-00',
      '2025-6-1',
      '2025-06-01T00:00:00Z',
      ' 2025-06-01',
      '1899-12-31',
      '2027-01-01',
      '1980-01-01',
      '2025/06/01',
      20250601,
      ...wrongTypes,
    ),
    inject,
    deep,
  );
/** A part (an object) replaced by a non-object, or by a deep object that lacks its required fields. */
const part = (required = true, deepObject = true) => fc.oneof(...(required ? [del] : []), set(null, 'x', '', 5, true, [], [[]], ['x']), deepObject ? deep : deepArray);
const fileBad = (required = true) => fc.oneof(anId(required), ref('othersFile', 'missingFile'), set(['f-aaaaaaaaaaaaaaaaaaaa']));
const filesBad = (required = true) =>
  fc.oneof(
    ...(required ? [del] : []),
    set(null, [], 'x', [5], [null], [[]], [{}], [''], ['has space'], {}, { 0: 'x' }, ...wrongTypes.filter((v) => !Array.isArray(v) || v.length === 0)),
    fc.record({ op: fc.constant('ids' as const), count: fc.constantFrom(6, 7, 50, 50_000), distinct: fc.boolean() }),
    ref('othersFiles', 'missingFiles', 'duplicateFiles', 'ownAndOthers'),
    deepArray,
  );
const token = () => fc.oneof(del, set(null, '', 'no-such-token', ...wrongTypes), ref('othersToken'), inject, huge(201), deep);
const consentVersion = () =>
  fc.oneof(
    del,
    set(null, '', 'v0', 'declaration-v0', ...wrongTypes),
    fc.constantFrom(...ODD).map((ch): Bad => ({ op: 'suffix', text: ch })),
    inject,
    deep,
  );
const limit = () => set(0, -1, 51, 1000, 1e9, 1.5, '20', '', true, null, [], {}, [20]);
const cursor = () =>
  fc.oneof(
    set('', 'not base64 ~~', '%%%', 5, true, {}, [], ['x'], 'A'.repeat(5000)),
    fc
      .constantFrom('not json', '[]', '{}', '{"at":"x","id":1}', '{"dueOn":1,"id":"x"}', '{"__proto__":{"at":1,"id":"x"}}', 'null', '"x"', '{"at":1e400,"id":"x"}')
      .map((t): Bad => ({ op: 'base64', text: t })),
    fc.integer({ min: 1000, max: 30000 }).map((depth): Bad => ({ op: 'deepCursor', depth })),
    huge(1),
  );
const wholePayload = () => fc.oneof(set('x', '', 5, 0, true, false, null, [], [[]], ['x'], [{}]), deepArray, fc.constant<Bad>({ op: 'wrap' }));
const requestId = () => fc.oneof(del, set(null, '', 'x'.repeat(65), 'has space', '中文编号', 'a\u0000b', 'tab\there', 5, true, {}, [], ['r1']), deep);

// ---- The actions: a valid payload prepared in the world, and the fields whose bad values break it.

interface Spec {
  fn: Fn;
  caller: string;
  payload: Record<string, unknown>;
  /** Paths (dotted) in the payload, each with the bad values that make the payload certainly invalid. */
  fields: Record<string, fc.Arbitrary<Bad>>;
  /** World values the `ref` bad values name. */
  refs?: Record<string, Json>;
}

interface Break {
  path: string;
  bad: Bad;
}

interface Noise {
  at: number;
  key: string;
  value: { kind: 'json'; value: Json } | { kind: 'deep'; depth: number; array: boolean } | { kind: 'huge'; length: number } | { kind: 'odd'; text: string };
}

interface Plan {
  breaks: Break[];
  noise: Noise[];
  /** Harmless marks appended to named texts that are not broken. */
  soft: { at: number; mark: string }[];
}

const noiseArb: fc.Arbitrary<Noise> = fc.record({
  at: fc.nat(50),
  key: fc.constantFrom(...NOISE_KEYS),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value: value as Json })),
    fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 1000, max: 50_000 }), array: fc.boolean() }),
    fc.record({ kind: fc.constant('huge' as const), length: fc.integer({ min: 10_000, max: 300_000 }) }),
    fc.array(fc.constantFrom(...ODD, ...UNSAFE, 'a', '汉'), { minLength: 1, maxLength: 8 }).map((chars) => ({ kind: 'odd' as const, text: chars.join('') })),
  ),
});

function planArb(spec: Spec, writes: boolean): fc.Arbitrary<Plan> {
  const targets: fc.Arbitrary<Break>[] = Object.entries(spec.fields).map(([path, bad]) => bad.map((b) => ({ path, bad: b })));
  targets.push(wholePayload().map((bad) => ({ path: '$payload', bad })));
  if (writes) targets.push(requestId().map((bad) => ({ path: '$requestId', bad })));
  return fc.record({
    breaks: fc.array(fc.oneof(...targets), { minLength: 1, maxLength: 3 }),
    noise: fc.array(noiseArb, { maxLength: 4 }),
    soft: fc.array(fc.record({ at: fc.nat(50), mark: fc.constantFrom(...ODD) }), { maxLength: 2 }),
  });
}

// ---- Building a payload from a plan.

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are created by JSON.parse, as a request body's are: `__proto__` is then an own key. */
function parsedObject(entries: [string, unknown][]): Record<string, unknown> {
  const object = JSON.parse(`{${entries.map(([key]) => `${JSON.stringify(key)}:0`).join(',')}}`) as Record<string, unknown>;
  for (const [key, value] of entries) object[key] = value;
  return object;
}

/** Nested `depth` levels, built iteratively; `__proto__` levels are own keys, as JSON.parse makes them. */
function nested(depth: number, array: boolean, protoKeys = false): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) {
    if (array) value = [value];
    else if (protoKeys && i % 2 === 0) {
      const level: Record<string, unknown> = {};
      defineOwn(level, '__proto__', value);
      value = level;
    } else value = { a: value };
  }
  return value;
}

function hugeText(length: number, ch: string): string {
  return ch.repeat(Math.ceil(length / Math.max(1, Array.from(ch).length)));
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every plain object of the (shallow, valid) payload, root first. */
function containers(root: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [root];
  for (const value of Object.values(root)) {
    if (isObject(value)) found.push(value);
    if (Array.isArray(value)) for (const item of value) if (isObject(item)) found.push(item);
  }
  return found;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function noiseValue(noise: Noise['value']): unknown {
  switch (noise.kind) {
    case 'json':
      return noise.value;
    case 'deep':
      return nested(noise.depth, noise.array, true);
    case 'huge':
      return 'n'.repeat(noise.length);
    case 'odd':
      return noise.text;
  }
}

function badValue(bad: Bad, current: unknown, refs: Record<string, Json>): unknown {
  switch (bad.op) {
    case 'set':
      return clone(bad.value);
    case 'deep':
      return nested(bad.depth, bad.array, bad.protoKeys);
    case 'huge':
      return hugeText(bad.length, bad.ch);
    case 'inject': {
      // Strictly inside, so trimming (which removes U+000B at an end) never takes it away.
      const base = typeof current === 'string' && current.length >= 2 ? current : 'text';
      const at = 1 + (bad.at % (base.length - 1));
      return base.slice(0, at) + bad.ch + base.slice(at);
    }
    case 'suffix':
      return `${typeof current === 'string' ? current : ''}${bad.text}`;
    case 'ref':
      if (!(bad.name in refs)) throw new Error(`no world value ${bad.name}`);
      return clone(refs[bad.name]);
    case 'ids':
      return Array.from({ length: bad.count }, (_, i) => (bad.distinct ? `f-${String(i).padStart(20, 'z')}` : `f-${'z'.repeat(20)}`));
    case 'base64':
      return Buffer.from(bad.text).toString('base64url');
    case 'deepCursor':
      return Buffer.from(`${'['.repeat(bad.depth)}${']'.repeat(bad.depth)}`).toString('base64url');
    case 'wrap':
    case 'delete':
      return undefined;
  }
}

/** Rebuilds every object a few levels down through JSON.parse (deep noise is left as built). */
function reparse(value: unknown, depth = 0): unknown {
  if (depth > 3) return value;
  if (Array.isArray(value)) return value.length > 10 ? value : value.map((v) => reparse(v, depth + 1));
  if (!isObject(value)) return value;
  return parsedObject(Object.keys(value).map((key) => [key, reparse(value[key], depth + 1)]));
}

function build(spec: Spec, plan: Plan, validRequestId: string): { payload: unknown; requestId: unknown } {
  let payload: unknown = clone(spec.payload);
  let requestId: unknown = validRequestId;
  const refs = spec.refs ?? {};
  const root = payload as Record<string, unknown>;
  const boxes = containers(root);
  // Soft marks first, on named texts: they never make a broken payload valid again.
  const texts = boxes.flatMap((box) =>
    Object.keys(box)
      .filter((k) => typeof box[k] === 'string')
      .map((k) => [box, k] as const),
  );
  for (const { at, mark } of plan.soft) {
    if (texts.length === 0) break;
    const [box, key] = texts[at % texts.length];
    box[key] = `${box[key] as string}${mark}`;
  }
  for (const { at, key, value } of plan.noise) defineOwn(boxes[at % boxes.length], key, noiseValue(value));
  for (const { path, bad } of plan.breaks) {
    if (path === '$requestId') {
      requestId = badValue(bad, requestId, refs);
      continue;
    }
    if (path === '$payload') {
      payload = bad.op === 'wrap' ? [payload] : badValue(bad, payload, refs);
      continue;
    }
    const steps = path.split('.');
    let parent: unknown = payload;
    for (const step of steps.slice(0, -1)) parent = isObject(parent) ? parent[step] : Array.isArray(parent) ? parent[Number(step)] : undefined;
    const last = steps[steps.length - 1];
    // A break inside a part another break already replaced is moot: that one already breaks the payload.
    if (isObject(parent)) {
      if (bad.op === 'delete') delete parent[last];
      else parent[last] = badValue(bad, parent[last], refs);
    } else if (Array.isArray(parent) && bad.op !== 'delete') {
      parent[Number(last)] = badValue(bad, parent[Number(last)], refs);
    }
  }
  return { payload: reparse(payload), requestId };
}

// ---- What every answer must be.

const LISTED = ERROR_CODES.filter((code) => code !== 'INTERNAL');
const INTERNAL_DETAIL = [
  /Error/,
  /\bat\s+\S+\s*\(/,
  /\n\s+at\s/,
  /node_modules/,
  /\.(ts|js|mjs|cjs)\b/,
  /(^|[\s(:'"])\/[\w.@-]+\/[\w.@/-]+/,
  /[A-Za-z]:\\/,
  /\[object /,
  /undefined|null|NaN/,
];
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

function expectCleanText(text: unknown, where: string): void {
  if (typeof text !== 'string' || text.length === 0 || text.length > 300) throw new Error(`${where} is not a short text: ${String(text).slice(0, 80)}`);
  for (const pattern of INTERNAL_DETAIL) if (pattern.test(text)) throw new Error(`${where} carries internal detail (${pattern}): ${text}`);
  if (!/[\u4e00-\u9fff]/.test(text)) throw new Error(`${where} is not Chinese text: ${text}`);
}

function expectContractError(result: Result<unknown>): void {
  if (result.ok) throw new Error('a broken payload was accepted');
  const { code, message, fields } = result.error;
  if (!(LISTED as readonly string[]).includes(code)) throw new Error(`error code ${code} is not one the contract lists`);
  expectCleanText(message, 'message');
  if (fields !== undefined) {
    if (code !== 'INVALID_INPUT') throw new Error(`fields on ${code}`);
    const entries = Object.entries(fields);
    if (entries.length === 0 || entries.length > 30) throw new Error(`${entries.length} fields`);
    for (const [path, text] of entries) {
      if (!FIELD_PATH.test(path) || path.length > 60) throw new Error(`field path ${JSON.stringify(path)} is not a payload path`);
      expectCleanText(text, `field ${path}`);
    }
  }
  if (code === 'INVALID_INPUT' && fields === undefined) throw new Error('INVALID_INPUT without fields');
}

// ---- The world.

let world: World;
let spy: StoreSpy;
const specs: Record<string, Spec> = {};
let requestCount = 0;
const rid = () => `fz-${++requestCount}`;

async function laterServiceToken(openid: string): Promise<string> {
  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(openid, 'startVerification', {}));
  return unwrap(await world.call<{ verificationToken: string }>(openid, 'finishVerification', { verifyId })).verificationToken;
}

async function applied(openid: string, service: 'permit', extra: Record<string, unknown> = {}): Promise<string> {
  const payload = await servicePayload(service, await laterServiceToken(openid), () => world.upload(openid), extra);
  return unwrap(await world.call<{ id: string }>(openid, 'applyPermit', payload, rid())).id;
}

const approve = async (id: string) => unwrap(await world.staff(OFFICER, 'approve', { id }, rid()));

beforeAll(async () => {
  world = createWorld(T0);
  await world.grant(OFFICER, ['430104']);
  await world.grant(REVOCABLE, ['430104']);
  await world.store.commit([{ op: 'create', collection: 'staff', id: SUPERVISOR, doc: { districts: ['430104'], supervisor: true, name: '督导', badge: '000001' } }]);
  const since = { since: '2025-06-01' };
  const [P, R, K, M, V, W, C, S1, S2, S3, X, D, O, E] = [
    'permit',
    'reissue',
    'ready',
    'collect',
    'voucher',
    'withdraw',
    'correct',
    'approve',
    'correction',
    'reject',
    'furong',
    'declarer',
    'other',
    'endorse',
  ].map(person);

  // E's card was collected a year before T1, so T1 falls in its first endorsement window (2026-09-15 to 10-14).
  world.setNow('2025-03-03T10:00:00+08:00');
  await approve((await declare(world, E, { residence: { since: '2024-12-01' } })).id);
  world.setNow('2025-10-15T10:00:00+08:00');
  const eCard = await applied(E.openid, 'permit');
  await approve(eCard);
  unwrap(await world.staff(OFFICER, 'markReady', { id: eCard }, rid()));
  unwrap(await world.staff(OFFICER, 'markCollected', { id: eCard, idCardChecked: true }, rid()));
  world.setNow(T0);

  for (const who of [P, R, K, M]) await approve((await declare(world, who, { residence: since })).id);
  world.setNow(T1);
  const rCard = await applied(R.openid, 'permit');
  await approve(rCard);
  unwrap(await world.staff(OFFICER, 'markReady', { id: rCard }, rid()));
  unwrap(await world.staff(OFFICER, 'markCollected', { id: rCard, idCardChecked: true }, rid()));
  const kCard = await applied(K.openid, 'permit');
  await approve(kCard);
  const mCard = await applied(M.openid, 'permit');
  await approve(mCard);
  unwrap(await world.staff(OFFICER, 'markReady', { id: mCard }, rid()));
  const pickupCode = unwrap(await world.call<{ pickup: { pickupCode: string } }>(M.openid, 'getApplication', { id: mCard })).pickup.pickupCode;
  const vDeclaration = (await declare(world, V, { residence: since })).id;
  await approve(vDeclaration);
  const wPending = (await declare(world, W, { residence: since })).id;
  const cApp = (await declare(world, C, { residence: since })).id;
  const asked = ['applicant.mobile', 'residence.address', 'materials.proofs'].map((item) => ({ item, message: '请补正' }));
  unwrap(await world.staff(OFFICER, 'requestCorrection', { id: cApp, items: asked }, rid()));
  const s1 = (await declare(world, S1, { residence: since })).id;
  const s2 = (await declare(world, S2, { residence: since })).id;
  const s3 = (await declare(world, S3, { residence: since })).id;
  const xApp = (await declare(world, X, { residence: { ...since, district: '430102' } })).id;

  const othersFile = await world.upload(O.openid);
  const othersToken = await verify(world, O.openid, O.name, O.idNumber);
  const refsFor = async (openid: string): Promise<Record<string, Json>> => {
    const own = await world.upload(openid);
    return {
      othersFile,
      missingFile: 'f-nosuchfilenosuchfile',
      othersFiles: [othersFile],
      missingFiles: ['f-nosuchfilenosuchfile'],
      othersToken,
      duplicateFiles: [own, own],
      ownAndOthers: [own, othersFile],
    };
  };

  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(D.openid, 'startVerification', { name: D.name, idNumber: D.idNumber }));
  const { verifyId: othersVerifyId } = unwrap(await world.call<{ verifyId: string }>(O.openid, 'startVerification', { name: O.name, idNumber: O.idNumber }));
  const dToken = await verify(world, D.openid, D.name, D.idNumber);
  const idRefs = (valid: string) => ({
    flipCheckDigit: valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'),
    impossibleBirth: (() => {
      const first17 = `${valid.slice(0, 6)}19900230${valid.slice(14, 17)}`;
      return first17 + checkDigit(first17);
    })(),
    futureBirth: (() => {
      const first17 = `${valid.slice(0, 6)}20301231${valid.slice(14, 17)}`;
      return first17 + checkDigit(first17);
    })(),
    otherIdNumber: O.idNumber,
  });

  const applicantFields = (prefix: string, otherPerson: boolean) => ({
    [`${prefix}.name`]: fc.oneof(text(30), set('12345', '李', 'Li Lei!', '李\n四', '李'.repeat(31))),
    [`${prefix}.idNumber`]: idNumber(otherPerson),
  });
  const serviceFields = (kind: 'permit' | 'voucher' | 'reissue' | 'endorsement') => ({
    verificationToken: token(),
    consent: part(),
    'consent.noticeVersion': consentVersion(),
    contact: part(false),
    'contact.mobile': mobile(),
    materials: part(),
    'materials.idFront': fileBad(),
    ...(kind === 'reissue' ? { reason: oneOfBad('expired'), 'materials.photo': fileBad() } : { 'materials.proofs': filesBad() }),
    ...(kind === 'permit' ? { 'materials.photo': fileBad() } : {}),
  });
  const service = async (who: Person, kind: 'permit' | 'voucher' | 'reissue' | 'endorsement'): Promise<Spec> => {
    const extra = kind === 'reissue' ? { reason: 'expired' } : {};
    const payload = await servicePayload(kind, await laterServiceToken(who.openid), () => world.upload(who.openid), { ...extra, contact: { mobile: '13900139000' } });
    return { fn: 'resident', caller: who.openid, payload, fields: serviceFields(kind), refs: await refsFor(who.openid) };
  };

  const dUploads = { idFront: await world.upload(D.openid), proofs: [await world.upload(D.openid)] };
  // Photos at storage paths, not yet anyone's: one of D's to confirm, and every kind that must be refused.
  const issued = async (openid: string) => unwrap(await world.call<{ cloudPath: string }>(openid, 'prepareUpload', { extension: 'png' })).cloudPath;
  const dPlaced = await world.place(await issued(D.openid));
  const uploadRefs = {
    othersPath: await world.place(await issued(O.openid)),
    neverIssued: world.files.fileIdFor(`uploads/${'a'.repeat(20)}/${'b'.repeat(20)}.png`),
    notUploaded: world.files.fileIdFor(await issued(D.openid)),
    notImage: await world.place(await issued(D.openid), Buffer.from('%PDF-1.7 not an image')),
    oversize: await world.place(await issued(D.openid), Buffer.alloc(10 * 1024 * 1024 + 1, 0x89)),
    othersRecorded: othersFile,
  };
  Object.assign(specs, {
    overview: { fn: 'resident', caller: V.openid, payload: {}, fields: {} },
    startVerification: {
      fn: 'resident',
      caller: D.openid,
      payload: { name: D.name, idNumber: D.idNumber },
      fields: { name: fc.oneof(text(30), set('12345', '李', 'Li Lei!', '李\n四')), idNumber: idNumber(false) },
      refs: idRefs(D.idNumber),
    },
    finishVerification: {
      fn: 'resident',
      caller: D.openid,
      payload: { verifyId },
      fields: { verifyId: fc.oneof(anId(), ref('othersVerifyId', 'unknownVerifyId')), devOutcome: oneOfBad('pass', false) },
      refs: { othersVerifyId, unknownVerifyId: 'dev-nosuchverification' },
    },
    submitDeclaration: {
      fn: 'resident',
      caller: D.openid,
      payload: {
        verificationToken: dToken,
        consent: { noticeVersion: NOTICES.declaration.version },
        applicant: { name: D.name, idNumber: D.idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道 12 号' },
        residence: {
          district: '430104',
          street: '望月湖街道',
          address: '望月湖小区 3 栋 201',
          since: '2025-06-01',
          kind: 'rent',
          basis: 'employment',
          organisation: '长沙某某科技有限公司',
        },
        materials: dUploads,
      },
      fields: {
        verificationToken: token(),
        consent: part(),
        'consent.noticeVersion': consentVersion(),
        applicant: part(),
        ...applicantFields('applicant', true),
        'applicant.ethnicity': oneOfBad('汉族'),
        'applicant.mobile': mobile(),
        'applicant.hukouAddress': fc.oneof(text(100), set('短')),
        residence: part(),
        'residence.district': oneOfBad('430104'),
        'residence.street': fc.oneof(text(50), set('街')),
        'residence.address': fc.oneof(text(100), set('址')),
        'residence.since': date(),
        'residence.kind': fc.oneof(oneOfBad('rent'), ref('relativeWithoutStatement')),
        'residence.basis': oneOfBad('employment'),
        'residence.organisation': fc.oneof(text(50), set('司')),
        materials: part(),
        'materials.idFront': fileBad(),
        'materials.proofs': filesBad(),
      },
      refs: { ...idRefs(D.idNumber), ...(await refsFor(D.openid)), relativeWithoutStatement: 'relative' },
    },
    applyPermit: await service(P, 'permit'),
    applyVoucher: await service(V, 'voucher'),
    applyReissue: await service(R, 'reissue'),
    applyEndorsement: await service(E, 'endorsement'),
    listApplications: { fn: 'resident', caller: V.openid, payload: { limit: 10 }, fields: { limit: limit(), cursor: cursor() } },
    getApplication: {
      fn: 'resident',
      caller: V.openid,
      payload: { id: vDeclaration },
      fields: { id: fc.oneof(anId(), ref('othersApplication')) },
      refs: { othersApplication: wPending },
    },
    withdraw: {
      fn: 'resident',
      caller: W.openid,
      payload: { id: wPending },
      fields: { id: fc.oneof(anId(), ref('othersApplication')) },
      refs: { othersApplication: vDeclaration },
    },
    resubmit: {
      fn: 'resident',
      caller: C.openid,
      payload: { id: cApp, applicant: { mobile: '13900139000' }, residence: { address: '望月湖小区 5 栋 101' }, materials: { proofs: [await world.upload(C.openid)] } },
      fields: {
        id: fc.oneof(anId(), ref('othersApplication')),
        // Every change here is optional: leaving one out is no error, so nothing is broken by deleting it.
        applicant: part(false, false),
        'applicant.mobile': mobile(false),
        'applicant.name': fc.oneof(set('王五', '李'), text(30, false)),
        'applicant.idNumber': fc.oneof(ref('otherIdNumber'), idNumber(true, false)),
        residence: part(false, false),
        'residence.address': fc.oneof(text(100, false), set('址')),
        'residence.street': fc.oneof(set('别的街道', '街'), text(50, false)),
        materials: part(false, false),
        'materials.proofs': filesBad(false),
        'materials.idFront': fc.oneof(fileBad(false), ref('ownFile')),
        contact: set({ mobile: '13900139001' }, { mobile: '1' }),
      },
      refs: { ...idRefs(C.idNumber), ...(await refsFor(C.openid)), othersApplication: wPending, ownFile: await world.upload(C.openid) },
    },
    fileLinks: {
      fn: 'resident',
      caller: D.openid,
      payload: { fileIds: [dUploads.idFront] },
      fields: {
        fileIds: fc.oneof(
          del,
          set(null, [], 'x', [5], [null], [''], ['has space'], {}, ...wrongTypes.filter((v) => !Array.isArray(v) || v.length === 0)),
          fc.record({ op: fc.constant('ids' as const), count: fc.constantFrom(11, 50, 50_000), distinct: fc.boolean() }),
          deepArray,
        ),
      },
    },
    prepareUpload: { fn: 'resident', caller: D.openid, payload: { extension: 'jpg' }, fields: { extension: oneOfBad('jpg') } },
    recordSubscriptions: {
      fn: 'resident',
      caller: D.openid,
      payload: { results: { review_approved: 'accept', ready_for_pickup: 'reject' } },
      fields: {
        results: fc.oneof(del, set(null, '', 'accept', {}, ...wrongTypes), set({ no_such_event: 'accept' }, { 'a.b': 'accept' }, { '': 'accept' }), deep),
        // Either result alone would be a valid answer of the prompt: a break replaces a value, never removes it.
        'results.review_approved': oneOfBad('accept', false),
        'results.ready_for_pickup': oneOfBad('reject', false),
      },
    },
    subscriptionTemplates: { fn: 'resident', caller: D.openid, payload: {}, fields: {} },
    confirmUpload: {
      fn: 'resident',
      caller: D.openid,
      payload: { fileId: dPlaced },
      fields: { fileId: fc.oneof(anId(), ref(...Object.keys(uploadRefs))) },
      refs: uploadRefs,
    },

    queue: {
      fn: 'staff',
      caller: OFFICER,
      payload: { status: 'pending', kind: 'declaration', limit: 20 },
      fields: { status: oneOfBad('pending', false), kind: oneOfBad('declaration', false), limit: limit(), cursor: cursor() },
    },
    'staff.getApplication': { fn: 'staff', caller: OFFICER, payload: { id: s1 }, fields: { id: fc.oneof(anId(), ref('otherDistrict')) }, refs: { otherDistrict: xApp } },
    'staff.subscriptionTemplates': { fn: 'staff', caller: OFFICER, payload: {}, fields: {} },
    profile: { fn: 'staff', caller: OFFICER, payload: {}, fields: {} },
    approve: {
      fn: 'staff',
      caller: OFFICER,
      payload: { id: s1, note: '材料齐全' },
      fields: { id: fc.oneof(anId(), ref('otherDistrict')), note: text(200, false) },
      refs: { otherDistrict: xApp },
    },
    requestCorrection: {
      fn: 'staff',
      caller: OFFICER,
      payload: { id: s2, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] },
      fields: {
        id: fc.oneof(anId(), ref('otherDistrict')),
        items: fc.oneof(
          del,
          set(
            null,
            [],
            'x',
            {},
            [null],
            [5],
            ['applicant.mobile'],
            [{}],
            [[]],
            [{ item: 'applicant.name', message: '姓名' }],
            [{ item: 'applicant.idNumber', message: '号码' }],
            [{ item: 'applicant.mobile' }],
            [{ item: 'applicant.mobile', message: '' }],
            [{ item: '__proto__', message: 'x' }],
            [{ item: 'toString', message: 'x' }],
            [{ item: 'constructor', message: 'x' }],
            [{ item: 'materials.photo', message: '相片' }],
            [
              { item: 'applicant.mobile', message: 'a' },
              { item: 'applicant.mobile', message: 'b' },
            ],
          ),
          fc.constantFrom(31, 50_000).map((n): Bad => ({ op: 'set', value: Array.from({ length: n }, () => ({ item: 'applicant.mobile', message: '号码无法接通' })) })),
          deepArray,
        ),
        'items.0': fc.oneof(set(null, 'x', '', 5, true, [], [[]], ['applicant.mobile']), deep),
        'items.0.item': oneOfBad('applicant.mobile'),
        'items.0.message': text(200),
      },
      refs: { otherDistrict: xApp },
    },
    reject: {
      fn: 'staff',
      caller: OFFICER,
      payload: { id: s3, reasons: ['材料不实'] },
      fields: {
        id: fc.oneof(anId(), ref('otherDistrict')),
        reasons: fc.oneof(
          del,
          set(null, [], 'x', {}, [5], [null], [''], ['   '], [[]], [{}], ['x'.repeat(201)], ['材料\u0000不实'], ['\u202e材料'], ['\ud800'], ['ok', '']),
          fc.constantFrom(11, 50_000).map((n): Bad => ({ op: 'set', value: Array.from({ length: n }, () => '材料不实') })),
          deepArray,
        ),
        'reasons.0': text(200, false),
      },
      refs: { otherDistrict: xApp },
    },
    markReady: {
      fn: 'staff',
      caller: OFFICER,
      payload: { id: kCard },
      fields: { id: fc.oneof(anId(), ref('otherDistrict', 'notApproved')) },
      refs: { otherDistrict: xApp, notApproved: s1 },
    },
    markCollected: {
      fn: 'staff',
      caller: OFFICER,
      payload: { id: mCard, pickupCode },
      fields: {
        id: fc.oneof(anId(), ref('otherDistrict')),
        pickupCode: fc.oneof(del, set(null, '', '   ', 'WRONGCODE', `${pickupCode}X`, ...wrongTypes), inject, huge(65), deep),
      },
      refs: { otherDistrict: xApp },
    },
    grantStaff: {
      fn: 'staff',
      caller: SUPERVISOR,
      payload: { openid: 'fuzz-new-officer', districts: ['430104'], name: '新警官', badge: '012345' },
      fields: {
        openid: fc.oneof(anId(), set('has space', 'x'.repeat(65), '中文', 'a/b')),
        districts: fc.oneof(
          del,
          set(null, [], 'x', ['430102'], ['999999'], [5], [null], 'ALL', {}),
          fc.constantFrom(50_000).map((n): Bad => ({ op: 'set', value: Array.from({ length: n }, () => '430104') })),
          deepArray,
        ),
        name: text(30),
        badge: text(30),
        supervisor: set('yes', 1, 0, null, [], {}),
      },
    },
    revokeStaff: { fn: 'staff', caller: SUPERVISOR, payload: { openid: REVOCABLE }, fields: { openid: fc.oneof(anId(), set('has space', 'x'.repeat(65), '中文')) } },
    stats: {
      fn: 'staff',
      caller: OFFICER,
      payload: { district: '430104', days: 30 },
      fields: { district: oneOfBad('430104', false), days: set(0, -1, 91, 1.5, '30', true, null, [], {}, 1e9) },
    },
  } satisfies Record<string, Spec>);
  spy = spyOnStore(world.store);
});

afterAll(() => {
  spy?.restore();
  world?.close();
});

/** Every action of both functions, taken from their dispatch tables, so a new action is covered. */
const ACTIONS: { fn: Fn; action: string; key: string; name: string; writes: boolean }[] = [
  ...Object.entries(residentActions).map(([action, def]) => ({ fn: 'resident' as const, action, key: action, name: `resident.${action}`, writes: def.needsRequestId })),
  // A staff action sharing its name with a resident's (getApplication, subscriptionTemplates) has its own spec key.
  ...Object.entries(staffActions).map(([action, def]) => ({
    fn: 'staff' as const,
    action,
    key: action in residentActions ? `staff.${action}` : action,
    name: `staff.${action}`,
    writes: def.needsRequestId,
  })),
];

async function callAs(fn: Fn, caller: string, action: string, payload: unknown, requestId: unknown): Promise<Result<unknown>> {
  const id = requestId === undefined ? undefined : (requestId as string);
  return fn === 'resident' ? world.call(caller, action, payload, id) : world.staff(caller, action, payload, id);
}

describe.each(ACTIONS)('$name', ({ fn, action, key, writes }) => {
  it(`answers ${RUNS} broken payloads with a listed error, no internal detail and no write`, async () => {
    const spec = specs[key] ?? { fn, caller: fn === 'staff' ? OFFICER : 'fuzz-nobody', payload: {}, fields: {} };
    const baseline = await world.counts();
    await fc.assert(
      fc.asyncProperty(planArb(spec, writes), async (plan) => {
        const { payload, requestId } = build(spec, plan, rid());
        const before = await world.counts();
        spy.reset();
        const result = await callAs(fn, spec.caller, action, payload, requestId);
        // Nothing at all was written: no batch reached the store, and every collection holds what it held.
        expect(spy.commits).toBe(0);
        expect(await world.counts()).toEqual(before);
        expectContractError(result);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(await world.counts()).toEqual(baseline);
  });
});

describe('the suite itself', () => {
  it('has a valid payload for every action, to break', () => {
    expect(ACTIONS.filter(({ key }) => !(key in specs)).map(({ name }) => name)).toEqual([]);
  });

  // Last: each unbroken payload succeeds, so every refusal above was caused by what was broken.
  it.each(ACTIONS.filter(({ key }) => key !== 'overview'))('accepts the unbroken payload of $name', async ({ fn, action, key, writes }) => {
    const spec = specs[key];
    if (!spec) return;
    const result = await callAs(fn, spec.caller, action, spec.payload, writes ? rid() : undefined);
    expect(result).toMatchObject({ ok: true });
  });
});

describe('whole calls of the wrong shape', () => {
  const original = functions.runFunction;

  /** Calls a function with `data` exactly as given, through the world's own context. */
  async function raw(fn: Fn, caller: string, data: unknown): Promise<Result<unknown>> {
    const swap = jest.spyOn(functions, 'runFunction').mockImplementation((name, ctx) => original(name, ctx, data));
    try {
      return await callAs(fn, caller, 'overview', undefined, undefined);
    } finally {
      swap.mockRestore();
    }
  }

  const callers: [Fn, string][] = [
    ['resident', 'fuzz-nobody'],
    ['staff', OFFICER],
  ];

  it.each(callers)('%s: data that is not an object is INVALID_INPUT on payload', async (fn, caller) => {
    for (const data of [null, undefined, 'overview', 5, true, [], [{ action: 'overview' }], nested(50_000, true)]) {
      const before = await world.counts();
      const result = await raw(fn, caller, data);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
      expectContractError(result);
      expect(await world.counts()).toEqual(before);
    }
  });

  it.each(callers)('%s: an action that is not one of its own is UNKNOWN_ACTION', async (fn, caller) => {
    const actions: unknown[] = [
      undefined,
      null,
      5,
      true,
      {},
      [],
      ['overview'],
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'Overview',
      'queue ',
      'overview\u0000',
    ];
    for (const action of actions) {
      const result = await raw(fn, caller, { action, payload: {}, requestId: 'r-shape' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
      expectContractError(result);
    }
    const proto = await raw(fn, caller, JSON.parse('{"__proto__":{"action":"overview","payload":{}},"constructor":{"action":"queue"}}'));
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it.each(callers)('%s: a payload nested thousands of levels deep is INVALID_INPUT', async (fn, caller) => {
    const action = fn === 'resident' ? 'getApplication' : 'approve';
    for (const payload of [nested(100_000, true), nested(100_000, false, true)]) {
      const result = await raw(fn, caller, { action, requestId: 'r-deep', payload });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expectContractError(result);
    }
  });
});
