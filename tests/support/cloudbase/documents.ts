// Every committed version of every document, so that a transaction can read the database as it was
// when it started (snapshot isolation), and commits can tell whether a document changed since.
import { bson } from './sdk';

export type Doc = Record<string, unknown>;

/** One committed state of a document: `doc` null once removed. `seq` is the commit that wrote it. */
interface Version {
  seq: number;
  doc: Doc | null;
}

/** A write to apply at commit: `doc` null removes. */
export interface Change {
  collection: string;
  id: string;
  doc: Doc | null;
}

/** Copies through EJSON, which keeps Dates, ObjectIds and the other BSON values that structuredClone would flatten. */
export function copy<T>(value: T): T {
  return bson.EJSON.parse(bson.EJSON.stringify(value as Record<string, unknown>, { relaxed: false })) as T;
}

export class CommittedDocuments {
  /** The number of the last commit; a snapshot is the state at one such number. */
  seq = 0;
  // A Map keeps insertion order: documents come back in the order they were first written, as an
  // unsorted query of the real cloud roughly does.
  private readonly collections = new Map<string, Map<string, Version[]>>();

  constructor(names: readonly string[]) {
    for (const name of names) this.collections.set(name, new Map());
  }

  has(collection: string): boolean {
    return this.collections.has(collection);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  /** The document as of commit `at` (the latest without it), or null. */
  read(collection: string, id: string, at = this.seq): Doc | null {
    const versions = this.collection(collection).get(id);
    return versions ? versionAt(versions, at) : null;
  }

  /** Every document as of commit `at`, in the order they were first written. */
  all(collection: string, at = this.seq): Doc[] {
    const docs: Doc[] = [];
    for (const versions of this.collection(collection).values()) {
      const doc = versionAt(versions, at);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /** The commit that last wrote or removed the document (0: never). */
  lastWrite(collection: string, id: string): number {
    const versions = this.collection(collection).get(id);
    return versions ? versions[versions.length - 1].seq : 0;
  }

  /** Applies the changes as one commit. */
  commit(changes: Iterable<Change>): number {
    const seq = ++this.seq;
    for (const { collection, id, doc } of changes) {
      const docs = this.collection(collection);
      const versions = docs.get(id) ?? [];
      versions.push({ seq, doc: doc && copy(doc) });
      docs.set(id, versions);
    }
    return seq;
  }

  clear(): void {
    for (const docs of this.collections.values()) docs.clear();
  }

  private collection(name: string): Map<string, Version[]> {
    const docs = this.collections.get(name);
    if (!docs) throw new Error(`unknown collection ${name}`);
    return docs;
  }
}

function versionAt(versions: Version[], at: number): Doc | null {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= at) return versions[i].doc;
  return null;
}
