// The `scheduler` cloud function: run by its timer trigger alone (config.json), never by a caller (server/cloud/entry.ts).
import { cloudEntry } from '../../../server/cloud/entry';

export const main = cloudEntry('scheduler');
