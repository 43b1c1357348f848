// Which materials each service and kind of residence needs (product.md, "Materials").
import type { ApplicationKind, ReissueReason, ResidenceKind } from './contract';

export const MAX_PROOFS = 5;

export const MATERIAL_FIELDS = ['idFront', 'proofs', 'relationStatement', 'photo', 'damagedCard'] as const;
export type MaterialField = (typeof MATERIAL_FIELDS)[number];

export interface MaterialRequirement {
  field: MaterialField;
  label: string;
  hint: string;
  /** proofs take 1–MAX_PROOFS photos; every other material takes one. */
  multiple: boolean;
}

/** Each material's name, the one every screen and message uses. */
export const MATERIAL_LABELS: Readonly<Record<MaterialField, string>> = {
  idFront: '身份证人像面照片',
  proofs: '居住地址证明',
  relationStatement: '关系说明',
  photo: '本人相片',
  damagedCard: '损坏的居住证照片',
};

/** What to photograph for each material; the proofs' hint depends on the kind of residence. */
export const MATERIAL_HINTS: Readonly<Record<Exclude<MaterialField, 'proofs'>, string>> = {
  idFront: '拍摄本人居民身份证有头像的一面',
  relationStatement: '与承租人或房主关系的书面说明',
  photo: '近期免冠证件照，用于制作居住证',
  damagedCard: '拍摄原居住证正面',
};

/** The proof of the address each kind of residence gives. */
export const PROOF_HINTS: Readonly<Record<ResidenceKind, string>> = {
  rent: '房屋租赁合同',
  own: '房产证或购房合同',
  relative: '亲属的房产证或购房合同',
  dormitory: '集体宿舍居住证明',
  other: '能证明居住地址的材料',
};

/** A relative's home or any other case needs a written statement of the relation to the tenant or owner. */
export function needsRelationStatement(kind: ResidenceKind): boolean {
  return kind === 'relative' || kind === 'other';
}

/** The materials, in upload order, for a service; the residence kind decides the proofs. */
export function requiredMaterials(service: ApplicationKind, residenceKind: ResidenceKind, reissueReason?: ReissueReason): MaterialRequirement[] {
  const one = (field: Exclude<MaterialField, 'proofs'>): MaterialRequirement => ({ field, label: MATERIAL_LABELS[field], hint: MATERIAL_HINTS[field], multiple: false });
  if (service === 'reissue') {
    const list = [one('idFront'), one('photo')];
    if (reissueReason === 'damaged') list.push(one('damagedCard'));
    return list;
  }
  const list: MaterialRequirement[] = [one('idFront'), { field: 'proofs', label: MATERIAL_LABELS.proofs, hint: PROOF_HINTS[residenceKind], multiple: true }];
  if (needsRelationStatement(residenceKind)) list.push(one('relationStatement'));
  if (service === 'permit') list.push(one('photo'));
  return list;
}
