// What the city configures for the backend, read once from the environment of the cloud function or
// of the local host: today only the card fee of a replacement or renewal.
export interface Settings {
  /** The card fee (工本费) of a replacement or renewal, in yuan; the first permit is free. */
  cardFee: number;
}

/** The national standard for a residence-permit card, used when the city sets nothing else. */
export const DEFAULT_CARD_FEE = 20;

/** Reads CARD_FEE, or throws an Error whose message is the one line to show the operator. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  if (env.CARD_FEE === undefined || env.CARD_FEE === '') return { cardFee: DEFAULT_CARD_FEE };
  // Yuan down to the fen, written as a person would: the fee is shown to residents as it is set.
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(env.CARD_FEE)) {
    throw new Error(`CARD_FEE must be an amount in yuan such as 20 or 12.5, not "${env.CARD_FEE}"`);
  }
  return { cardFee: Number(env.CARD_FEE) };
}
