// Chinese names of the contract's values and the words the screens share, for pages and messages.
import type { ApplicationKind, Basis, ReissueReason, ResidenceKind, Status } from './contract';
import { MATERIAL_FIELDS, MATERIAL_LABELS } from './materials';
import { UNCONFIRMED } from './pickupPlaces';
import { ORGANISATION_NAMES } from './residence';

export const KIND_LABELS: Readonly<Record<ApplicationKind, string>> = {
  declaration: '居住信息申报',
  permit: '核发居住证',
  voucher: '居住登记凭证申领',
  reissue: '居住证补领/换领',
  endorsement: '居住证签注',
};

/** Statuses as the resident reads them: where their own application stands. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  pending: '审核中',
  correction_requested: '待补正',
  approved: '已通过',
  rejected: '未通过',
  ready: '待领取',
  collected: '已领取',
  withdrawn: '已撤回',
  superseded: '已由新申报取代',
};

/**
 * Statuses as staff read them: what each application waits for, and from whom. Two words differ on
 * purpose, for the other side of the counter: a pending application waits for the reviewer (待审核, where
 * the resident reads 审核中), and one sent back waits for the applicant (待申请人补正, where the resident,
 * who is that applicant, reads 待补正).
 */
export const STAFF_STATUS_LABELS: Readonly<Record<Status, string>> = {
  ...STATUS_LABELS,
  pending: '待审核',
  correction_requested: '待申请人补正',
};

/** An approved card still has to be made: staff read it as waiting for them. */
export const CARD_TO_MAKE_LABEL = '待制证';

/** The review deadline `dueOn`, by one name on every screen. */
export const DUE_LABEL = '审核期限';

/** How the card fee is paid is the counter's to say, like every detail of a place not confirmed. */
export const FEE_PAYMENT_NOTE = `缴纳方式${UNCONFIRMED}`;

/** A permit date counted from a declaration not yet approved: shown, and said to be provisional. */
export const PROVISIONAL_NOTE = '暂定，申报审核通过后确定';

export const RESIDENCE_KIND_LABELS: Readonly<Record<ResidenceKind, string>> = {
  rent: '租赁房屋',
  own: '自有住房',
  relative: '借住亲属住房',
  dormitory: '单位或学校宿舍',
  other: '其他',
};

export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  employment: '合法稳定就业',
  residence: '合法稳定住所',
  study: '连续就读',
};

export const REISSUE_REASON_LABELS: Readonly<Record<ReissueReason, string>> = {
  lost: '遗失补领',
  damaged: '损坏换领',
  expired: '有效期满换领',
  changed: '信息变更换领',
};

export const SEX_LABELS = { male: '男', female: '女' } as const;

/** Names of the payload paths a correction request or an error can point at. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  'applicant.name': '姓名',
  'applicant.idNumber': '公民身份号码',
  'applicant.ethnicity': '民族',
  'applicant.mobile': '手机号码',
  'applicant.hukouAddress': '户籍地址',
  'residence.district': '所在区县',
  'residence.street': '街道/社区',
  'residence.address': '详细地址',
  'residence.since': '居住起始日期',
  'residence.kind': '住所类型',
  'residence.basis': '申领依据',
  'residence.organisation': Object.values(ORGANISATION_NAMES).join('或'),
  'contact.mobile': '手机号码',
  ...Object.fromEntries(MATERIAL_FIELDS.map((field) => [`materials.${field}`, MATERIAL_LABELS[field]])),
};

/** A payload path's name, or the path itself when it has none (an own entry only: never `constructor`'s function). */
export function fieldLabel(path: string): string {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, path) ? FIELD_LABELS[path] : path;
}

/** Names of the other text fields, by the last part of their path (`items.0.message` is a message). */
const TEXT_LABELS: Readonly<Record<string, string>> = {
  name: '姓名',
  idNumber: '公民身份号码',
  verificationToken: '人脸识别验证结果',
  note: '审核意见',
  message: '补正说明',
  reasons: '不予通过的理由',
};

/** The name of a text field for a message, or undefined when it has none. */
export function textLabel(path: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(FIELD_LABELS, path)) return FIELD_LABELS[path];
  const last = path.slice(path.lastIndexOf('.') + 1);
  return Object.prototype.hasOwnProperty.call(TEXT_LABELS, last) ? TEXT_LABELS[last] : undefined;
}
