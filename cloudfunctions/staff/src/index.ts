// The `staff` cloud function: its handlers, with the caller's identity from the platform (server/cloud/entry.ts).
import { cloudEntry } from '../../../server/cloud/entry';

export const main = cloudEntry('staff');
