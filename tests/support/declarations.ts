// A valid declaration for tests, the steps a resident takes to submit one, and the later services' applications.
import { APPLY_ACTIONS, type ApplicationView, type DeclarationPayload, type LaterService, type Result } from '../../miniprogram/domain/contract';
import { DECLARATION_NOTICE, NOTICES } from '../../miniprogram/domain/notices';
import { unwrap, type World } from './world';

export const ALICE = { openid: 'resident-alice', name: '李晓梅', idNumber: '430104199003071237' };
export const BOB = { openid: 'resident-bob', name: '王建国', idNumber: '43010219920815106X' };

export async function verify(world: World, openid: string, name: string, idNumber: string): Promise<string> {
  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(openid, 'startVerification', { name, idNumber }));
  return unwrap(await world.call<{ verificationToken: string }>(openid, 'finishVerification', { verifyId })).verificationToken;
}

export async function declarationPayload(
  world: World,
  person: { openid: string; name: string; idNumber: string },
  overrides: { residence?: Partial<DeclarationPayload['residence']> } = {},
): Promise<DeclarationPayload> {
  return {
    verificationToken: await verify(world, person.openid, person.name, person.idNumber),
    consent: { noticeVersion: DECLARATION_NOTICE.version },
    applicant: { name: person.name, idNumber: person.idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道 12 号' },
    residence: {
      district: '430104',
      street: '望月湖街道',
      address: '望月湖小区 3 栋 201',
      since: '2026-05-01',
      kind: 'rent',
      basis: 'employment',
      organisation: '长沙某某科技有限公司',
      ...overrides.residence,
    },
    materials: { idFront: await world.upload(person.openid), proofs: [await world.upload(person.openid)] },
  };
}

let sequence = 0;
export async function declare(
  world: World,
  person = ALICE,
  overrides: Parameters<typeof declarationPayload>[2] = {},
): Promise<ApplicationView> {
  const payload = await declarationPayload(world, person, overrides);
  return unwrap(await world.call<ApplicationView>(person.openid, 'submitDeclaration', payload, `req-${++sequence}`));
}

/**
 * Applies for a later service as the flow does: a face check of the approved declaration's person,
 * fresh uploads of what the service needs, the service's notice; `extra` adds or overrides fields.
 */
export async function applyService(
  world: World,
  openid: string,
  service: LaterService,
  extra: Record<string, unknown> = {},
): Promise<Result<ApplicationView>> {
  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(openid, 'startVerification', {}));
  const token = unwrap(await world.call<{ verificationToken: string }>(openid, 'finishVerification', { verifyId })).verificationToken;
  const file = () => world.upload(openid);
  const materials =
    service === 'reissue'
      ? { idFront: await file(), photo: await file() }
      : { idFront: await file(), proofs: [await file()], ...(service === 'permit' ? { photo: await file() } : {}) };
  const payload = { verificationToken: token, consent: { noticeVersion: NOTICES[service].version }, materials, ...extra };
  return world.call<ApplicationView>(openid, APPLY_ACTIONS[service], payload, `req-${++sequence}`);
}
