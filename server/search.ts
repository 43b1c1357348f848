// How staff find an application by what a resident says at the counter: its id, the pickup code, the last
// characters of the ID number or the name. Each reading of a search is a read by key (the id) or an equality
// on a field the record carries (written by records.ts placed()): every one is answered from an index, never a scan.
import type { Applicant } from '../miniprogram/domain/contract';
import { PICKUP_CODE_SHAPE } from '../miniprogram/domain/limits';
import type { Scalar } from './store/types';

/**
 * The fields an application is searched by. The ID tails are cut from `applicant.idNumber`, which the same
 * record already holds in full for staff: they reveal nothing the record does not, and nothing is stored
 * that could be reversed by trying every ID number (the person key stays the HMAC of records.ts idHash).
 */
export interface SearchFields {
  searchName: string;
  idTail4: string;
  idTail5: string;
  idTail6: string;
}

/** A name as the search compares it: compatibility forms folded (全角 letters, spaces) and runs of spaces made one. */
export function searchNameOf(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function searchFieldsOf(applicant: Pick<Applicant, 'name' | 'idNumber'>): SearchFields {
  const id = applicant.idNumber.trim().toUpperCase();
  return { searchName: searchNameOf(applicant.name), idTail4: id.slice(-4), idTail5: id.slice(-5), idTail6: id.slice(-6) };
}

/** One way of reading a search: an application id (read by key), or the equality filter of an indexed field. */
export type Reading = { byId: string } | { where: Record<string, Scalar> };

const KEY_LIKE = /^[0-9A-Za-z_-]+$/;
const ID_TAIL = /^\d{3,5}[\dXx]$/;
/** A name holds no digit (declarationForm's NAME_PATTERN): text with one is not read as a name. */
const HAS_DIGIT = /\d/;

/**
 * Every reading the text allows (most allow one or two): a pickup code is matched only while its card is
 * ready, so a code read out at the counter never finds a card already handed over.
 */
export function readingsOf(query: string): Reading[] {
  const readings: Reading[] = [];
  // Ids are lower case; an officer may type the 办件编号 read out in capitals.
  if (KEY_LIKE.test(query)) readings.push({ byId: query.toLowerCase() });
  if (PICKUP_CODE_SHAPE.test(query)) readings.push({ where: { pickupCode: query.toUpperCase(), lane: 'ready' } });
  if (ID_TAIL.test(query)) readings.push({ where: { [`idTail${query.length}`]: query.toUpperCase() } });
  if (!HAS_DIGIT.test(query)) readings.push({ where: { searchName: searchNameOf(query) } });
  return readings;
}
