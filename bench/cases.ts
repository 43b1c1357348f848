// The load's cases: what residents and staff do most, each request another seeded resident or application.
import { districtName } from '../miniprogram/domain/districts';
import type { LoadCase } from './load';
import type { PlanCase } from './plans';
import type { PreparedDeclaration, SeedResult } from './seed';

/** The officers the load acts as, granted through the host's development route before the load. */
export const DISTRICT_OFFICER = { openid: 'bench-officer-yuelu', districts: ['430104'] };
export const CITY_OFFICER = { openid: 'bench-officer-city', districts: 'all' as const };

/** Round-robin over a list: every request takes the next item. */
function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('the seed sampled nothing to load with');
  let i = 0;
  return () => items[i++ % items.length];
}

const call = (action: string, payload?: unknown) => JSON.stringify(payload === undefined ? { action } : { action, payload });

export function loadCases(seed: SeedResult, declarations: PreparedDeclaration[]): LoadCase[] {
  const resident = cycle(seed.sample.residents);
  const own = cycle(seed.sample.residents.flatMap((r) => r.applicationIds.map((id) => ({ openid: r.openid, id }))));
  const application = cycle(seed.sample.applications);
  // The district officer searches for applications of their own district, as at its counter.
  const ownDistrict = seed.sample.applications.filter((a) => a.district === DISTRICT_OFFICER.districts[0]);
  const searched = cycle(ownDistrict);
  const ready = cycle(ownDistrict.filter((a) => a.pickupCode !== undefined));
  const search = (query: string) => ({ openid: DISTRICT_OFFICER.openid, body: call('queue', { query }) });
  let submitted = 0;
  return [
    { name: 'resident overview', next: () => ({ openid: resident().openid, body: call('overview') }) },
    { name: 'resident listApplications', next: () => ({ openid: resident().openid, body: call('listApplications', {}) }) },
    {
      name: 'resident getApplication (own)',
      next: () => {
        const { openid, id } = own();
        return { openid, body: call('getApplication', { id }) };
      },
    },
    { name: `staff queue (${districtName(DISTRICT_OFFICER.districts[0])} officer)`, next: () => ({ openid: DISTRICT_OFFICER.openid, body: call('queue', {}) }) },
    { name: 'staff queue (city-wide officer)', next: () => ({ openid: CITY_OFFICER.openid, body: call('queue', {}) }) },
    { name: 'staff queue search by name', next: () => search(searched().name) },
    { name: 'staff queue search by ID digits', next: () => search(searched().idTail) },
    { name: 'staff queue search by pickup code', next: () => search(ready().pickupCode!) },
    // Each view of the full ID number is recorded: this case writes too.
    { name: 'staff getApplication', next: () => ({ openid: CITY_OFFICER.openid, body: call('getApplication', { id: application().id }) }) },
    // Thirty days of the district's totals (kept or counted from those days' events) and its waiting backlog.
    { name: 'staff stats', next: () => ({ openid: DISTRICT_OFFICER.openid, body: call('stats', {}) }) },
    // Last: it adds applications. The final prepared declaration is kept back for the plans.
    {
      name: 'resident submitDeclaration',
      limit: declarations.length - 1,
      next: () => {
        const d = declarations[Math.min(submitted++, declarations.length - 2)];
        return { openid: d.openid, body: d.body };
      },
    },
  ];
}

/** One request of each case, for the plans; the submission is the one the load kept back. */
export function planCases(cases: LoadCase[], declarations: PreparedDeclaration[]): PlanCase[] {
  return cases.map((c) => {
    const { openid, body } = c.name === 'resident submitDeclaration' ? declarations[declarations.length - 1] : c.next!();
    return { name: c.name, openid, body };
  });
}
