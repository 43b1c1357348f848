// The resident function's calls, typed by the contract map: each answer's type comes from the action.
import { APPLY_ACTIONS, type DeclarationPayload, type DevOutcome, type LaterService, type ServicePayload, type UploadExtension } from '../domain/contract';
import type { Subscriptions } from '../domain/notifications';
import { call } from './transport';

export const resident = {
  overview: () => call('resident', 'overview'),
  startVerification: (person: { name: string; idNumber: string } | Record<string, never>) => call('resident', 'startVerification', person),
  finishVerification: (verifyId: string, devOutcome?: DevOutcome) => call('resident', 'finishVerification', { verifyId, ...(devOutcome ? { devOutcome } : {}) }),
  submitDeclaration: (payload: DeclarationPayload, requestId: string) => call('resident', 'submitDeclaration', payload, requestId),
  apply: (service: LaterService, payload: ServicePayload, requestId: string) => call('resident', APPLY_ACTIONS[service], payload, requestId),
  listApplications: (cursor?: string) => call('resident', 'listApplications', cursor ? { cursor } : {}),
  getApplication: (id: string) => call('resident', 'getApplication', { id }),
  withdraw: (id: string, requestId: string) => call('resident', 'withdraw', { id }, requestId),
  resubmit: (id: string, changes: Record<string, Record<string, unknown>>, requestId: string) => call('resident', 'resubmit', { ...changes, id }, requestId),
  /** Fresh short-lived links to the caller's own uploads (at most MAX_FILE_LINKS ids); others are absent. */
  fileLinks: (fileIds: string[]) => call('resident', 'fileLinks', { fileIds }),
  /** A storage path under the caller for one photo, to upload it to. */
  prepareUpload: (extension: UploadExtension) => call('resident', 'prepareUpload', { extension }),
  /** Makes an uploaded photo the caller's, once the server has checked what it holds. */
  confirmUpload: (fileId: string) => call('resident', 'confirmUpload', { fileId }),
  /** The template id of each message a resident may subscribe to, as the server is configured. */
  subscriptionTemplates: () => call('resident', 'subscriptionTemplates'),
  /** What the person answered in the subscription prompt; staff record theirs here too, by their openid. */
  recordSubscriptions: (results: Subscriptions) => call('resident', 'recordSubscriptions', { results }),
};
