// The cloud database as code: the plan derived from the store's collections and query shapes, what an environment has of it, and the changes between the two.
import { QUERY_SHAPES } from '../../server/store/shapes';
import { COLLECTION_NAMES } from '../../server/store/types';

/** What every collection's security rule says: no client SDK reads or writes; the cloud functions, which rules do not restrict, do both. */
export const DENY_CLIENTS = { read: false, write: false } as const;
export type Rule = typeof DENY_CLIENTS;

/** The index the cloud makes itself on `_id` in every collection: unique, and never ours to drop. */
export const ID_INDEX = '_id_';

/** The cloud's name for an ascending key. */
export const ASCENDING = '1';

export interface IndexPlan {
  name: string;
  /** All ascending: one compound index serves its query in either direction, `_id` breaking ties as the store's paging does. */
  keys: readonly string[];
  /** Sparse in SQLite; an ordinary index in the cloud, which has neither sparse nor partial indexes. */
  sparse: boolean;
}

export interface CollectionPlan {
  name: string;
  indexes: readonly IndexPlan[];
  rule: Rule;
}

export interface DatabasePlan {
  collections: readonly CollectionPlan[];
}

/** The plan, from the code alone: one collection per store collection, one index per query shape. */
export function planDatabase(): DatabasePlan {
  return {
    collections: COLLECTION_NAMES.map((name) => ({
      name,
      indexes: QUERY_SHAPES.filter((shape) => shape.collection === name).map((shape) => ({
        name: shape.name,
        keys: [...shape.equals, shape.orderBy, '_id'],
        sparse: shape.sparse === true,
      })),
      rule: DENY_CLIENTS,
    })),
  };
}

export interface CurrentIndex {
  name: string;
  keys: readonly { field: string; direction: string }[];
  unique: boolean;
}

export interface CurrentRule {
  /** READONLY, PRIVATE, ADMINWRITE, ADMINONLY or CUSTOM. */
  aclTag: string;
  /** The rule's text when the tag is CUSTOM. */
  rule: string | null;
}

export interface CurrentCollection {
  name: string;
  indexes: readonly CurrentIndex[];
  rule: CurrentRule;
}

/** What an environment holds of the planned collections; a planned collection it lacks is absent. */
export interface CurrentState {
  collections: readonly CurrentCollection[];
}

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setRule'; collection: string; rule: Rule; was: CurrentRule | null }
  | { kind: 'dropIndex'; collection: string; index: string; reason: 'retired' | 'replaced' }
  | { kind: 'createIndex'; collection: string; index: IndexPlan };

const sameKeys = (wanted: IndexPlan, current: CurrentIndex) =>
  !current.unique && current.keys.length === wanted.keys.length && current.keys.every((key, i) => key.field === wanted.keys[i] && key.direction === ASCENDING);

/** Whether a rule denies every client read and write and says nothing else: any other key (create, update, delete) could let one through. */
export function deniesClients(rule: CurrentRule): boolean {
  if (rule.aclTag !== 'CUSTOM' || rule.rule === null) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rule.rule);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const entries = Object.entries(parsed);
  return entries.length === 2 && entries.every(([key, value]) => (key === 'read' || key === 'write') && value === false);
}

/**
 * What to do so the environment matches the plan, in the order to do it. A collection's rule comes right after
 * the collection and before its indexes, so that a new collection is never left open to clients while indexes
 * build. Indexes are dropped before they are created, so a replaced index can take its name back. `_id_` is
 * never dropped, and collections are never dropped: a collection the plan does not name is left alone.
 */
export function computeChanges(plan: DatabasePlan, state: CurrentState): Change[] {
  const changes: Change[] = [];
  for (const wanted of plan.collections) {
    const current = state.collections.find((collection) => collection.name === wanted.name);
    if (!current) {
      changes.push({ kind: 'createCollection', collection: wanted.name });
      changes.push({ kind: 'setRule', collection: wanted.name, rule: wanted.rule, was: null });
      for (const index of wanted.indexes) changes.push({ kind: 'createIndex', collection: wanted.name, index });
      continue;
    }
    if (!deniesClients(current.rule)) changes.push({ kind: 'setRule', collection: wanted.name, rule: wanted.rule, was: current.rule });
    for (const index of current.indexes) {
      if (index.name === ID_INDEX) continue;
      const shape = wanted.indexes.find((planned) => planned.name === index.name);
      if (!shape) changes.push({ kind: 'dropIndex', collection: wanted.name, index: index.name, reason: 'retired' });
      else if (!sameKeys(shape, index)) changes.push({ kind: 'dropIndex', collection: wanted.name, index: index.name, reason: 'replaced' });
    }
    for (const index of wanted.indexes) {
      const existing = current.indexes.find((candidate) => candidate.name === index.name);
      if (!existing || !sameKeys(index, existing)) changes.push({ kind: 'createIndex', collection: wanted.name, index });
    }
  }
  return changes;
}

const ruleText = (rule: Rule | CurrentRule) => ('aclTag' in rule ? (rule.aclTag === 'CUSTOM' ? `CUSTOM ${rule.rule ?? '(no rule)'}` : rule.aclTag) : JSON.stringify(rule));

/** One line for a change, as it is printed before and while it is applied. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'createCollection':
      return `create collection ${change.collection}`;
    case 'setRule':
      return `set the rule of ${change.collection} to ${ruleText(change.rule)}${change.was ? ` (was ${ruleText(change.was)})` : ''}`;
    case 'dropIndex':
      return change.reason === 'retired'
        ? `drop index ${change.index} on ${change.collection}: no shape uses it any more`
        : `drop index ${change.index} on ${change.collection}: its keys differ from its shape's (created again below)`;
    case 'createIndex':
      return `create index ${change.index.name} on ${change.collection} (${change.index.keys.join(', ')})`;
  }
}

/** The plan as a table, with what the cloud does differently from SQLite said once below it. */
export function planTable(plan: DatabasePlan): string {
  const rows: string[][] = [['collection', 'client rule', 'index', 'keys (ascending)']];
  for (const collection of plan.collections) {
    const rule = `read: ${collection.rule.read}, write: ${collection.rule.write}`;
    if (collection.indexes.length === 0) rows.push([collection.name, rule, '-', 'none beside _id_: read by key alone']);
    collection.indexes.forEach((index, i) =>
      rows.push([i === 0 ? collection.name : '', i === 0 ? rule : '', index.name, index.keys.join(', ') + (index.sparse ? '   (sparse in SQLite, ordinary here)' : '')]),
    );
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  const indexes = plan.collections.reduce((sum, collection) => sum + collection.indexes.length, 0);
  return [
    `The cloud database, from server/store/types.ts and server/store/shapes.ts: ${plan.collections.length} collections, ${indexes} indexes`,
    '',
    line(rows[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
    '',
    `- Every index is an ordinary compound index, named as its shape: the equality fields, the order field, then _id.`,
    `- No index is unique: uniqueness rests on _id, which the cloud makes unique in every collection (its ${ID_INDEX} index, never dropped).`,
    '- The cloud has no sparse or partial indexes: a sparse shape is an ordinary index there, over the documents without its field too.',
    `- Every rule is ${JSON.stringify(DENY_CLIENTS)}: no client reads or writes; every read and write goes through the cloud functions, which rules do not restrict.`,
  ].join('\n');
}
