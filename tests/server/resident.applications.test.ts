import type { ApplicationDetail, ApplicationView, Overview, Page, Result } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { dispatch } from '../../server/handlers/dispatch';
import { residentActions } from '../../server/handlers/resident';
import { personKeyer } from '../../server/ids';
import type { Store } from '../../server/store/types';
import { ALICE, BOB, declare } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.close());

describe('a resident’s own applications', () => {
  it('lists newest first, page by page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const app = await declare(world, ALICE);
      ids.unshift(app.id);
      unwrap(await world.call(ALICE.openid, 'withdraw', { id: app.id }, `w-${i}`));
      world.now += 60_000;
    }
    const first = unwrap(await world.call<Page<ApplicationView>>(ALICE.openid, 'listApplications', { limit: 2 }));
    expect(first.items.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = unwrap(await world.call<Page<ApplicationView>>(ALICE.openid, 'listApplications', { limit: 2, cursor: first.nextCursor }));
    expect(second.items.map((a) => a.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
    expect(second.items[0].status).toBe('withdrawn');
  });

  it('checks the paging parameters', async () => {
    const result = await world.call(ALICE.openid, 'listApplications', { limit: 51, cursor: 'not-a-cursor' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { limit: FIELD_MESSAGES.limit, cursor: FIELD_MESSAGES.cursor } } });
    expect(unwrap(await world.call<Page<unknown>>(ALICE.openid, 'listApplications'))).toEqual({ items: [], nextCursor: null });
  });

  it('shows one application with its timeline, masked ID number and short-lived material links', async () => {
    const app = await declare(world, ALICE);
    const detail = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(detail.timeline).toEqual([{ status: 'pending', at: app.submittedAt }]);
    expect(detail.applicant).toMatchObject({ name: ALICE.name, idNumberMasked: '430104********1237', birthDate: '1990-03-07', sex: 'male' });
    const idFront = detail.materials.idFront as { fileId: string; url: string };
    expect(idFront.url).toMatch(new RegExp(`^/api/files/${idFront.fileId}\\?expires=\\d+&signature=`));
    expect(detail.materials.proofs).toHaveLength(1);
    expect(JSON.stringify(detail)).not.toContain(ALICE.idNumber);
  });

  it('withdraws while pending, records it, and frees the person to declare again', async () => {
    const app = await declare(world, ALICE);
    const withdrawn = unwrap(await world.call<ApplicationView>(ALICE.openid, 'withdraw', { id: app.id }, 'w1'));
    expect(withdrawn.status).toBe('withdrawn');
    const detail = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id: app.id }));
    expect(detail.timeline.map((t) => t.status)).toEqual(['pending', 'withdrawn']);
    expect(await world.call(ALICE.openid, 'withdraw', { id: app.id }, 'w2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The repeated request answers as the first time did.
    expect(unwrap(await world.call<ApplicationView>(ALICE.openid, 'withdraw', { id: app.id }, 'w1')).status).toBe('withdrawn');
    expect((await declare(world, ALICE)).status).toBe('pending');
  });

  it('keeps every application from everyone else', async () => {
    const app = await declare(world, ALICE);
    const before = await world.counts();
    expect(unwrap(await world.call<Page<unknown>>(BOB.openid, 'listApplications')).items).toEqual([]);
    expect(await world.call(BOB.openid, 'getApplication', { id: app.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.call(BOB.openid, 'withdraw', { id: app.id }, 'bob-w')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.call(BOB.openid, 'getApplication', { id: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(unwrap(await world.call<Overview>(BOB.openid, 'overview')).declaration).toBeNull();
    expect(await world.counts()).toEqual(before);
    expect((await world.store.get<{ status: string }>('applications', app.id))?.status).toBe('pending');
  });
});

describe('the dispatcher', () => {
  it('answers an unknown action and a call without an action', async () => {
    expect(await world.call(ALICE.openid, 'approve', { id: 'x' }, 'r')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(await world.call(ALICE.openid, 'toString')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('reports an internal failure without any detail', async () => {
    const broken: Store = {
      get: () => Promise.reject(new Error('disk I/O error at /secret/path')),
      find: () => Promise.reject(new Error('disk I/O error')),
      commit: () => Promise.reject(new Error('disk I/O error')),
      close: () => undefined,
    };
    const ctx = { ...world.context(ALICE.openid), store: broken, personKey: personKeyer('0'.repeat(64)) };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = (await dispatch('resident', residentActions, ctx, { action: 'overview' })) as Result<never>;
    errors.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
  });
});
