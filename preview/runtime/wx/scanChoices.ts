// What the preview's stand-in for wx.scanCode offers and answers: the ready applications' pickup codes
// from the local host (GET /api/dev/pickup-codes), named as a developer recognises them, and a pasted
// text read as a scanner would hand it over.
import type { ApplicationKind } from '../../../miniprogram/domain/contract';
import { districtName } from '../../../miniprogram/domain/districts';
import { KIND_LABELS } from '../../../miniprogram/domain/labels';

/** A ready application's code, as the route answers it (api.md: "Local host only"). */
export interface PickupCodeChoice {
  code: string;
  applicationId: string;
  kind: ApplicationKind;
  district: string;
}

/** What wx.scanCode answers for a QR code (errMsg is added by settle). */
export interface ScanResult {
  result: string;
  scanType: 'QR_CODE';
  charSet: 'utf-8';
}

export const PICKUP_CODES_ROUTE = '/api/dev/pickup-codes';

/** The code first (what the scan yields), then whose card it is. */
export function choiceLabel(choice: PickupCodeChoice): string {
  return `${choice.code} · ${KIND_LABELS[choice.kind] ?? choice.kind} · ${districtName(choice.district)}`;
}

/** A paste often brings a newline or spaces around the code; a scanner would not. Nothing left: nothing scanned. */
export function pastedText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function scanResult(text: string): ScanResult {
  return { result: text, scanType: 'QR_CODE', charSet: 'utf-8' };
}

interface Answer {
  ok?: boolean;
  data?: { items?: PickupCodeChoice[] };
  error?: { message?: string };
}

/** How the list is fetched: the page's fetch, never from the HTTP cache (the list changes as staff mark cards ready). */
export type FetchCodes = (url: string) => Promise<Pick<Response, 'json' | 'status'>>;
const fetchFresh: FetchCodes = (url) => fetch(url, { cache: 'no-store' } as RequestInit);

export async function readPickupCodes(fetchFrom: FetchCodes = fetchFresh): Promise<PickupCodeChoice[]> {
  const response = await fetchFrom(PICKUP_CODES_ROUTE);
  const body = (await response.json().catch(() => ({}))) as Answer;
  if (!body.ok || !Array.isArray(body.data?.items)) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body.data.items;
}
