// What the confirm step shows of the materials and the fee: each material with the thumbnails of the
// photos about to be sent, and the card fee as a fact of its own (nothing on this step can change it).
import { isCard, type ApplicationKind } from '../../domain/contract';
import { FEE_PAYMENT_NOTE } from '../../domain/labels';
import type { MaterialField, MaterialRequirement } from '../../domain/materials';
import type { UploadLists } from '../material-uploads/model';
import type { Row } from '../../utils/applicationRows';
import { feeText } from '../../utils/format';

/** One material as material-photos renders it: its label with the count, and the photos' addresses. */
export interface PhotoRow {
  label: string;
  urls: string[];
}

/**
 * The photos each required material is about to send, in order: the file ids the step reported, shown
 * through the addresses the uploads step holds for them (the picked photo, or a fresh link to a kept one).
 */
export function photoRows(requirements: readonly MaterialRequirement[], materials: Partial<Record<MaterialField, string | string[]>>, uploads: UploadLists): PhotoRow[] {
  return requirements.map((r) => {
    const value = materials[r.field];
    const ids = Array.isArray(value) ? value : value ? [value] : [];
    const items = uploads[r.field] ?? [];
    const urls = ids.map((id) => items.find((i) => i.fileId === id)?.url ?? '').filter((url) => url !== '');
    return { label: `${r.label}（${ids.length} 张）`, urls };
  });
}

/** A card's fee: the first permit is free, a replacement or renewal pays what the city sets. Other services show none. */
export function feeRows(service: ApplicationKind, fee: number): Row[] {
  if (!isCard(service)) return [];
  return [{ label: '证件工本费', value: feeText(fee), note: fee > 0 ? FEE_PAYMENT_NOTE : '首次申领居住证不收取工本费' }];
}
