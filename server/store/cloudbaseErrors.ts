// What a failed cloud database call means. wx-server-sdk rewraps the errors of database operations as an
// Error with a numeric errCode and an errMsg text, and no code of its own (a code it does not know becomes
// -501001), so they are told apart by their text; a transaction's commit and rollback fail with the cloud's
// own error instead ({ code, message }). Errors are described for the log by their codes alone, since a
// message may quote the document it was about.

/** The cloud database could not answer (permissions, limits, the network, anything unknown): the request fails as INTERNAL. */
export class StoreUnavailable extends Error {
  constructor(operation: string, cause: string) {
    super(`cloud database ${operation}: ${cause}`);
    this.name = 'StoreUnavailable';
  }
}

/** Everything an error says of itself: the SDK's errMsg, the cloud's code and the message. */
function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { errMsg, code, message } = error as { errMsg?: unknown; code?: unknown; message?: unknown };
  return [errMsg, code, message].filter((part): part is string => typeof part === 'string').join(' ');
}

/** A duplicate key. On the real cloud it is errCode -502001 with MongoDB's E11000 text; -502001 alone means any failed request. */
export function isDuplicate(error: unknown): boolean {
  return /E11000 duplicate key error/.test(messageOf(error));
}

/** Another transaction holds or changed a document this one writes: trying the whole batch again may succeed. */
export function isTransactionConflict(error: unknown): boolean {
  return /DATABASE_TRANSACTION_CONFLICT|WriteConflict|write conflict/i.test(messageOf(error));
}

/** The error's numeric code and the platform's code names in its text: never the rest of the text. */
export function describeCloudError(error: unknown): string {
  const errCode = typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined;
  const names = [...new Set(messageOf(error).match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [])];
  const code = typeof errCode === 'number' ? `errCode ${errCode}` : 'no errCode';
  return names.length > 0 ? `${code} (${names.join(', ')})` : code;
}
