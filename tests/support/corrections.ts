// A correction round as the resubmission tests need it: staff ask for items, and a resubmission that must
// be refused is checked to have written nothing and left the application waiting for its correction.
import type { ApplicationDetail } from '../../miniprogram/domain/contract';
import { unwrap, type World } from './world';

/** Staff ask the applicant to correct `items` of application `id`, each with a plain message. */
export async function askCorrection(world: World, officer: string, id: string, items: string[], requestId: string): Promise<void> {
  unwrap(await world.staff(officer, 'requestCorrection', { id, items: items.map((item) => ({ item, message: '请补正' })) }, requestId));
}

/** Resubmits `changes` expecting INVALID_INPUT with nothing written; answers the fields it named. */
export async function refusedResubmit(world: World, openid: string, id: string, changes: Record<string, unknown>, requestId: string): Promise<Record<string, string>> {
  const before = await world.counts();
  const result = await world.call(openid, 'resubmit', { id, ...changes }, requestId);
  if (result.ok) throw new Error(`resubmit of ${JSON.stringify(changes)} was accepted`);
  expect(result.error.code).toBe('INVALID_INPUT');
  // Refused: nothing written, and the application still waits for its correction.
  expect(await world.counts()).toEqual(before);
  expect(unwrap(await world.call<ApplicationDetail>(openid, 'getApplication', { id })).status).toBe('correction_requested');
  return result.error.fields ?? {};
}
