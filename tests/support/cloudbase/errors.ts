// The error bodies the memory cloud answers with, and what each becomes through wx-server-sdk 4.0.2
// (measured): wx-server-sdk maps a code it knows to a numeric errCode, any other to -501001.
import type { CloudErrorBody } from './sdk';

// Through a database call outside a transaction, and through tx.collection().doc() calls (wrapped
// the same way), the caller gets an Error with only { errCode, errMsg }, errMsg being
// `<api>:fail <errCode> <the code's text>. <message>`; the code name itself is not kept.
// Through `transaction.commit()` / `rollback()`, nothing wraps the SDK's TcbError: the caller gets
// { code, message, requestId } and no errCode.

/**
 * A duplicate `_id`. The real cloud answers DATABASE_REQUEST_FAILED with MongoDB's E11000 text:
 * errCode -502001, errMsg `document.set:fail -502001 database request fail. E11000 duplicate key error …`.
 * At commit: { code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error …' }.
 */
export function duplicateKey(env: string, collection: string, id: string): CloudErrorBody {
  return {
    code: 'DATABASE_REQUEST_FAILED',
    message: `E11000 duplicate key error collection: ${env}.${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  };
}

/**
 * Another transaction holds or changed a document. wx-server-sdk does not know the code: inside a
 * transaction it surfaces as errCode -501001, errMsg `…:fail -501001 resource system error. <message>`,
 * so the message names the code too; at commit as { code: 'DATABASE_TRANSACTION_CONFLICT', message }.
 * The SDK's runTransaction retries only the latter (it tests `error.code`).
 */
export function transactionConflict(detail: string): CloudErrorBody {
  return {
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: `[DATABASE_TRANSACTION_CONFLICT] WriteConflict: ${detail}`,
  };
}

/** errCode -502005, errMsg `…:fail -502005 database collection not exists. <message>`. */
export function collectionNotExist(collection: string): CloudErrorBody {
  return { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `[ResourceNotFound] Db or Table not exist: ${collection}` };
}

/** A transaction id the cloud does not know, or one already committed or rolled back: errCode -502001. */
export function noSuchTransaction(id: unknown): CloudErrorBody {
  return { code: 'DATABASE_REQUEST_FAILED', message: `NoSuchTransaction: transaction ${String(id)} is not open` };
}

/** A request the memory cloud does not understand: errCode -501007. */
export function invalidParam(message: string): CloudErrorBody {
  return { code: 'INVALID_PARAM', message };
}

// DATABASE_PERMISSION_DENIED, injected with failNext, gives errCode -502003, errMsg
// `…:fail -502003 database permission denied. <message>`.

// Storage errors (failNext('storage.batchGetDownloadUrl', …)) are thrown by node-sdk before
// wx-server-sdk maps their code: getTempFileURL rejects with errCode -1, `code` kept and message
// `getTempFileURL:fail <message>`. A missing file is not an error: its entry has status -503003.
