// The staff function's review: reading an application in full (the view is recorded), and every
// decision — approve, ask for corrections, reject, card ready, card collected — through the state machine.
import { isCard, type StaffApplication, type StaffDecision } from '../../../miniprogram/domain/contract';
import { correctableItems } from '../../../miniprogram/domain/corrections';
import { chinaDate } from '../../../miniprogram/domain/dates';
import { AppError, FIELD_MESSAGES } from '../../../miniprogram/domain/errors';
import { hasUnsafeCharacter, type Checker } from '../../../miniprogram/domain/validation';
import { textLabel } from '../../../miniprogram/domain/labels';
import { MAX_CORRECTION_ITEMS, MAX_REASONS, STAFF_TEXT_LENGTH } from '../../../miniprogram/domain/limits';
import type { Context } from '../../context';
import { releasePendingLock, transition, type ApplicationRecord, type ViewRecord } from '../../records';
import type { Doc, Write } from '../../store/types';
import { eventsOf, historyOfPerson, earlierViewsOf } from '../../views';
import { counterCode } from '../../ids';
import { decisionNotification, type DecisionEvent } from '../../notifications/documents';
import { parseId, payloadObject, type ActionDefinition, type Outcome } from '../dispatch';
import { reviewable } from './access';
import { decidedApplication, fullApplication } from './views';
import { recordingsOf } from './viewSessions';

/** The acting officer as events and views keep them: with the name and badge of their record now, so a later revocation leaves them named. */
const staffActor = (ctx: Context): ViewRecord['actor'] => ({
  role: 'staff',
  openid: ctx.openid,
  ...(ctx.staff?.name ? { name: ctx.staff.name } : {}),
  ...(ctx.staff?.badge ? { badge: ctx.staff.badge } : {}),
});

function idOf(c: Checker, p: Record<string, unknown>): string | undefined {
  return c.id('id', p.id, FIELD_MESSAGES.id);
}

/** Staff texts may run over several lines. */
const MULTILINE = { multiline: true };
/** A note, a reason or a correction message: the bounds every staff text has (limits.ts). */
const { min: MIN_STAFF_TEXT, max: MAX_STAFF_TEXT } = STAFF_TEXT_LENGTH;

/** 1..max staff texts each within STAFF_TEXT_LENGTH; the list's length is judged before any text is read. */
function texts(c: Checker, path: string, value: unknown, max: number, message: string): string[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > max) return c.fail(path, message);
  const list = value.map((v) => (typeof v === 'string' ? v.trim() : ''));
  if (list.some((t) => t.length > MAX_STAFF_TEXT * 2)) return c.fail(path, message);
  if (list.some((t) => hasUnsafeCharacter(t, true))) return c.fail(path, FIELD_MESSAGES.unsafeText(textLabel(path)));
  return list.every((t) => Array.from(t).length >= MIN_STAFF_TEXT && Array.from(t).length <= MAX_STAFF_TEXT) ? list : c.fail(path, message);
}

export const getApplication: ActionDefinition<{ id: string }, StaffApplication, false> = {
  needsRequestId: false,
  parse: parseId,
  async run(ctx, { id }) {
    const app = await reviewable(ctx, id);
    const [events, views] = await Promise.all([eventsOf(ctx, id), earlierViewsOf(ctx, id)]);
    // Every staff view of a full ID number is recorded, after the status it saw; writing one reads nothing back.
    const viewId = `${id}:${String(ctx.now).padStart(15, '0')}:${ctx.newId()}`;
    const { joined, created } = recordingsOf(app, views, staffActor(ctx), ctx.now, viewId);
    const recording = joined ?? created;
    return {
      data: await fullApplication(app, events, recording.shown, ctx),
      writes: [recording.write],
      // Another read of the same officer counted itself on that view first: this one is then recorded on its own,
      // so a read never fails for it. A read has no request record, so nothing else of the batch is lost here.
      onConflict: joined
        ? async (write) => {
            if (write.collection !== 'views') return new AppError('CONFLICT');
            await ctx.store.commit([created.write]);
            return { data: await fullApplication(app, events, created.shown, ctx) };
          }
        : undefined,
    };
  },
};

/**
 * A decision on one application: its writes, answered with the application as it now stands (never the full
 * ID number). The applicant's notification of it, if any, goes in the same batch: both land or neither.
 */
async function decide(
  ctx: Context,
  app: Doc<ApplicationRecord>,
  notify: { event: DecisionEvent; itemCount?: number } | null,
  build: (app: Doc<ApplicationRecord>) => Promise<{ writes: Write[]; next: Doc<ApplicationRecord> }>,
): Promise<Outcome<StaffDecision>> {
  const { writes, next } = await build(app);
  const notice = notify ? [await decisionNotification(ctx, notify.event, next, notify)] : [];
  return { data: decidedApplication(next, ctx.now), writes: [...writes, ...notice] };
}

export const approve: ActionDefinition<{ id: string; note?: string }, StaffDecision, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const id = idOf(c, p);
    const note = p.note === undefined ? undefined : c.text('note', p.note, MIN_STAFF_TEXT, MAX_STAFF_TEXT, undefined, MULTILINE);
    return id ? { id, ...(note ? { note } : {}) } : undefined;
  },
  async run(ctx, { id, note }) {
    return decide(ctx, await reviewable(ctx, id), { event: 'review_approved' }, async (app) => {
      // A card is issued on the day it is approved.
      const issued = isCard(app.kind) ? { issuedOn: chinaDate(ctx.now) } : {};
      const { writes, next } = transition(app, 'approved', staffActor(ctx), ctx.now, { note: note ?? '审核通过', changes: issued });
      const all = [...writes, ...(await releasePendingLock(ctx.store, app))];
      if (app.kind === 'declaration') {
        // A newer approved declaration replaces the person's earlier one; the count of months still starts at the first.
        const history = await historyOfPerson(ctx.store, app.idHash, 'desc');
        for (const old of history) {
          if (old.kind === 'declaration' && old.status === 'approved' && old._id !== app._id)
            all.push(...transition(old, 'superseded', { role: 'system' }, ctx.now, { note: '已由新的申报取代' }).writes);
        }
      }
      return { writes: all, next };
    });
  },
};

export const requestCorrection: ActionDefinition<{ id: string; items: { item: string; message: string }[] }, StaffDecision, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const id = idOf(c, p);
    if (!Array.isArray(p.items) || p.items.length < 1 || p.items.length > MAX_CORRECTION_ITEMS) return c.fail('items', FIELD_MESSAGES.correctionItems);
    const items: { item: string; message: string }[] = [];
    p.items.forEach((raw: unknown, index) => {
      const entry = raw as { item?: unknown; message?: unknown } | null;
      const item = typeof entry?.item === 'string' ? entry.item : undefined;
      if (!item || items.some((i) => i.item === item)) c.fail(`items.${index}.item`, FIELD_MESSAGES.correctionItem);
      const message = c.text(`items.${index}.message`, entry?.message, MIN_STAFF_TEXT, MAX_STAFF_TEXT, FIELD_MESSAGES.correctionMessage, MULTILINE);
      if (item && message) items.push({ item, message });
    });
    return id && c.ok ? { id, items } : undefined;
  },
  async run(ctx, { id, items }) {
    const app = await reviewable(ctx, id);
    // Which items can be corrected depends on the application, known only now; any other item is bad input.
    const allowed = correctableItems(app);
    const bad: Record<string, string> = {};
    items.forEach((entry, index) => {
      if (!allowed.includes(entry.item)) bad[`items.${index}.item`] = FIELD_MESSAGES.correctionItem;
    });
    if (Object.keys(bad).length > 0) throw new AppError('INVALID_INPUT', undefined, bad);
    return decide(ctx, app, { event: 'correction_requested', itemCount: items.length }, async (a) => transition(a, 'correction_requested', staffActor(ctx), ctx.now, { items }));
  },
};

export const reject: ActionDefinition<{ id: string; reasons: string[] }, StaffDecision, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const id = idOf(c, p);
    const reasons = texts(c, 'reasons', p.reasons, MAX_REASONS, FIELD_MESSAGES.reasons);
    return id && reasons ? { id, reasons } : undefined;
  },
  async run(ctx, { id, reasons }) {
    return decide(ctx, await reviewable(ctx, id), { event: 'review_rejected' }, async (app) => {
      const { writes, next } = transition(app, 'rejected', staffActor(ctx), ctx.now, { reasons });
      return { writes: [...writes, ...(await releasePendingLock(ctx.store, app))], next };
    });
  },
};

/** Longest pickup code read (codes are 8 characters; spaces around them are forgiven). */
const MAX_PICKUP_CODE = 64;

function pickupCode(ctx: Context): string {
  return counterCode(ctx.newId());
}

export const markReady: ActionDefinition<{ id: string }, StaffDecision, true> = {
  needsRequestId: true,
  parse: parseId,
  async run(ctx, { id }) {
    return decide(ctx, await reviewable(ctx, id), { event: 'ready_for_pickup' }, async (app) =>
      transition(app, 'ready', staffActor(ctx), ctx.now, { note: '证件已制作完成，可以领取', changes: { pickupCode: pickupCode(ctx) } }),
    );
  },
};

export const markCollected: ActionDefinition<{ id: string; pickupCode?: string; idCardChecked?: true }, StaffDecision, true> = {
  needsRequestId: true,
  parse(c, payload) {
    const p = payloadObject(c, payload);
    if (!p) return undefined;
    const id = idOf(c, p);
    if (p.idCardChecked === true) return id ? { id, idCardChecked: true } : undefined;
    // A code is a few characters: a longer text is not one, and is refused before it is read.
    const given = typeof p.pickupCode === 'string' && p.pickupCode.length <= MAX_PICKUP_CODE ? p.pickupCode.trim() : '';
    const code =
      given !== ''
        ? given.toUpperCase()
        : c.fail('pickupCode', typeof p.pickupCode === 'string' && p.pickupCode.trim() !== '' ? FIELD_MESSAGES.pickupCode : FIELD_MESSAGES.pickupProof);
    return id && code ? { id, pickupCode: code } : undefined;
  },
  async run(ctx, { id, pickupCode: code, idCardChecked }) {
    const app = await reviewable(ctx, id);
    if (app.status === 'ready' && !idCardChecked && code !== app.pickupCode) {
      throw new AppError('INVALID_INPUT', undefined, { pickupCode: FIELD_MESSAGES.pickupCode });
    }
    const note = idCardChecked ? '工作人员当面核验身份证后交付' : '凭领取码交付';
    return decide(ctx, app, null, async (a) => transition(a, 'collected', staffActor(ctx), ctx.now, { note }));
  },
};
