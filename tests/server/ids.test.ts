// Identifiers: random ids, and the pickup code spelled for a counter.
import { ID_ALPHABET, counterCode, randomId } from '../../server/ids';

it('makes random ids of 20 characters from its alphabet', () => {
  const ids = Array.from({ length: 200 }, randomId);
  expect(new Set(ids).size).toBe(200);
  for (const id of ids) expect(id).toMatch(new RegExp(`^[${ID_ALPHABET}]{20}$`));
});

it('spells a pickup code in 8 capitals and digits that cannot be misread, one for one', () => {
  const spelled = counterCode(ID_ALPHABET.slice(0, 8)) + counterCode(ID_ALPHABET.slice(8, 16)) + counterCode(ID_ALPHABET.slice(16, 24)) + counterCode(ID_ALPHABET.slice(24));
  expect(new Set(spelled).size).toBe(32);
  expect(spelled).toMatch(/^[A-HJ-NP-Z2-9]{32}$/);
  expect(counterCode(randomId())).toHaveLength(8);
  expect(counterCode('0F-Lo1_Z')).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
});
