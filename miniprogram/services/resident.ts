// The resident function's calls, typed by the contract.
import { APPLY_ACTIONS, type ApplicationDetail, type FileLinksResult, type ApplicationView, type DeclarationPayload, type LaterService, type Overview, type Page, type Result, type ServicePayload } from '../domain/contract';
import { call } from './transport';

export const resident = {
  overview: (): Promise<Result<Overview>> => call('resident', 'overview'),
  startVerification: (person: { name: string; idNumber: string } | Record<string, never>) =>
    call<{ verifyId: string }>('resident', 'startVerification', person),
  finishVerification: (verifyId: string, devOutcome?: 'pass' | 'fail' | 'cancel') =>
    call<{ verificationToken: string; expiresAt: number }>('resident', 'finishVerification', { verifyId, ...(devOutcome ? { devOutcome } : {}) }),
  submitDeclaration: (payload: DeclarationPayload, requestId: string) =>
    call<ApplicationView>('resident', 'submitDeclaration', payload, requestId),
  apply: (service: LaterService, payload: ServicePayload, requestId: string) =>
    call<ApplicationView>('resident', APPLY_ACTIONS[service], payload, requestId),
  listApplications: (cursor?: string) => call<Page<ApplicationView>>('resident', 'listApplications', cursor ? { cursor } : {}),
  getApplication: (id: string) => call<ApplicationDetail>('resident', 'getApplication', { id }),
  withdraw: (id: string, requestId: string) => call<ApplicationView>('resident', 'withdraw', { id }, requestId),
  resubmit: (id: string, changes: Record<string, Record<string, unknown>>, requestId: string) =>
    call<ApplicationView>('resident', 'resubmit', { id, ...changes }, requestId),
  /** Fresh short-lived links to the caller's own uploads (at most MAX_FILE_LINKS ids); others are absent. */
  fileLinks: (fileIds: string[]) => call<FileLinksResult>('resident', 'fileLinks', { fileIds }),
};
