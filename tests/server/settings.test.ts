// The card fee comes from the environment the city configures, in yuan, and a bad value stops the start.
import { DEFAULT_CARD_FEE, readSettings } from '../../server/settings';

it('uses the national standard when nothing is set', () => {
  expect(readSettings({})).toEqual({ cardFee: DEFAULT_CARD_FEE });
  expect(readSettings({ CARD_FEE: '' })).toEqual({ cardFee: DEFAULT_CARD_FEE });
});

it('takes a fee in yuan, down to the fen, including none', () => {
  expect(readSettings({ CARD_FEE: '12.5' })).toEqual({ cardFee: 12.5 });
  expect(readSettings({ CARD_FEE: '0.29' })).toEqual({ cardFee: 0.29 });
  expect(readSettings({ CARD_FEE: '0' })).toEqual({ cardFee: 0 });
});

it.each(['-1', 'twenty', '0.001', 'Infinity', '1e3', ' 20'])('refuses CARD_FEE=%s with the line to show', (value) => {
  expect(() => readSettings({ CARD_FEE: value })).toThrow(`CARD_FEE must be an amount in yuan such as 20 or 12.5, not "${value}"`);
});
