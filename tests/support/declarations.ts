// A valid declaration for tests, the steps a resident takes to submit one, and the later services' applications.
import { APPLY_ACTIONS, type ApplicationView, type DeclarationPayload, type LaterService, type ReissueReason, type Result } from '../../miniprogram/domain/contract';
import { requiredMaterials } from '../../miniprogram/domain/materials';
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
  const fields = declarationFields(person);
  return {
    verificationToken: await verify(world, person.openid, person.name, person.idNumber),
    ...fields,
    residence: { ...fields.residence, ...overrides.residence },
    materials: { idFront: await world.upload(person.openid), proofs: [await world.upload(person.openid)] },
  };
}

/** What a declaration says of the person and where they live, beside the token and the photos. */
export function declarationFields(person: { name: string; idNumber: string }): Pick<DeclarationPayload, 'consent' | 'applicant' | 'residence'> {
  return {
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
    },
  };
}

let sequence = 0;
export async function declare(world: World, person = ALICE, overrides: Parameters<typeof declarationPayload>[2] = {}): Promise<ApplicationView> {
  const payload = await declarationPayload(world, person, overrides);
  return unwrap(await world.call<ApplicationView>(person.openid, 'submitDeclaration', payload, `req-${++sequence}`));
}

/**
 * A later service's payload as the flow sends it: the service's notice, and one fresh upload for
 * each material the service (and a replacement's reason) needs; `extra` adds or overrides fields.
 */
export async function servicePayload(
  service: LaterService,
  verificationToken: string,
  upload: () => Promise<string>,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const materials: Record<string, string | string[]> = {};
  for (const { field, multiple } of requiredMaterials(service, 'rent', extra.reason as ReissueReason | undefined)) {
    materials[field] = multiple ? [await upload()] : await upload();
  }
  return { verificationToken, consent: { noticeVersion: NOTICES[service].version }, materials, ...extra };
}

/** Applies for a later service as the flow does: a face check of the approved declaration's person, then the payload. */
export async function applyService(world: World, openid: string, service: LaterService, extra: Record<string, unknown> = {}): Promise<Result<ApplicationView>> {
  const { verifyId } = unwrap(await world.call<{ verifyId: string }>(openid, 'startVerification', {}));
  const token = unwrap(await world.call<{ verificationToken: string }>(openid, 'finishVerification', { verifyId })).verificationToken;
  const payload = await servicePayload(service, token, () => world.upload(openid), extra);
  return world.call<ApplicationView>(openid, APPLY_ACTIONS[service], payload, `req-${++sequence}`);
}

/**
 * ALICE's permit, from her declaration (made at the world's start, 2026-08-31) to a card approved on
 * 2027-03-31 (a month end) and collected the next day: its first endorsement window is 2028-02-29 to
 * 2028-03-30, and it lapses on 2028-03-31. `officer` decides; `rid` names each decision's request.
 */
export async function collectedPermit(world: World, officer: string, rid: () => string): Promise<ApplicationView> {
  const declaration = await declare(world, ALICE);
  unwrap(await world.staff(officer, 'approve', { id: declaration.id }, rid()));
  world.setNow('2027-02-28T10:00:00+08:00');
  const permit = unwrap(await applyService(world, ALICE.openid, 'permit'));
  world.setNow('2027-03-31T10:00:00+08:00');
  unwrap(await world.staff(officer, 'approve', { id: permit.id }, rid()));
  unwrap(await world.staff(officer, 'markReady', { id: permit.id }, rid()));
  world.setNow('2027-04-01T10:00:00+08:00');
  unwrap(await world.staff(officer, 'markCollected', { id: permit.id, idCardChecked: true }, rid()));
  return permit;
}
