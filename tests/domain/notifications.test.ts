// The subscribe messages: every event's template data within WeChat's field limits whatever the place or count, and the id scheme.
import fc from 'fast-check';
import { APPLICATION_KINDS } from '../../miniprogram/domain/contract';
import {
  FIELD_LIMITS,
  fieldKindOf,
  fitField,
  messageDate,
  messageSlots,
  NOTIFICATION_EVENTS,
  notificationId,
  templateData,
  type MessageFacts,
  type TemplateData,
} from '../../miniprogram/domain/notifications';
import { DEFAULT_NOTIFICATION_CONFIG } from '../../server/notifications/config';

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const kind = fc.constantFrom(...APPLICATION_KINDS);
/** Places and texts as long and odd as they come: Chinese, emoji, spaces, Latin. */
const place = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: fc.constantFrom('派', '出', '所', '😀', ' ', 'a', '\u3000'), maxLength: 200 }));

const facts: fc.Arbitrary<MessageFacts> = fc.oneof(
  fc.record({ event: fc.constant('review_approved' as const), kind, on: date }),
  fc.record({ event: fc.constant('review_approved' as const), kind: fc.constant('declaration' as const), on: date, permitOpensOn: date }),
  fc.record({ event: fc.constant('review_rejected' as const), kind, on: date }),
  fc.record({ event: fc.constant('correction_requested' as const), kind, on: date, itemCount: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ event: fc.constantFrom('ready_for_pickup' as const, 'pickup_reminder' as const), kind, on: date, place }),
  fc.record({ event: fc.constant('permit_open' as const), on: date }),
  fc.record({ event: fc.constantFrom('endorsement_window_open' as const, 'endorsement_closing' as const), on: date, closesOn: date }),
  fc.record({ event: fc.constant('endorsement_lapsed' as const), on: date }),
  fc.record({ event: fc.constant('staff_overdue' as const), on: date, count: fc.integer({ min: 1, max: 1e12 }) }),
);

/** The keys a template may use: every kind WeChat names that a slot can be mapped to. */
const keySets = fc.constantFrom(
  DEFAULT_NOTIFICATION_CONFIG.templates.review_approved.keys,
  { service: 'thing7', status: 'thing8', date: 'date9', action: 'thing10' },
  { service: 'thing1', status: 'phrase3', date: 'date2', action: 'thing5' },
);

function expectWithinLimits(data: TemplateData): void {
  for (const [key, { value }] of Object.entries(data)) {
    const kindOfKey = fieldKindOf(key);
    expect(value).not.toBe('');
    if (kindOfKey === 'thing') expect(Array.from(value).length).toBeLessThanOrEqual(FIELD_LIMITS.thing);
    if (kindOfKey === 'phrase') expect(value).toMatch(/^\p{Script=Han}{1,5}$/u);
    if (kindOfKey === 'date') expect(value).toMatch(/^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/);
  }
}

describe('template data', () => {
  it('covers every event of the contract', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(facts, (f) => {
        seen.add(f.event);
      }),
      { seed: 7, numRuns: 500 },
    );
    expect([...seen].sort()).toEqual([...NOTIFICATION_EVENTS].sort());
  });

  it('keeps every field of every event within WeChat limits, for long places and large counts', () => {
    fc.assert(
      fc.property(facts, keySets, (f, keys) => {
        const data = templateData(f, keys);
        expect(Object.keys(data).sort()).toEqual(Object.values(keys).sort());
        expectWithinLimits(data);
      }),
      { seed: 20270301, numRuns: 2000 },
    );
  });

  it('says what happened, what to do and by when', () => {
    const keys = DEFAULT_NOTIFICATION_CONFIG.templates.ready_for_pickup.keys;
    expect(templateData({ event: 'ready_for_pickup', kind: 'permit', on: '2027-03-01', place: '金盾路30号大厅' }, keys)).toEqual({
      thing1: { value: '核发居住证' },
      phrase2: { value: '待领取' },
      date3: { value: '2027年3月1日' },
      thing4: { value: '请到金盾路30号大厅领取' },
    });
    const closing = templateData({ event: 'endorsement_closing', on: '2028-02-22', closesOn: '2028-02-29' }, keys);
    expect(closing.date3.value).toBe('2028年2月29日');
    expect(closing.thing4.value).toContain('2月29日');
  });

  it('cuts a long thing with an ellipsis and keeps only Chinese characters in a phrase', () => {
    expect(fitField('thing', '长'.repeat(30))).toBe(`${'长'.repeat(19)}…`);
    expect(Array.from(fitField('thing', '😀'.repeat(30))).length).toBe(20);
    expect(fitField('phrase', '审核 OK 通过了吗')).toBe('审核通过了吗'.slice(0, 5));
    expect(fitField('character_string', 'AB-12 中文 x'.repeat(10)).length).toBeLessThanOrEqual(32);
    expect(messageDate('2027-03-01')).toBe('2027年3月1日');
  });
});

describe('what an approval tells the person to do', () => {
  it.each([
    ['declaration', '申报已生效'],
    ['permit', '制证完成后将通知领取'],
    ['voucher', '制证完成后将通知领取'],
    ['endorsement', '居住证继续有效一年'],
  ] as const)('a %s: %s', (kind, action) => {
    expect(messageSlots({ event: 'review_approved', kind, on: '2028-02-01' }).action).toBe(action);
  });
});

describe('notification ids', () => {
  it('are <event>:<application or person>:<occurrence>', () => {
    expect(notificationId('review_approved', 'app1', 3)).toBe('review_approved:app1:000003');
    expect(notificationId('pickup_reminder', 'app1', '2027-03-08')).toBe('pickup_reminder:app1:2027-03-08');
    expect(notificationId('permit_open', 'person', '2027-03-01')).toBe('permit_open:person:2027-03-01');
  });

  it('differ whenever the event, the subject or the occurrence differs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTIFICATION_EVENTS),
        fc.constantFrom(...NOTIFICATION_EVENTS),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (e1, e2, s1, s2, o1, o2) => {
          const same = e1 === e2 && s1 === s2 && o1 === o2;
          expect(notificationId(e1, s1, o1) === notificationId(e2, s2, o2)).toBe(same);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});
