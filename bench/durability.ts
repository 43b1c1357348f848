// What durability costs one commit: the same keyed insert with the log synced (FULL, what the host runs)
// and not synced before the commit is answered (NORMAL, which a power cut may undo).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteOptions } from '../server/store/sqlite';

const RUNS = 2000;

export interface DurabilityRow {
  synchronous: 'FULL' | 'NORMAL';
  usPerCommit: number;
  commitsPerSecond: number;
}

async function timeInserts(dir: string, options: SqliteOptions): Promise<number> {
  const store = openSqliteStore(dir, options);
  try {
    const started = performance.now();
    for (let i = 0; i < RUNS; i++) await store.commit([{ op: 'create', collection: 'locks', id: `bench-${i}`, doc: { i } }]);
    return (performance.now() - started) / RUNS;
  } finally {
    store.close();
  }
}

export async function measureDurability(): Promise<DurabilityRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-durability-'));
  try {
    const rows: DurabilityRow[] = [];
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const ms = await timeInserts(join(dir, synchronous), { synchronous });
      rows.push({ synchronous, usPerCommit: ms * 1000, commitsPerSecond: 1000 / ms });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
