// How long each text may be and how many of a thing one request may carry: the forms, their maxlength,
// the staff console and the server's parsers all read these, so no two of them can disagree.

/** A text's bounds in characters, counted as code points (a 汉字 is one). */
export interface Length {
  min: number;
  max: number;
}

/**
 * Longest identifier accepted. The longest are WeChat's: a verify_id runs to 256 characters, and a cloud
 * file id (`cloud://<env>.<bucket>/uploads/<owner tag>/<name>.jpg`) to about 135.
 */
export const MAX_ID_LENGTH = 256;

export const ID_NUMBER_LENGTH = 18;
export const MOBILE_LENGTH = 11;

export type LimitedField = 'name' | 'idNumber' | 'mobile' | 'hukouAddress' | 'street' | 'address' | 'organisation';

/** The self-check form's texts, by field: the page's maxlength is the max, the checks refuse the rest. */
export const FIELD_LENGTHS: Readonly<Record<LimitedField, Length>> = {
  name: { min: 2, max: 30 },
  idNumber: { min: ID_NUMBER_LENGTH, max: ID_NUMBER_LENGTH },
  mobile: { min: MOBILE_LENGTH, max: MOBILE_LENGTH },
  hukouAddress: { min: 5, max: 100 },
  street: { min: 2, max: 50 },
  address: { min: 2, max: 100 },
  organisation: { min: 2, max: 50 },
};

/** Each of those fields' maxlength on the page: the same max, so typing stops where the check would refuse. */
export const FIELD_MAXLENGTHS = Object.fromEntries(Object.entries(FIELD_LENGTHS).map(([field, { max }]) => [field, max])) as Readonly<Record<LimitedField, number>>;

/** A police badge number (警号): letters and digits. */
export const BADGE_LENGTH: Length = { min: 1, max: 20 };

/** Each text a reviewer writes: an approval's note, a correction's message, a refusal's reason. */
export const STAFF_TEXT_LENGTH: Length = { min: 1, max: 200 };

/** A refusal gives at least one reason and at most this many. */
export const MAX_REASONS = 10;

/**
 * A correction request lists at least one item and at most this many: more than any application has
 * correctable items, so the bound only stops a payload from making the server read a huge list.
 */
export const MAX_CORRECTION_ITEMS = 30;

/** What the pickup field takes: room for the code with spaces typed around it, which are forgiven. */
export const PICKUP_CODE_TYPED_MAX = 16;

/** What can be a pickup code (server/ids.ts counterCode: 8 letters or digits), in either case. */
export const PICKUP_CODE_SHAPE = /^[0-9A-Za-z]{8}$/;
