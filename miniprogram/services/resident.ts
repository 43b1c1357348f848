// The resident function's calls, typed by the contract.
import type { ApplicationDetail, ApplicationView, DeclarationPayload, Overview, Page, Result } from '../domain/contract';
import { call } from './transport';

export const resident = {
  overview: (): Promise<Result<Overview>> => call('resident', 'overview'),
  startVerification: (person: { name: string; idNumber: string } | Record<string, never>) =>
    call<{ verifyId: string }>('resident', 'startVerification', person),
  finishVerification: (verifyId: string, devOutcome?: 'pass' | 'fail' | 'cancel') =>
    call<{ verificationToken: string; expiresAt: number }>('resident', 'finishVerification', { verifyId, ...(devOutcome ? { devOutcome } : {}) }),
  submitDeclaration: (payload: DeclarationPayload, requestId: string) =>
    call<ApplicationView>('resident', 'submitDeclaration', payload, requestId),
  listApplications: (cursor?: string) => call<Page<ApplicationView>>('resident', 'listApplications', cursor ? { cursor } : {}),
  getApplication: (id: string) => call<ApplicationDetail>('resident', 'getApplication', { id }),
  withdraw: (id: string, requestId: string) => call<ApplicationView>('resident', 'withdraw', { id }, requestId),
  resubmit: (id: string, changes: Record<string, Record<string, unknown>>, requestId: string) =>
    call<ApplicationView>('resident', 'resubmit', { id, ...changes }, requestId),
};
