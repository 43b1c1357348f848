// The colour of a status's tag, the same on every list: blue waits for staff, orange for the resident,
// green is good news, red a refusal, grey is finished.
import type { Status } from '../domain/contract';

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export const STATUS_TAGS: Readonly<Record<Status, TagType>> = {
  pending: 'primary',
  correction_requested: 'warning',
  approved: 'success',
  ready: 'success',
  collected: 'default',
  rejected: 'danger',
  withdrawn: 'default',
  superseded: 'default',
};
