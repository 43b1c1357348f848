// The transactional outbox: each staff decision writes its notification in the decision's own batch, delivery
// follows the commit through the notifier port, and recordSubscriptions decides what the development notifier sends.
import type { NotificationEvent } from '../../miniprogram/domain/notifications';
import type { Context } from '../../server/context';
import { runFunction } from '../../server/functions';
import { DEFAULT_NOTIFICATION_CONFIG } from '../../server/notifications/config';
import { deliverPending } from '../../server/notifications/delivery';
import type { NotificationRecord, Notifier } from '../../server/notifications/types';
import type { Doc } from '../../server/store/types';
import { ALICE, BOB, applyService, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

const YUELU = 'staff-yuelu';

let world: World;
let request = 0;
const rid = () => `n${++request}`;

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(YUELU, ['430104']);
});
afterEach(() => world.close());

async function outbox(): Promise<Doc<NotificationRecord>[]> {
  return world.store.find<NotificationRecord>('notifications', { where: {}, orderBy: { field: 'createdAt', direction: 'asc' }, limit: 1000 });
}

async function subscribe(openid: string, results: Record<string, string>) {
  return world.call<{ subscriptions: Record<string, string> }>(openid, 'recordSubscriptions', { results });
}

/** Calls the staff function with a context whose notifier is this one. */
function staffWith(notifier: Notifier, action: string, payload: unknown, requestId: string) {
  const ctx: Context = { ...world.context(YUELU), notifications: { config: { ...DEFAULT_NOTIFICATION_CONFIG, maxAttempts: 2 }, notifier } };
  return runFunction('staff', ctx, { action, payload, requestId });
}

const failing: Notifier = {
  send: () => Promise.reject(new Error('network down')),
};

describe('each decision notifies the applicant', () => {
  it.each<[string, (id: string) => unknown, NotificationEvent]>([
    ['approve', (id) => ({ id }), 'review_approved'],
    ['reject', (id) => ({ id, reasons: ['材料不实'] }), 'review_rejected'],
    ['requestCorrection', (id) => ({ id, items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }), 'correction_requested'],
  ])('%s writes %s, keyed by the application and its step', async (action, payload, event) => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, action, payload(app.id), rid()));
    const [notice] = await outbox();
    expect(notice).toMatchObject({
      _id: `${event}:${app.id}:000002`,
      event,
      openid: ALICE.openid,
      applicationId: app.id,
      templateId: `dev-${event}`,
      page: `pages/application/index?id=${app.id}`,
      createdAt: world.now,
      // Delivered straight after the commit: Alice accepted nothing, so WeChat would refuse it.
      status: 'not_subscribed',
      attempts: 1,
    });
    expect(Object.keys(notice.data).sort()).toEqual(['date3', 'phrase2', 'thing1', 'thing4']);
    expect(notice.data.date3).toEqual({ value: '2026年9月1日' });
  });

  it('an approved declaration tells the applicant when the permit opens', async () => {
    const app = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: app.id }, rid()));
    // Moving house later: the permit still opens six months after the first approved declaration.
    world.setNow('2026-11-20T10:00:00+08:00');
    const moved = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: moved.id }, rid()));
    const messages = await outbox();
    expect(messages.map((n) => n.data.thing4.value)).toEqual(['3月1日起可申领居住证', '3月1日起可申领居住证']);
  });

  it('markReady writes ready_for_pickup with the place; a card collected gets no more', async () => {
    const declaration = await declare(world, ALICE);
    unwrap(await world.staff(YUELU, 'approve', { id: declaration.id }, rid()));
    world.setNow('2027-03-01T10:00:00+08:00');
    const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
    unwrap(await world.staff(YUELU, 'approve', { id: permit.id }, rid()));
    unwrap(await world.staff(YUELU, 'markReady', { id: permit.id }, rid()));
    unwrap(await world.staff(YUELU, 'markCollected', { id: permit.id, idCardChecked: true }, rid()));
    const all = await outbox();
    expect(all.map((n) => `${n.event} ${n.applicationId}`).sort()).toEqual(
      [`review_approved ${declaration.id}`, `review_approved ${permit.id}`, `ready_for_pickup ${permit.id}`].sort(),
    );
    const ready = all.find((n) => n.event === 'ready_for_pickup') as NotificationRecord;
    expect(ready.data.thing4.value).toBe('请到雨花区金盾路30号领取');
  });

  it('is written in the decision’s own batch, and a failing commit leaves neither', async () => {
    const app = await declare(world, ALICE);
    const commit = world.store.commit.bind(world.store);
    const batches: string[][] = [];
    world.store.commit = async (writes) => {
      batches.push(writes.map((w) => `${w.op} ${w.collection}`));
      if (writes.some((w) => w.collection === 'notifications' && w.op === 'create')) throw new Error('disk full');
      return commit(writes);
    };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await world.staff(YUELU, 'approve', { id: app.id }, rid());
    quiet.mockRestore();
    world.store.commit = commit;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(batches).toEqual([expect.arrayContaining(['update applications', 'create events', 'create notifications', 'create requests'])]);
    expect(await outbox()).toEqual([]);
    expect((await world.store.get<{ status: string }>('applications', app.id))?.status).toBe('pending');
  });

  it('a decision repeated with the same requestId creates one notification', async () => {
    const app = await declare(world, ALICE);
    const id = rid();
    for (let i = 0; i < 3; i++) unwrap(await world.staff(YUELU, 'approve', { id: app.id }, id));
    await Promise.all([1, 2, 3].map(() => world.staff(YUELU, 'approve', { id: app.id }, id)));
    expect((await outbox()).map((n) => n.event)).toEqual(['review_approved']);
  });

  it('of racing decisions, only the winner’s notification exists', async () => {
    const app = await declare(world, ALICE);
    const results = await Promise.all([world.staff(YUELU, 'approve', { id: app.id }, rid()), world.staff(YUELU, 'reject', { id: app.id, reasons: ['材料不实'] }, rid())]);
    const winner = results.findIndex((r) => r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await outbox()).map((n) => n.event)).toEqual([winner === 0 ? 'review_approved' : 'review_rejected']);
  });
});

describe('delivery', () => {
  it('is sent when the person accepted that event, not_subscribed otherwise', async () => {
    unwrap(await subscribe(ALICE.openid, { review_approved: 'accept', review_rejected: 'reject' }));
    const a = await declare(world, ALICE);
    const b = await declare(world, BOB);
    unwrap(await world.staff(YUELU, 'approve', { id: a.id }, rid()));
    unwrap(await world.staff(YUELU, 'approve', { id: b.id }, rid()));
    const sorted = (await outbox()).sort((x, y) => (x.openid < y.openid ? -1 : 1));
    expect(sorted.map((n) => [n.openid, n.status, n.settledAt])).toEqual([
      [ALICE.openid, 'sent', world.now],
      [BOB.openid, 'not_subscribed', world.now],
    ]);
  });

  it('that fails stays pending with its attempt count, is retried, then stays failed; not_subscribed is never retried', async () => {
    unwrap(await subscribe(ALICE.openid, { review_approved: 'accept' }));
    const a = await declare(world, ALICE);
    const b = await declare(world, BOB);
    // The decision stands whatever the delivery did.
    unwrap(await staffWith(failing, 'approve', { id: a.id }, rid()));
    unwrap(await staffWith(failing, 'approve', { id: b.id }, rid()));
    expect((await outbox()).map((n) => [n.status, n.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    const config = { ...DEFAULT_NOTIFICATION_CONFIG, maxAttempts: 2 };
    expect(await deliverPending({ store: world.store, notifier: failing, config, now: world.now })).toEqual({ delivered: 0, failed: 2 });
    expect((await outbox()).map((n) => [n.status, n.attempts])).toEqual([
      ['failed', 2],
      ['failed', 2],
    ]);
    // Nothing failed is tried again.
    const calls: string[] = [];
    const counting: Notifier = { send: async (m) => (calls.push(m.id), 'sent') };
    expect(await deliverPending({ store: world.store, notifier: counting, config, now: world.now })).toEqual({ delivered: 0, failed: 0 });
    expect(calls).toEqual([]);
  });

  it('delivers at most runBatches batches a run, oldest first; the next run resumes', async () => {
    const pending: string[] = [];
    for (const [i, person] of [ALICE, BOB, { ...ALICE, openid: 'resident-carol', name: '张三', idNumber: '430104199003070015' }].entries()) {
      world.setNow(`2026-09-01T1${i}:00:00+08:00`);
      const app = await declare(world, person);
      unwrap(await staffWith(failing, 'approve', { id: app.id }, rid()));
      pending.push(`review_approved:${app.id}:000002`);
    }
    const sent: string[] = [];
    const counting: Notifier = { send: async (m) => (sent.push(m.id), 'sent') };
    const config = { ...DEFAULT_NOTIFICATION_CONFIG, batchSize: 1, runBatches: 2 };
    expect(await deliverPending({ store: world.store, notifier: counting, config, now: world.now })).toEqual({ delivered: 2, failed: 0 });
    expect(sent).toEqual(pending.slice(0, 2));
    expect(await deliverPending({ store: world.store, notifier: counting, config, now: world.now })).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual(pending);
  });

  it('of a pending notification, two deliverers at once send it once', async () => {
    const a = await declare(world, ALICE);
    unwrap(await staffWith(failing, 'approve', { id: a.id }, rid()));
    const calls: string[] = [];
    const slow: Notifier = { send: async (m) => (calls.push(m.id), await new Promise((r) => setTimeout(r, 20)), 'sent') };
    const config = DEFAULT_NOTIFICATION_CONFIG;
    const runs = await Promise.all([1, 2, 3].map(() => deliverPending({ store: world.store, notifier: slow, config, now: world.now })));
    expect(calls).toHaveLength(1);
    expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect((await outbox())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('recordSubscriptions', () => {
  it('merges what the prompt answered and answers the whole record', async () => {
    expect(unwrap(await subscribe(ALICE.openid, { review_approved: 'accept', ready_for_pickup: 'reject' }))).toEqual({
      subscriptions: { review_approved: 'accept', ready_for_pickup: 'reject' },
    });
    expect(unwrap(await subscribe(ALICE.openid, { ready_for_pickup: 'accept', pickup_reminder: 'ban' }))).toEqual({
      subscriptions: { review_approved: 'accept', ready_for_pickup: 'accept', pickup_reminder: 'ban' },
    });
    expect(unwrap(await subscribe(BOB.openid, { permit_open: 'filter' }))).toEqual({ subscriptions: { permit_open: 'filter' } });
  });

  it('names every bad key and value, and writes nothing', async () => {
    const before = await world.counts();
    expect(await subscribe(ALICE.openid, { review_approved: 'yes', no_such_event: 'accept', permit_open: 'accept' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { results: '审核通过通知的订阅结果无效；含有不存在的消息' } },
    });
    for (const payload of [{}, { results: {} }, { results: [] }, { results: 'accept' }, { results: { 'a.b': 'accept' } }]) {
      const result = await world.call(ALICE.openid, 'recordSubscriptions', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { results: expect.any(String) } } });
    }
    expect(await world.call(ALICE.openid, 'recordSubscriptions')).toMatchObject({ ok: false, error: { fields: { payload: expect.any(String) } } });
    expect(await world.counts()).toEqual(before);
  });
});
