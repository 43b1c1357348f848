// The notification configuration: development defaults, overrides from the environment, and one clear line for a bad value.
import { NOTIFICATION_EVENTS } from '../../miniprogram/domain/notifications';
import { DEFAULT_NOTIFICATION_CONFIG, envName, pageFor, readNotificationConfig } from '../../server/notifications/config';

it('gives every event a template, its keys and a page by default', () => {
  const config = readNotificationConfig({});
  expect(config).toEqual(DEFAULT_NOTIFICATION_CONFIG);
  for (const event of NOTIFICATION_EVENTS) {
    expect(config.templates[event].templateId).toBe(`dev-${event}`);
    expect(Object.keys(config.templates[event].keys).sort()).toEqual(['action', 'date', 'service', 'status']);
  }
  expect(pageFor(config.templates.review_approved, 'a b')).toBe('pages/application/index?id=a%20b');
});

it('reads template ids, keys, pages and bounds from the environment', () => {
  const config = readNotificationConfig({
    [envName('ready_for_pickup', 'TEMPLATE')]: 'Tmpl_123-abc',
    [envName('ready_for_pickup', 'KEYS')]: 'service=thing2, status=thing5, date=date1, action=thing9',
    [envName('permit_open', 'PAGE')]: 'pages/apply/index?service=permit',
    NOTIFY_MAX_ATTEMPTS: '3',
    NOTIFY_BATCH_SIZE: '10',
    NOTIFY_RUN_BATCHES: '4',
  });
  expect(config.templates.ready_for_pickup).toEqual({
    templateId: 'Tmpl_123-abc',
    keys: { service: 'thing2', status: 'thing5', date: 'date1', action: 'thing9' },
    page: DEFAULT_NOTIFICATION_CONFIG.templates.ready_for_pickup.page,
  });
  expect(config.templates.permit_open.page).toBe('pages/apply/index?service=permit');
  expect(config.maxAttempts).toBe(3);
  expect(config.batchSize).toBe(10);
  expect(config.runBatches).toBe(4);
});

it.each([
  [envName('review_approved', 'KEYS'), 'service=thing1,status=phrase2,date=thing3,action=thing4', /NOTIFY_REVIEW_APPROVED_KEYS/],
  [envName('review_approved', 'KEYS'), 'service=thing1,status=phrase2,date=date3', /no key for action/],
  [envName('review_approved', 'KEYS'), 'service=thing1,service=thing2,status=phrase2,date=date3,action=thing4', /once/],
  [envName('review_approved', 'TEMPLATE'), 'has space', /NOTIFY_REVIEW_APPROVED_TEMPLATE/],
  [envName('staff_overdue', 'PAGE'), 'https://example.com', /NOTIFY_STAFF_OVERDUE_PAGE/],
  ['NOTIFY_MAX_ATTEMPTS', '0', /NOTIFY_MAX_ATTEMPTS/],
  ['NOTIFY_BATCH_SIZE', 'ten', /NOTIFY_BATCH_SIZE/],
])('refuses %s=%s with one line naming it', (name, value, message) => {
  expect(() => readNotificationConfig({ [name]: value })).toThrow(message);
});
