// Fills a store with a realistic mixture of applications, built by the server's own document builders
// (submissionWrites, transition): whatever fields they derive, the seeded documents have them exactly as the
// server writes them. Commits are batched and unsynced while seeding only; the host reopens the store durable.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCard, type Status } from '../miniprogram/domain/contract';
import { chinaDate } from '../miniprogram/domain/dates';
import { feeOf } from '../miniprogram/domain/eligibility';
import { needsRelationStatement } from '../miniprogram/domain/materials';
import { DECLARATION_NOTICE, NOTICES } from '../miniprogram/domain/notices';
import { dueOnFor } from '../miniprogram/domain/rules';
import type { FileRecord } from '../server/files/types';
import { TOKEN_LIFETIME_MS, tokenKey, type TokenRecord } from '../server/handlers/resident/verification';
import { counterCode, personKeyer, randomSecret } from '../server/ids';
import { dataDirSecret, PERSON_KEY_SECRET_FILE } from '../server/local/secrets';
import { submissionWrites, transition, type ApplicationRecord } from '../server/records';
import { DEFAULT_CARD_FEE } from '../server/settings';
import { openSqliteStore, type SqliteOptions } from '../server/store/sqlite';
import type { Doc, Write } from '../server/store/types';
import { DISTRICT_CODES, NOW, population, type Life, type Person } from './population';
import { DAY_MS, seededRandom } from './random';

/** Writes per commit: a commit's fixed cost vanishes, and a batch sorted by key (below) shares each page among many writes. */
const BATCH_WRITES = 50_000;
/** Officers per district who appear in the seeded event logs. */
const OFFICERS_PER_DISTRICT = 3;
/** How many residents and applications the load draws from (a sample: the load needs variety, not all of them). */
const SAMPLE = 5000;
/** Seeding needs no durability: a crash mid-seed means seeding again. */
const RELAXED: SqliteOptions = { synchronous: 'OFF' };

export interface SampledResident {
  openid: string;
  applicationIds: string[];
}

/** A seeded application and what a staff search may find it by (the pickup code only while its card is ready). */
export interface SampledApplication {
  id: string;
  district: string;
  name: string;
  idTail: string;
  pickupCode?: string;
}

export interface SeedResult {
  applications: number;
  residents: number;
  writes: number;
  ms: number;
  /** The SQLite file after seeding (log checkpointed), in bytes. */
  fileBytes: number;
  /** Mean UTF-8 JSON bytes of one application document with its events, as stored. */
  documentBytes: number;
  statuses: Record<string, number>;
  kinds: Record<string, number>;
  districts: Record<string, number>;
  /** PRAGMA synchronous while seeding (0 is OFF). */
  seedSynchronous: number;
  sample: {
    residents: SampledResident[];
    applications: SampledApplication[];
    /** Seeded people with no declaration under way, who may declare again (after a move). */
    redeclarers: Person[];
  };
}

const byKey = (a: Write, b: Write) => (a.collection < b.collection ? -1 : a.collection > b.collection ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const finalStatus = (life: Life): Status => (life.steps.length === 0 ? 'pending' : life.steps[life.steps.length - 1].to);
const isPendingStatus = (status: Status) => status === 'pending' || status === 'correction_requested';

/** The extra fields of a step, as the handler making that step sets them. */
function stepChanges(app: Doc<ApplicationRecord>, to: Status, at: number, random: { id: () => string }): Partial<ApplicationRecord> | undefined {
  if (to === 'approved' && isCard(app.kind)) return { issuedOn: chinaDate(at) };
  if (to === 'ready') return { pickupCode: counterCode(random.id()) };
  if (to === 'pending') return { lastSubmittedAt: at, dueOn: dueOnFor(at) };
  return undefined;
}

/** Seeds `applications` applications into the (prepared, empty) store in `dir`. */
export async function seedStore(dir: string, applications: number, seed = 20260901): Promise<SeedResult> {
  const started = performance.now();
  const random = seededRandom(seed);
  const people = population(random);
  const personKey = personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE));
  const store = openSqliteStore(dir, RELAXED);
  const seedSynchronous = store.durability().synchronous;

  const staffIds = new Map(DISTRICT_CODES.map((code) => [code, Array.from({ length: OFFICERS_PER_DISTRICT }, () => `o${random.id(27)}`)]));
  const officer = (district: string) => random.pick(staffIds.get(district)!);

  let batch: Write[] = [...staffIds.values()]
    .flat()
    .map((openid, i) => ({ op: 'create', collection: 'staff', id: openid, doc: { districts: [DISTRICT_CODES[Math.floor(i / OFFICERS_PER_DISTRICT)]] } }));
  let writes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    writes += batch.length;
    // In key order (a stable sort keeps each document's own writes in order): the table is a B-tree on
    // (collection, id) holding the documents themselves, so a batch in order touches each page once.
    const pending = batch.sort(byKey);
    batch = [];
    await store.commit(pending);
  };

  const result: Omit<SeedResult, 'ms' | 'fileBytes' | 'seedSynchronous'> = {
    applications: 0,
    residents: 0,
    writes: 0,
    documentBytes: 0,
    statuses: {},
    kinds: {},
    districts: {},
    sample: { residents: [], applications: [], redeclarers: [] },
  };
  // Roughly 1.6 applications a resident: sample about SAMPLE of each.
  const keep = Math.min(1, (SAMPLE * 1.6) / applications);
  let measured = 0;
  let measuredBytes = 0;

  while (result.applications < applications) {
    const { person, lives } = people.resident(officer);
    const idHash = personKey(person.applicant.idNumber);
    const finals: Doc<ApplicationRecord>[] = [];
    for (const life of lives.slice(0, applications - result.applications)) {
      const status = finalStatus(life);
      const record: ApplicationRecord = {
        kind: life.kind,
        status: 'pending',
        ownerOpenid: person.openid,
        idHash,
        district: life.residence.district,
        applicant: life.applicant,
        residence: life.residence,
        materials: life.materials,
        consent: { noticeVersion: NOTICES[life.kind].version, agreedAt: life.submittedAt },
        submittedAt: life.submittedAt,
        lastSubmittedAt: life.submittedAt,
        ...(life.kind === 'declaration' ? { declaredOn: chinaDate(life.submittedAt) } : {}),
        dueOn: dueOnFor(life.submittedAt),
        updatedAt: life.submittedAt,
        ...(life.reason ? { reason: life.reason, fee: feeOf(life.kind, DEFAULT_CARD_FEE) } : {}),
      };
      const token: Doc<TokenRecord> = { _id: tokenKey(randomSecret()), _version: 0, openid: person.openid, idHash, expiresAt: life.submittedAt + TOKEN_LIFETIME_MS, used: false };
      const own: Write[] = [];
      for (const w of submissionWrites(life.id, record, token)) {
        // The token was made by finishVerification before; here it is stored already used.
        if (w.collection === 'tokens' && w.op === 'update') own.push({ op: 'create', collection: 'tokens', id: w.id, doc: w.doc });
        // The pending lock goes when the application stops being pending: kept only for those still pending.
        else if (w.collection !== 'locks' || isPendingStatus(status)) own.push(w);
      }
      const created = own[0] as Extract<Write, { op: 'create' }>;
      let app: Doc<ApplicationRecord> = { ...(created.doc as unknown as ApplicationRecord), _id: life.id, _version: 1 };
      for (const step of life.steps) {
        const changes = stepChanges(app, step.to, step.at, random);
        const next = transition(app, step.to, step.actor, step.at, {
          ...(step.note ? { note: step.note } : {}),
          ...(step.items ? { items: step.items } : {}),
          ...(step.reasons ? { reasons: step.reasons } : {}),
          ...(changes ? { changes } : {}),
        });
        own.push(...next.writes);
        app = next.next;
      }
      if (life.replacesLost !== undefined) {
        // As applyReissue records it: the card replaced is marked lost, by a plain update.
        const { _id, _version, ...fields } = finals[life.replacesLost];
        own.push({ op: 'update', collection: 'applications', id: _id, version: _version, doc: { ...fields, reportedLostAt: life.submittedAt } });
        finals[life.replacesLost] = { ...fields, reportedLostAt: life.submittedAt, _id, _version: _version + 1 };
      }
      finals.push(app);
      for (const fileId of Object.values(life.materials).flat() as string[]) {
        const file: FileRecord = { owner: person.openid, mime: 'image/jpeg', size: random.int(120_000, 900_000), createdAt: life.submittedAt - random.int(60_000, 1_800_000) };
        own.push({ op: 'create', collection: 'files', id: fileId, doc: { ...file } });
      }
      if (measured < 2000 && random.chance(0.05)) {
        measured++;
        const { _id, _version, ...doc } = app;
        const events = own.flatMap((w) => (w.collection === 'events' && w.op === 'create' ? [w.doc] : []));
        measuredBytes += Buffer.byteLength(JSON.stringify(doc)) + events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0);
      }
      batch.push(...own);
      result.applications++;
      bump(result.statuses, app.status);
      bump(result.kinds, app.kind);
      bump(result.districts, app.district);
      if (random.chance(keep)) {
        result.sample.applications.push({
          id: app._id,
          district: app.district,
          name: app.applicant.name,
          idTail: app.applicant.idNumber.slice(-4),
          ...(app.status === 'ready' && app.pickupCode ? { pickupCode: app.pickupCode } : {}),
        });
      }
    }
    result.residents++;
    if (random.chance(keep)) result.sample.residents.push({ openid: person.openid, applicationIds: finals.map((a) => a._id) });
    const declaring = lives.some((l) => l.kind === 'declaration' && isPendingStatus(finalStatus(l)));
    if (!declaring && result.sample.redeclarers.length < SAMPLE * 4 && random.chance(keep * 4)) result.sample.redeclarers.push(person);
    if (batch.length >= BATCH_WRITES) await flush();
  }
  await flush();
  store.close();
  const file = join(dir, 'store.sqlite');
  const fileBytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  return { ...result, writes, documentBytes: measured ? Math.round(measuredBytes / measured) : 0, ms: performance.now() - started, fileBytes, seedSynchronous };
}

/** One prepared submitDeclaration: its caller and the whole request body, used once. */
export interface PreparedDeclaration {
  openid: string;
  body: string;
}

/**
 * What `count` declarations need before they are sent: a passed face check's token for the person and the
 * caller's uploaded files, stored as finishVerification and the upload route store them. Half are seeded
 * residents declaring again (after a move), half newcomers declaring for the first time.
 */
export async function prepareDeclarations(dir: string, count: number, redeclarers: Person[], seed = 7): Promise<PreparedDeclaration[]> {
  const random = seededRandom(seed);
  const people = population(random);
  const personKey = personKeyer(dataDirSecret(dir, PERSON_KEY_SECRET_FILE));
  const store = openSqliteStore(dir, RELAXED);
  const prepared: PreparedDeclaration[] = [];
  let batch: Write[] = [];
  const known = redeclarers.slice(0, Math.floor(count / 2));
  for (let i = 0; i < count; i++) {
    const person = i < known.length ? known[i] : people.person();
    const secret = randomSecret();
    const token: TokenRecord = { openid: person.openid, idHash: personKey(person.applicant.idNumber), expiresAt: NOW + TOKEN_LIFETIME_MS, used: false };
    batch.push({ op: 'create', collection: 'tokens', id: tokenKey(secret), doc: { ...token } });
    const file = (): string => {
      const id = `f-${random.id()}`;
      const record: FileRecord = { owner: person.openid, mime: 'image/jpeg', size: random.int(120_000, 900_000), createdAt: NOW - DAY_MS / 24 };
      batch.push({ op: 'create', collection: 'files', id, doc: { ...record } });
      return id;
    };
    const { kind } = person.residence;
    const materials = { idFront: file(), proofs: [file()], ...(needsRelationStatement(kind) ? { relationStatement: file() } : {}) };
    const residence = { ...person.residence, since: person.residence.since > chinaDate(NOW) ? chinaDate(NOW - DAY_MS) : person.residence.since };
    const payload = { verificationToken: secret, consent: { noticeVersion: DECLARATION_NOTICE.version }, applicant: person.applicant, residence, materials };
    prepared.push({ openid: person.openid, body: JSON.stringify({ action: 'submitDeclaration', requestId: `bench-${random.id(16)}`, payload }) });
    if (batch.length >= BATCH_WRITES) {
      await store.commit(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.commit(batch);
  store.close();
  return prepared;
}
