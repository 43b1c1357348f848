// Supervisors grant and revoke staff roles of their own districts through the staff function, each change
// recorded with who made it; nobody else may, and nobody changes their own role.
import { docsOf, WHOLE_COLLECTION } from '../../server/store/pages';
import type { AuditRecord } from '../../server/handlers/staff/grants';
import { createWorld, type World } from '../support/world';

const CHIEF = 'chief-yuelu';
const CITY_CHIEF = 'chief-city';
const OFFICER = 'officer-new';

let world: World;
let sequence = 0;
const rid = () => `grant-${++sequence}`;

beforeEach(async () => {
  world = createWorld();
  await world.store.commit([
    { op: 'create', collection: 'staff', id: CHIEF, doc: { districts: ['430104', '430111'], name: '周建华', badge: 'CS01234', supervisor: true } },
    { op: 'create', collection: 'staff', id: CITY_CHIEF, doc: { districts: 'all', name: '陈立', badge: 'CS00001', supervisor: true } },
    { op: 'create', collection: 'staff', id: 'officer-yuelu', doc: { districts: ['430104'], name: '李强', badge: 'CS02001' } },
    { op: 'create', collection: 'staff', id: 'officer-liuyang', doc: { districts: ['430181'], name: '王敏', badge: 'CS03001' } },
  ]);
});
afterEach(() => world.close());

const audit = async () => {
  const entries: AuditRecord[] = [];
  for await (const doc of docsOf<AuditRecord>(world.store, 'audit', WHOLE_COLLECTION)) entries.push(doc);
  return entries;
};
const grant = (caller: string, payload: Record<string, unknown>, requestId = rid()) => world.staff(caller, 'grantStaff', { name: '赵新', badge: 'CS09999', ...payload }, requestId);

describe('grantStaff', () => {
  it('gives a role within the supervisor’s districts, which the staff function then honours, and records who gave it', async () => {
    expect(await world.staff(OFFICER, 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const granted = await grant(CHIEF, { openid: OFFICER, districts: ['430104'] });
    expect(granted).toEqual({ ok: true, data: { openid: OFFICER, districts: ['430104'], name: '赵新', badge: 'CS09999', supervisor: false } });
    expect(await world.staff(OFFICER, 'queue', {})).toMatchObject({ ok: true });
    expect(await audit()).toEqual([
      expect.objectContaining({
        action: 'grantStaff',
        actor: { openid: CHIEF, name: '周建华', badge: 'CS01234' },
        openid: OFFICER,
        before: null,
        after: { districts: ['430104'], name: '赵新', badge: 'CS09999', supervisor: false },
        at: world.now,
      }),
    ]);
  });

  it('changes an existing role of the supervisor’s districts, keeping what it was in the audit', async () => {
    expect(await grant(CHIEF, { openid: 'officer-yuelu', districts: ['430104', '430111'], name: '李强', badge: 'CS02001', supervisor: true })).toMatchObject({ ok: true });
    expect(await world.store.get('staff', 'officer-yuelu')).toMatchObject({ districts: ['430104', '430111'], supervisor: true, _version: 2 });
    expect((await audit())[0]).toMatchObject({ before: { districts: ['430104'] }, after: { districts: ['430104', '430111'], supervisor: true } });
  });

  it('lets a city-wide supervisor grant the whole city and the supervisor role', async () => {
    expect(await grant(CITY_CHIEF, { openid: OFFICER, districts: 'all', supervisor: true })).toMatchObject({ ok: true, data: { districts: 'all', supervisor: true } });
  });

  it('refuses districts beyond the supervisor’s own, and a role that reaches beyond them, writing nothing', async () => {
    const before = await world.counts();
    expect(await grant(CHIEF, { openid: OFFICER, districts: ['430104', '430181'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { districts: '只能授予您所辖辖区的权限' } },
    });
    expect(await grant(CHIEF, { openid: OFFICER, districts: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { districts: expect.any(String) } } });
    // 浏阳市's officer is not this supervisor's to change, even into one of their districts.
    expect(await grant(CHIEF, { openid: 'officer-liuyang', districts: ['430104'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.counts()).toEqual(before);
  });

  it('is for supervisors alone, and never for one’s own role', async () => {
    expect(await grant('officer-yuelu', { openid: OFFICER, districts: ['430104'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await grant('resident-alice', { openid: OFFICER, districts: ['430104'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await grant(CHIEF, { openid: CHIEF, districts: ['430104'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await audit()).toEqual([]);
  });

  it('names every bad field at once, and needs a request id', async () => {
    const answer = await world.staff(CHIEF, 'grantStaff', { openid: 'has space', districts: ['110101'], name: '1', badge: '警号', supervisor: 'yes' }, rid());
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(Object.keys((answer as { error: { fields: object } }).error.fields).sort()).toEqual(['badge', 'districts', 'name', 'openid', 'supervisor']);
    expect(await world.staff(CHIEF, 'grantStaff', { openid: OFFICER, districts: ['430104'], name: '赵新', badge: 'CS09999' })).toMatchObject({
      ok: false,
      error: { fields: { requestId: expect.any(String) } },
    });
  });

  it('answers a repeated request with its first result and records it once', async () => {
    const first = await grant(CHIEF, { openid: OFFICER, districts: ['430104'] }, 'same');
    expect(await grant(CHIEF, { openid: OFFICER, districts: ['430111'] }, 'same')).toEqual(first);
    expect(await audit()).toHaveLength(1);
  });
});

describe('profile', () => {
  it('answers the caller’s own record, and nobody else’s', async () => {
    expect(await world.staff(CHIEF, 'profile')).toEqual({ ok: true, data: { openid: CHIEF, districts: ['430104', '430111'], name: '周建华', badge: 'CS01234', supervisor: true } });
    expect(await world.staff('officer-yuelu', 'profile', {})).toMatchObject({ ok: true, data: { openid: 'officer-yuelu', supervisor: false } });
    expect(await world.staff('resident-alice', 'profile')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('revokeStaff', () => {
  it('takes the role of an officer of the supervisor’s districts, recording what it was', async () => {
    expect(await world.staff(CHIEF, 'revokeStaff', { openid: 'officer-yuelu' }, rid())).toEqual({ ok: true, data: { revoked: true } });
    expect(await world.staff('officer-yuelu', 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await audit()).toEqual([
      expect.objectContaining({ action: 'revokeStaff', openid: 'officer-yuelu', before: { districts: ['430104'], name: '李强', badge: 'CS02001' }, after: null }),
    ]);
  });

  it('knows no one outside the supervisor’s districts, nor anyone who is not staff, and never revokes oneself', async () => {
    expect(await world.staff(CHIEF, 'revokeStaff', { openid: 'officer-liuyang' }, rid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.staff(CHIEF, 'revokeStaff', { openid: 'nobody' }, rid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await world.staff(CHIEF, 'revokeStaff', { openid: CHIEF }, rid())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.staff('officer-yuelu', 'revokeStaff', { openid: OFFICER }, rid())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await world.store.get('staff', 'officer-liuyang')).not.toBeNull();
    expect(await audit()).toEqual([]);
  });
});
