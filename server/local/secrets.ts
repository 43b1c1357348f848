// The local host's secrets, each a file in DATA_DIR made on first start (readable by its owner only)
// and read back on every later start, so links and person keys outlive a restart.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The secret in DATA_DIR/<name>, created with 32 random bytes (as hex) when it is not there yet. */
export function dataDirSecret(dataDir: string, name: string): string {
  const path = join(dataDir, name);
  try {
    // 'wx' fails when the file exists: two hosts starting at once never write two different secrets.
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(32).toString('hex'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}

export const LINK_SECRET_FILE = 'link-secret';
/** Losing this file orphans every person key in the store: back it up with the data (README says how). */
export const PERSON_KEY_SECRET_FILE = 'person-key-secret';
