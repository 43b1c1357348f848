// subscriptionTemplates: the phone learns each template id from the server's configuration, residents their events, staff the overdue count.
import { NOTIFICATION_EVENTS } from '../../miniprogram/domain/notifications';
import type { Context } from '../../server/context';
import { runFunction } from '../../server/functions';
import { readNotificationConfig } from '../../server/notifications/config';
import { developmentNotifier } from '../../server/notifications/development';
import { createWorld, unwrap, type World } from '../support/world';

const RESIDENT = 'resident-templates';
const OFFICER = 'staff-templates';

let world: World;

beforeEach(async () => {
  world = createWorld('2026-09-01T10:00:00+08:00');
  await world.grant(OFFICER, ['430104']);
});
afterEach(() => world.close());

/** A context whose configuration comes from these environment variables, as an entry reads them. */
function configured(openid: string, env: NodeJS.ProcessEnv): Context {
  return { ...world.context(openid), notifications: { config: readNotificationConfig(env), notifier: developmentNotifier(world.store) } };
}

describe('resident subscriptionTemplates', () => {
  it('answers every resident event with its development template id, and not the staff count', async () => {
    const { templates } = unwrap(await world.call<{ templates: Record<string, string> }>(RESIDENT, 'subscriptionTemplates'));
    const residentEvents = NOTIFICATION_EVENTS.filter((event) => event !== 'staff_overdue');
    expect(templates).toEqual(Object.fromEntries(residentEvents.map((event) => [event, `dev-${event}`])));
    expect(templates).not.toHaveProperty('staff_overdue');
  });

  it('answers the ids the configuration sets', async () => {
    const ctx = configured(RESIDENT, { NOTIFY_REVIEW_APPROVED_TEMPLATE: 'tmplApproved_01', NOTIFY_PERMIT_OPEN_TEMPLATE: 'tmplPermit_02' });
    const result = await runFunction('resident', ctx, { action: 'subscriptionTemplates' });
    expect(result).toMatchObject({ ok: true, data: { templates: { review_approved: 'tmplApproved_01', permit_open: 'tmplPermit_02', review_rejected: 'dev-review_rejected' } } });
  });

  it('takes an empty payload, refuses one that is not an object, and writes nothing', async () => {
    const before = await world.counts();
    expect(await world.call(RESIDENT, 'subscriptionTemplates', {})).toMatchObject({ ok: true });
    expect(await world.call(RESIDENT, 'subscriptionTemplates', 'x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
    expect(await world.counts()).toEqual(before);
  });
});

describe('staff subscriptionTemplates', () => {
  it('answers the overdue count alone, as configured', async () => {
    expect(unwrap(await world.staff(OFFICER, 'subscriptionTemplates'))).toEqual({ templates: { staff_overdue: 'dev-staff_overdue' } });
    const ctx = configured(OFFICER, { NOTIFY_STAFF_OVERDUE_TEMPLATE: 'tmplOverdue_03' });
    expect(await runFunction('staff', ctx, { action: 'subscriptionTemplates' })).toEqual({ ok: true, data: { templates: { staff_overdue: 'tmplOverdue_03' } } });
  });

  it('is refused to a caller without a staff record', async () => {
    expect(await world.staff(RESIDENT, 'subscriptionTemplates')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
