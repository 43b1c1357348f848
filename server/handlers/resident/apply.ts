// applyPermit, applyVoucher, applyReissue, applyEndorsement: the services after the declaration. Identity and address
// come from the person's approved declaration; the server alone decides eligibility and its date.
import { REISSUE_REASONS, isCard, type ApplicationView, type LaterService, type Materials, type ReissueReason } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { checkContact, checkMaterials } from '../../../miniprogram/domain/declarationForm';
import { feeOf, NEEDS_DECLARATION, whyNot } from '../../../miniprogram/domain/eligibility';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { NOTICES } from '../../../miniprogram/domain/notices';
import { dueOnFor } from '../../../miniprogram/domain/rules';
import type { Context } from '../../context';
import { submissionConflict, submissionWrites, type ApplicationRecord } from '../../records';
import type { Doc, Write } from '../../store/types';
import { historyItem, historyOf, residentView } from '../../views';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { checkConsent, checkOwnFiles } from './declaration';
import { approvedDeclarationIn, usableToken } from './verification';

interface ApplyPayload {
  verificationToken: string;
  noticeVersion: string;
  contact?: { mobile: string };
  materials: Materials;
  reason?: ReissueReason;
}

/** The checked payload, with the caller's applications, read once for the checks and the run. */
type Parsed = ApplyPayload & { history: Doc<ApplicationRecord>[] };

/** One action per service, built from the same steps. */
export function applyFor(kind: LaterService): ActionDefinition<Parsed, ApplicationView, true> {
  return {
    needsRequestId: true,
    async parse(c, payload, ctx) {
      const p = payloadObject(c, payload);
      if (!p) return undefined;
      const verificationToken = c.text('verificationToken', p.verificationToken, 1, 200, FIELD_MESSAGES.token);
      const consent = checkConsent(c, p.consent, NOTICES[kind].version);
      const contact = p.contact === undefined ? undefined : checkContact(c, p.contact);
      const reason = kind === 'reissue' ? c.oneOf('reason', p.reason, REISSUE_REASONS, '请选择补领或换领的原因') : undefined;
      const history = await historyOf(ctx);
      // A permit's or voucher's proofs follow the residence of the approved declaration.
      const residenceKind = kind === 'reissue' ? undefined : approvedDeclarationIn(history)?.residence?.kind;
      // A card reported lost can only be replaced, not renewed.
      if (reason && reason !== 'lost' && collectedCardIn(history)?.reportedLostAt !== undefined) c.fail('reason', FIELD_MESSAGES.cardReportedLost);
      const materials = checkMaterials(c, p.materials, kind, residenceKind, reason);
      await checkOwnFiles(c, ctx, p.materials, kind, residenceKind, reason);
      if (!verificationToken || !consent || !materials || !c.ok) return undefined;
      return { verificationToken, noticeVersion: consent.noticeVersion, materials, ...(contact ? { contact } : {}), ...(reason ? { reason } : {}), history };
    },
    async run(ctx, { history, ...payload }) {
      const declaration = approvedDeclarationIn(history);
      // The contract reports VERIFICATION_FAILED before NOT_ELIGIBLE: with no approved declaration to
      // name the person, any live token of the caller's passes here and the refusal follows.
      const token = await usableToken(ctx, payload.verificationToken, declaration?.idHash);
      if (!declaration) throw new AppError('NOT_ELIGIBLE', NEEDS_DECLARATION);
      const refusal = whyNot(kind, history.map(historyItem), chinaDate(ctx.now));
      if (refusal) throw new AppError(refusal.code, refusal.reason, undefined, refusal.opensOn);
      return submit(ctx, kind, declaration, payload, token, history);
    },
  };
}

async function submit(ctx: Context, kind: LaterService, declaration: Doc<ApplicationRecord>, payload: ApplyPayload, token: Doc<object>, history: Doc<ApplicationRecord>[]) {
  const id = ctx.newId();
  const record: ApplicationRecord = {
    kind,
    status: 'pending',
    ownerOpenid: ctx.openid,
    idHash: declaration.idHash,
    district: declaration.district,
    // The contact mobile, when given, is the application's mobile: one place, shown and corrected there.
    applicant: { ...declaration.applicant, ...(payload.contact ? { mobile: payload.contact.mobile } : {}) },
    ...(declaration.residence ? { residence: declaration.residence } : {}),
    materials: payload.materials,
    consent: { noticeVersion: payload.noticeVersion, agreedAt: ctx.now },
    submittedAt: ctx.now,
    lastSubmittedAt: ctx.now,
    dueOn: dueOnFor(ctx.now),
    updatedAt: ctx.now,
    ...(payload.reason ? { reason: payload.reason, fee: feeOf(kind, ctx.settings.cardFee) } : {}),
  };
  const writes: Write[] = submissionWrites(id, record, token);
  const card = collectedCardIn(history);
  // The card held is recorded as reported lost, so it cannot be used again; a loss already reported keeps its date.
  if (payload.reason === 'lost' && card && card.reportedLostAt === undefined) {
    const { _id, _version, ...fields } = card;
    writes.push({ op: 'update', collection: 'applications', id: _id, version: _version, doc: { ...fields, reportedLostAt: ctx.now } });
  }
  const app: Doc<ApplicationRecord> = { ...record, _id: id, _version: 1 };
  return { data: residentView(app, history.map(historyItem), ctx.now), writes, onConflict: submissionConflict('您已有一件同类办件正在办理') };
}

/** The card the person holds: their collected permit or replacement. */
function collectedCardIn(history: Doc<ApplicationRecord>[]): Doc<ApplicationRecord> | undefined {
  return history.find((a) => isCard(a.kind) && a.status === 'collected');
}
