// submitDeclaration: the residence declaration, checked field by field, then stored with its first
// event, the person's pending lock and the used-up verification token in one batch.
import {
  RESIDENCE_KINDS,
  type Applicant,
  type ApplicationKind,
  type ApplicationView,
  type DeclarationPayload,
  type ReissueReason,
  type ResidenceKind,
} from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { checkApplicant, checkApplicantDetails, checkMaterials, checkResidence, materialFiles, omitsIdentity } from '../../../miniprogram/domain/declarationForm';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { DECLARATION_NOTICE } from '../../../miniprogram/domain/notices';
import { declaredOnFor, dueOnFor } from '../../../miniprogram/domain/rules';
import type { Checker } from '../../../miniprogram/domain/validation';
import type { Context } from '../../context';
import type { FileRecord } from '../../files/types';
import { pendingLockId, submissionConflict, submissionWrites, type ApplicationRecord } from '../../records';
import type { Doc } from '../../store/types';
import { historyItem, historyOf, residentView } from '../../views';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { approvedDeclarationIn, usableToken } from './verification';

/**
 * Records an error on every material the service needs that is not a file this caller uploaded. It
 * reads the raw payload, so a wrong file is reported together with every other bad field; only
 * well-formed references of the materials needed are looked up (see materialFiles), never a long list.
 */
export async function checkOwnFiles(
  c: Checker,
  ctx: Context,
  rawMaterials: unknown,
  service: ApplicationKind,
  residenceKind: ResidenceKind | undefined,
  reason?: ReissueReason,
): Promise<void> {
  for (const { path, fileId } of materialFiles(rawMaterials, service, residenceKind, reason)) {
    if (Object.prototype.hasOwnProperty.call(c.errors, path)) continue;
    const file = await ctx.store.get<FileRecord>('files', fileId);
    if (!file || file.owner !== ctx.openid) c.fail(path, FIELD_MESSAGES.fileNotYours);
  }
}

export function checkConsent(c: Checker, value: unknown, noticeVersion: string): { noticeVersion: string } | undefined {
  const consent = c.object('consent', value);
  if (!consent) return undefined;
  return consent.noticeVersion === noticeVersion ? { noticeVersion } : c.fail('consent.noticeVersion', FIELD_MESSAGES.notice);
}

/**
 * The applicant part. One declaring again after a move may leave out name and ID number: they are the
 * approved declaration's, the person a verification with `{}` checked. Without an approved declaration
 * the part is read as typed, so its missing name and ID number are named as such.
 */
async function applicantOf(c: Checker, ctx: Context, value: unknown, today: string): Promise<Applicant | undefined> {
  const approved = omitsIdentity(value) ? approvedDeclarationIn(await historyOf(ctx)) : undefined;
  if (!approved) return checkApplicant(c, value, today);
  const details = checkApplicantDetails(c, value as Record<string, unknown>);
  return details && { name: approved.applicant.name, idNumber: approved.applicant.idNumber, ...details };
}

const PENDING_DECLARATION = '您已有一件居住信息申报正在办理，请等待审核结果或先撤回';

/** A declaration as checked: the applicant whole, whether typed or taken from the approved declaration. */
type CheckedDeclaration = Omit<DeclarationPayload, 'applicant'> & { applicant: Applicant };

export const submitDeclaration: ActionDefinition<CheckedDeclaration, ApplicationView, true> = {
  needsRequestId: true,
  async parse(c, payload, ctx) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const today = chinaDate(ctx.now);
    const verificationToken = c.text('verificationToken', p.verificationToken, 1, 200, FIELD_MESSAGES.token);
    const consent = checkConsent(c, p.consent, DECLARATION_NOTICE.version);
    const applicant = await applicantOf(c, ctx, p.applicant, today);
    const residence = checkResidence(c, p.residence, today, applicant?.idNumber);
    // The residence kind decides the materials even when another residence field is wrong.
    const kind = (p.residence as { kind?: unknown } | undefined)?.kind;
    const residenceKind = RESIDENCE_KINDS.find((k) => k === kind) as ResidenceKind | undefined;
    const materials = checkMaterials(c, p.materials, 'declaration', residenceKind);
    await checkOwnFiles(c, ctx, p.materials, 'declaration', residenceKind);
    if (!verificationToken || !consent || !applicant || !residence || !materials) return undefined;
    return { verificationToken, consent, applicant, residence, materials };
  },
  async run(ctx, { verificationToken, consent, applicant, residence, materials }) {
    const idHash = ctx.personKey(applicant.idNumber);
    const token = await usableToken(ctx, verificationToken, idHash);
    const lockId = pendingLockId('declaration', idHash);
    if (await ctx.store.get('locks', lockId)) throw new AppError('CONFLICT', PENDING_DECLARATION);

    const id = ctx.newId();
    const record: ApplicationRecord = {
      kind: 'declaration',
      status: 'pending',
      ownerOpenid: ctx.openid,
      idHash,
      district: residence.district,
      applicant,
      residence,
      materials,
      consent: { noticeVersion: consent.noticeVersion, agreedAt: ctx.now },
      submittedAt: ctx.now,
      lastSubmittedAt: ctx.now,
      declaredOn: declaredOnFor(ctx.now),
      dueOn: dueOnFor(ctx.now),
      updatedAt: ctx.now,
    };
    const app: Doc<ApplicationRecord> = { ...record, _id: id, _version: 1 };
    const history = (await historyOf(ctx)).map(historyItem);
    return { data: residentView(app, history, ctx.now), writes: submissionWrites(id, record, token), onConflict: submissionConflict(PENDING_DECLARATION) };
  },
};
