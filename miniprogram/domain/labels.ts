// Chinese names of the contract's values, for pages and messages.
import type { ApplicationKind, Basis, ReissueReason, ResidenceKind, Status } from './contract';

export const KIND_LABELS: Readonly<Record<ApplicationKind, string>> = {
  declaration: '居住信息申报',
  permit: '核发居住证',
  voucher: '居住登记凭证申领',
  reissue: '居住证补领/换领',
};

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  pending: '审核中',
  correction_requested: '待补正',
  approved: '已通过',
  rejected: '未通过',
  ready: '待领取',
  collected: '已领取',
  withdrawn: '已撤回',
  superseded: '已更新',
};

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
