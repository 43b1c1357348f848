// Moves a store from the unkeyed person hash to the keyed one: every application's idHash and every
// pending lock (whose id holds the key) are rewritten, a page of applications per atomic batch, so a
// run cut short resumes where it stopped. Short-lived verifications and tokens hold no ID number to
// rekey from: they are dropped, and whoever was verifying at that moment verifies again.
import { legacyPersonKey } from '../ids';
import { pendingLockId, type ApplicationRecord } from '../records';
import type { Store, Write } from '../store/types';
import { WHOLE_COLLECTION, pagesOf } from '../store/pages';

const MARKER = 'person-keys';
/** The scheme this code writes; a store marked with it needs nothing. */
const SCHEME = 'hmac-sha256';
/** Keyed with the secret and kept in the marker, it tells whether a later start has the same secret. */
const CHECK_INPUT = 'secret-check';

/** The store was keyed with another secret: starting would orphan every person key in it. */
export class PersonKeySecretMismatch extends Error {
  constructor() {
    super('the person-key secret is not the one this store was keyed with; restore the secret from your backup');
    this.name = 'PersonKeySecretMismatch';
  }
}

/**
 * Rekeys the store when it is not yet on the keyed scheme, answering how many applications changed and
 * whether this run finished a rekeying (then the caller purges the old keys from the file, even when a
 * run cut short had already moved every application); throws PersonKeySecretMismatch when the store
 * was keyed with another secret.
 */
export async function migratePersonKeys(store: Store, personKey: (idNumber: string) => string): Promise<{ moved: number; rekeyed: boolean }> {
  const marker = await store.get<{ scheme: string; check: string }>('meta', MARKER);
  const check = personKey(CHECK_INPUT);
  if (marker?.scheme === SCHEME) {
    if (marker.check !== check) throw new PersonKeySecretMismatch();
    return { moved: 0, rekeyed: false };
  }
  let moved = 0;
  for await (const page of pagesOf<ApplicationRecord>(store, 'applications', WHOLE_COLLECTION)) {
    const writes: Write[] = [];
    for (const app of page) {
      const next = personKey(app.applicant.idNumber);
      if (app.idHash === next) continue;
      const { _id, _version, ...fields } = app;
      writes.push({ op: 'update', collection: 'applications', id: _id, version: _version, doc: { ...fields, idHash: next } });
      const lock = await store.get<{ applicationId: string }>('locks', pendingLockId(app.kind, legacyPersonKey(app.applicant.idNumber)));
      if (lock && lock.applicationId === _id) {
        const { _id: lockId, _version: lockVersion, ...lockFields } = lock;
        writes.push({ op: 'delete', collection: 'locks', id: lockId, version: lockVersion });
        writes.push({ op: 'create', collection: 'locks', id: pendingLockId(app.kind, next), doc: { ...lockFields } });
      }
      moved++;
    }
    if (writes.length > 0) await store.commit(writes);
  }
  for (const collection of ['verifications', 'tokens'] as const) {
    for await (const page of pagesOf(store, collection, WHOLE_COLLECTION)) {
      await store.commit(page.map((d) => ({ op: 'delete' as const, collection, id: d._id, version: d._version })));
    }
  }
  await store.commit([
    marker
      ? { op: 'update', collection: 'meta', id: MARKER, version: marker._version, doc: { scheme: SCHEME, check } }
      : { op: 'create', collection: 'meta', id: MARKER, doc: { scheme: SCHEME, check } },
  ]);
  return { moved, rekeyed: true };
}
