// Identifiers and keys derived on the server: random ids, and hashed keys that never expose their inputs.
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** randomId's 32 characters: no 0, 1, l or o, which read alike. */
export const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 20 characters of base32: about 100 bits, unguessable. */
export function randomId(): string {
  return Array.from(randomBytes(20), (byte) => ID_ALPHABET[byte % 32]).join('');
}

/** 24 random bytes (192 bits) in base64url: what a bearer token is made of. */
export function randomSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** 32 capitals and digits a person reads out at a counter: no I, O, 0 or 1. */
const COUNTER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The first 8 characters of a random id, spelled for reading aloud and typing: about 40 bits. A
 * character from another alphabet is spelled by its code, so the code never comes out short.
 */
export function counterCode(id: string): string {
  return Array.from(id.slice(0, 8), (ch) => {
    const index = ID_ALPHABET.indexOf(ch);
    return COUNTER_ALPHABET[index >= 0 ? index : ch.charCodeAt(0) % 32];
  }).join('');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The shortest person-key secret accepted: 32 bytes written as hex. */
export const MIN_SECRET_LENGTH = 64;

/**
 * Keys documents by person without putting the ID number in a key. There are only about 10^11 valid
 * ID numbers, so a bare hash could be reversed by trying them all: the key is an HMAC under the
 * server's own secret, which nobody holding only the data has.
 */
export function personKeyer(secret: string): (idNumber: string) => string {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the person-key secret must be at least ${MIN_SECRET_LENGTH} characters`);
  return (idNumber) => createHmac('sha256', secret).update(`person:${idNumber}`).digest('hex');
}

/** The unkeyed hash that stores made before person keys had a secret; read only to migrate them. */
export function legacyPersonKey(idNumber: string): string {
  return sha256(`person:${idNumber}`);
}
