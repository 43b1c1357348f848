// Identifiers and keys derived on the server: random ids, and hashed keys that never expose their inputs.
import { createHash, randomBytes } from 'node:crypto';

/** 20 characters of base32: about 100 bits, unguessable. */
export function randomId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(20), (byte) => alphabet[byte % 32]).join('');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Keys documents by person without putting the ID number in a key. */
export function personKey(idNumber: string): string {
  return sha256(`person:${idNumber}`);
}
