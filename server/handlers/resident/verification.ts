// Face verification: start a check for a person, then turn a passed check into a short-lived token
// that one submission for that same person may use.
import { chinaDate } from '../../../miniprogram/domain/dates';
import { NEEDS_DECLARATION } from '../../../miniprogram/domain/eligibility';
import { checkIdNumber, checkPersonName } from '../../../miniprogram/domain/declarationForm';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import type { Context } from '../../context';
import { sha256 } from '../../ids';
import type { ApplicationRecord } from '../../records';
import type { Doc } from '../../store/types';
import type { VerificationOutcome } from '../../verification/types';
import { historyOf } from '../../views';
import { payloadObject, type ActionDefinition } from '../dispatch';

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;
/** A face check must be finished within this time of being started. */
const CHECK_LIFETIME_MS = 10 * 60 * 1000;

export interface VerificationRecord {
  openid: string;
  idHash: string;
  state: 'started' | 'passed';
  createdAt: number;
  /** When the check can no longer be finished, and the scheduler may delete it (absent on checks from before). */
  expiresAt?: number;
  /** The verifier's own sealed note of the check, handed back to it when the outcome is asked. */
  memo?: string;
}

export interface TokenRecord {
  openid: string;
  idHash: string;
  expiresAt: number;
  used: boolean;
}

export function tokenKey(token: string): string {
  return sha256(`token:${token}`);
}

/** The person's approved declaration in their history, which later services take identity and address from. */
export function approvedDeclarationIn(history: Doc<ApplicationRecord>[]): Doc<ApplicationRecord> | undefined {
  return history.find((a) => a.kind === 'declaration' && a.status === 'approved');
}

type StartPayload = { name: string; idNumber: string } | { fromDeclaration: true };

export const startVerification: ActionDefinition<StartPayload, { verifyId: string }, false> = {
  needsRequestId: false,
  parse(c, payload, ctx) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    // An empty payload asks to verify the person of the approved declaration (later services).
    if (p.name === undefined && p.idNumber === undefined) return { fromDeclaration: true };
    const name = checkPersonName(c, 'name', p.name);
    const idNumber = checkIdNumber(c, 'idNumber', p.idNumber, chinaDate(ctx.now));
    return name && idNumber ? { name, idNumber } : undefined;
  },
  async run(ctx, payload) {
    let person: { name: string; idNumber: string };
    if ('fromDeclaration' in payload) {
      const declaration = approvedDeclarationIn(await historyOf(ctx));
      if (!declaration) throw new AppError('NOT_ELIGIBLE', NEEDS_DECLARATION);
      person = declaration.applicant;
    } else {
      person = payload;
    }
    const { verifyId, memo } = await ctx.verifier.start({ openid: ctx.openid, ...person });
    const record: VerificationRecord = {
      openid: ctx.openid,
      idHash: ctx.personKey(person.idNumber),
      state: 'started',
      createdAt: ctx.now,
      expiresAt: ctx.now + CHECK_LIFETIME_MS,
      ...(memo === undefined ? {} : { memo }),
    };
    return {
      data: { verifyId },
      writes: [{ op: 'create', collection: 'verifications', id: verifyId, doc: { ...record } }],
    };
  },
};

const OUTCOMES: readonly VerificationOutcome[] = ['pass', 'fail', 'cancel'];

export const finishVerification: ActionDefinition<{ verifyId: string; devOutcome?: VerificationOutcome }, { verificationToken: string; expiresAt: number }, false> = {
  needsRequestId: false,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const verifyId = c.id('verifyId', p.verifyId, FIELD_MESSAGES.id);
    const devOutcome = p.devOutcome === undefined ? undefined : c.oneOf('devOutcome', p.devOutcome, OUTCOMES, FIELD_MESSAGES.outcome);
    return verifyId ? { verifyId, ...(devOutcome ? { devOutcome } : {}) } : undefined;
  },
  async run(ctx, { verifyId, devOutcome }) {
    const check = await ctx.store.get<VerificationRecord>('verifications', verifyId);
    if (!check || check.openid !== ctx.openid || check.state !== 'started' || ctx.now >= (check.expiresAt ?? check.createdAt + CHECK_LIFETIME_MS)) {
      throw new AppError('VERIFICATION_FAILED');
    }
    const outcome = await ctx.verifier.outcome({ openid: ctx.openid, verifyId, ...(check.memo === undefined ? {} : { memo: check.memo }), ...(devOutcome ? { devOutcome } : {}) });
    if (outcome !== 'pass') {
      throw new AppError('VERIFICATION_FAILED', outcome === 'cancel' ? '人脸识别已取消，请重新验证' : '人脸识别未通过，请确认是本人操作后重试');
    }
    const verificationToken = ctx.newSecret();
    const token: TokenRecord = { openid: ctx.openid, idHash: check.idHash, expiresAt: ctx.now + TOKEN_LIFETIME_MS, used: false };
    // The memo has served its purpose: nothing about the check is kept that the verifier alone could read.
    const { _id, _version, memo: _memo, ...fields } = check;
    return {
      data: { verificationToken, expiresAt: token.expiresAt },
      writes: [
        { op: 'update', collection: 'verifications', id: _id, version: _version, doc: { ...fields, state: 'passed' } },
        { op: 'create', collection: 'tokens', id: tokenKey(verificationToken), doc: { ...token } },
      ],
      onConflict: () => new AppError('VERIFICATION_FAILED'),
    };
  },
};

/** The token's record when it is valid right now for this caller and person (or any person, without an idHash); VERIFICATION_FAILED otherwise. */
export async function usableToken(ctx: Context, token: string, idHash: string | undefined): Promise<Doc<TokenRecord>> {
  const record = await ctx.store.get<TokenRecord>('tokens', tokenKey(token));
  const otherPerson = idHash !== undefined && record?.idHash !== idHash;
  if (!record || record.openid !== ctx.openid || otherPerson || record.used || record.expiresAt <= ctx.now) {
    throw new AppError('VERIFICATION_FAILED');
  }
  return record;
}
