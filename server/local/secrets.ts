// The local host's secrets, each a file in DATA_DIR made on first start (readable by its owner only)
// and read back on every later start, so links and person keys outlive a restart.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const SECRET = /^[0-9a-f]{64}$/;

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The secret in DATA_DIR/<name>: 32 random bytes as hex, made when it is not there yet. It is written
 * whole to a temporary file and synced, then linked to its name, which fails if another start made it
 * first: the name never holds a partial secret, and two starts never hold two secrets. Anything but 64
 * hex characters there is refused, never used as a key.
 */
export function dataDirSecret(dataDir: string, name: string): string {
  const path = join(dataDir, name);
  const temporary = join(dataDir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(32).toString('hex'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    // The new name reaches the disk too: a power cut cannot keep the store and lose its secret.
    fsyncPath(dataDir, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (!SECRET.test(secret)) throw new Error(`${path} is not a secret this host made (64 hex characters); restore it from your backup`);
  return secret;
}

export const LINK_SECRET_FILE = 'link-secret';
/** Losing this file orphans every person key in the store: back it up with the data (README says how). */
export const PERSON_KEY_SECRET_FILE = 'person-key-secret';
