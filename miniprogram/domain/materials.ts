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

const PROOF_HINTS: Readonly<Record<ResidenceKind, string>> = {
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
export function requiredMaterials(
  service: ApplicationKind,
  residenceKind: ResidenceKind,
  reissueReason?: ReissueReason,
): MaterialRequirement[] {
  const idFront: MaterialRequirement = { field: 'idFront', label: '身份证正面照', hint: '本人居民身份证人像面', multiple: false };
  const photo: MaterialRequirement = { field: 'photo', label: '本人相片', hint: '近期免冠证件照，用于制作居住证', multiple: false };
  if (service === 'reissue') {
    const list = [idFront, photo];
    if (reissueReason === 'damaged') {
      list.push({ field: 'damagedCard', label: '损坏的居住证照片', hint: '拍摄原居住证正面', multiple: false });
    }
    return list;
  }
  const list: MaterialRequirement[] = [
    idFront,
    { field: 'proofs', label: '居住证明', hint: `${PROOF_HINTS[residenceKind]}，1–${MAX_PROOFS} 张`, multiple: true },
  ];
  if (needsRelationStatement(residenceKind)) {
    list.push({ field: 'relationStatement', label: '关系说明', hint: '与承租人或房主关系的书面说明', multiple: false });
  }
  if (service === 'permit') list.push(photo);
  return list;
}
