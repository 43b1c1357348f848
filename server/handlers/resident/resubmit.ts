// resubmit: after a correction request the owner changes exactly the items asked for (never the name
// or ID number) and what follows from them (changeableItems: the relation statement of a corrected kind
// of residence, the organisation of a corrected basis), everything is checked again as on first
// submission, and the review clock restarts.
import type { ApplicationView, ResidenceKind } from '../../../miniprogram/domain/contract';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { checkApplicant, checkContact, checkMaterials, checkResidence } from '../../../miniprogram/domain/declarationForm';
import { changeableItems, latestRequest } from '../../../miniprogram/domain/corrections';
import { MATERIAL_FIELDS } from '../../../miniprogram/domain/materials';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { APPLICANT_FIELDS, CONTACT_FIELDS, RESIDENCE_FIELDS } from '../../../miniprogram/domain/residence';
import { dueOnFor } from '../../../miniprogram/domain/rules';
import { Checker, isPlainObject } from '../../../miniprogram/domain/validation';
import type { Context } from '../../context';
import { transition } from '../../records';
import { eventsOf, historyItem, historyOf, residentView, timelineOf } from '../../views';
import { payloadObject, type ActionDefinition } from '../dispatch';
import { checkOwnFiles } from './declaration';
import { ownApplication } from './applications';
import { resubmissionChanges } from './resubmissionChanges';

const PARTS = ['applicant', 'residence', 'contact', 'materials'] as const;
type Part = (typeof PARTS)[number];
type Changes = Partial<Record<Part, Record<string, unknown>>>;

/**
 * The fields the contract names in each part. Only these are read from a resubmission: any other key
 * is ignored before anything is done with it, so no work ever runs over a value nobody asked for.
 */
const PART_FIELDS: Readonly<Record<Part, readonly string[]>> = {
  applicant: APPLICANT_FIELDS,
  residence: RESIDENCE_FIELDS,
  contact: CONTACT_FIELDS,
  materials: MATERIAL_FIELDS,
};

/** The named fields of a part that the payload gives (own keys only), each as sent. */
function namedFields(part: Part, raw: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of PART_FIELDS[part]) {
    if (Object.prototype.hasOwnProperty.call(raw, field) && raw[field] !== undefined) picked[field] = raw[field];
  }
  return picked;
}

/**
 * Whether a field's value is the same in both versions. Stored values are text or lists of file ids;
 * anything else sent (an object, however deep) is a change, found without reading into it.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i] && typeof item !== 'object');
}

/** The items of the latest correction request, read as the pages read them: the only paths the owner may change. */
async function askedFor(ctx: Context, id: string): Promise<string[]> {
  return latestRequest(timelineOf(await eventsOf(ctx, id))).map((i) => i.item);
}

/** Every named field whose value differs between two versions of the application's parts. */
function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const part of PARTS) {
    const a = (before[part] ?? {}) as Record<string, unknown>;
    const b = (after[part] ?? {}) as Record<string, unknown>;
    for (const key of PART_FIELDS[part]) if (!sameValue(a[key], b[key])) paths.push(`${part}.${key}`);
  }
  return paths;
}

export const resubmit: ActionDefinition<{ id: string; changes: Changes }, ApplicationView, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const id = c.id('id', p.id, FIELD_MESSAGES.id);
    const changes: Changes = {};
    for (const part of PARTS) {
      if (p[part] === undefined) continue;
      if (isPlainObject(p[part])) changes[part] = namedFields(part, p[part] as Record<string, unknown>);
      else c.fail(part, FIELD_MESSAGES.required);
    }
    return id ? { id, changes } : undefined;
  },
  async run(ctx, { id, changes }) {
    const app = await ownApplication(ctx, id);
    // The items of the latest request, if any; the fields are judged before the state, as the
    // contract orders INVALID_INPUT before CONFLICT.
    const asked = await askedFor(ctx, id);
    // A later service's contact is its applicant's mobile, the one place that number is kept.
    const before = { applicant: app.applicant, residence: app.residence, contact: { mobile: app.applicant.mobile }, materials: app.materials } as Record<string, unknown>;
    // Each object given is merged into the stored one; arrays (the proofs) replace.
    const merged = Object.fromEntries(PARTS.map((part) => [part, changes[part] ? { ...((before[part] as object | undefined) ?? {}), ...changes[part] } : before[part]])) as Record<
      Part,
      Record<string, unknown> | undefined
    >;

    // The items asked for and what follows them, judged on the merged residence: its kind decides whether a
    // relation statement may come; its basis, checked below, whether the organisation is required or dropped.
    const allowed = new Set(changeableItems(asked, (merged.residence as { kind?: ResidenceKind } | undefined)?.kind));
    const c = new Checker();
    for (const path of changedPaths(before, merged)) if (!allowed.has(path)) c.fail(path, FIELD_MESSAGES.notAskedFor);
    const today = chinaDate(ctx.now);
    const applicant = checkApplicant(c, merged.applicant, today);
    const residence = merged.residence ? checkResidence(c, merged.residence, today, applicant?.idNumber) : undefined;
    const contact = changes.contact ? checkContact(c, merged.contact) : undefined;
    const residenceKind = residence?.kind ?? app.residence?.kind;
    const materials = checkMaterials(c, merged.materials, app.kind, residenceKind, app.reason);
    // Only the files sent now need an owner check: the stored ones were checked when they were sent.
    await checkOwnFiles(c, ctx, changes.materials, app.kind, residenceKind, app.reason);
    if (!c.ok || !applicant || !materials) throw new AppError('INVALID_INPUT', undefined, c.errors);
    if (app.status !== 'correction_requested') throw new AppError('CONFLICT', '这件办件现在不需要补正');

    const stored = { applicant: contact ? { ...applicant, mobile: contact.mobile } : applicant, residence: residence ?? app.residence, materials };
    // Staff see what changed from what is stored before and after, as checked (a dropped organisation too).
    const after = { ...stored, contact: { mobile: stored.applicant.mobile } };
    const itemChanges = resubmissionChanges(app.kind, changedPaths(before, after), before, after);
    const { writes, next } = transition(app, 'pending', { role: 'owner', openid: ctx.openid }, ctx.now, {
      note: '申请人已补正并重新提交',
      ...(itemChanges.length > 0 ? { itemChanges } : {}),
      changes: {
        applicant: stored.applicant,
        ...(residence ? { residence, district: residence.district } : {}),
        materials,
        lastSubmittedAt: ctx.now,
        dueOn: dueOnFor(ctx.now),
      },
    });
    const history = (await historyOf(ctx)).map((a) => historyItem(a._id === id ? next : a));
    return { data: residentView(next, history, ctx.now), writes };
  },
};
