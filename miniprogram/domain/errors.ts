// Error codes of the contract and the one place their resident-facing Chinese text lives.
import { MAX_FILE_LINKS } from './contract';
import { BADGE_LENGTH, FIELD_LENGTHS, ID_NUMBER_LENGTH, MOBILE_LENGTH, STAFF_TEXT_LENGTH, type Length } from './limits';
import { ORGANISATION_NAMES, type OrganisationBasis } from './residence';

/** A text limit as a message says it: 1–200. */
const range = ({ min, max }: Length) => `${min}–${max}`;

export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_ELIGIBLE', 'VERIFICATION_FAILED', 'CONFLICT', 'UNKNOWN_ACTION', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  INVALID_INPUT: '填写的信息有误，请按提示修改',
  UNAUTHENTICATED: '登录已失效，请重新进入小程序后再试',
  FORBIDDEN: '您没有办理此项业务的权限',
  NOT_FOUND: '没有找到这条记录',
  NOT_ELIGIBLE: '暂不符合办理条件',
  VERIFICATION_FAILED: '身份核验未通过，请重新进行人脸识别验证',
  CONFLICT: '办件状态已变化，请刷新后再试',
  UNKNOWN_ACTION: '不支持的操作',
  INTERNAL: '系统繁忙，请稍后再试',
};

/** Field-level messages, reused by the pages and the server so both say the same thing. */
export const FIELD_MESSAGES = {
  required: '此项必填',
  notText: '请填写文字',
  /** Characters that would be stored invisibly or change how the text around them reads. */
  unsafeText: (label?: string) => `${label ? `“${label}”` : '此项'}含有无法识别的特殊字符（可能是复制时带入的），请删除后重新填写`,
  tooLong: (max: number) => `不能超过 ${max} 个字`,
  tooShort: (min: number) => `至少 ${min} 个字`,
  name: `请填写身份证上的姓名（${range(FIELD_LENGTHS.name)} 个汉字或字母）`,
  idLength: `公民身份号码应为 ${ID_NUMBER_LENGTH} 位`,
  idChars: '公民身份号码只能是数字，最后一位可以是 X',
  idArea: '公民身份号码的地区码不正确',
  idBirth: '公民身份号码中的出生日期不正确',
  idCheckDigit: '公民身份号码校验位不正确，请核对',
  ethnicity: '请从列表中选择民族',
  mobile: `请填写 ${MOBILE_LENGTH} 位手机号码`,
  /** Eleven digits, but not a mainland mobile number (it starts 13–19): most likely a digit mistyped. */
  mobileNotMainland: '这不是有效的手机号码，请核对',
  district: '请选择长沙市的区县（市）',
  date: '请选择正确的日期',
  futureDate: '日期不能晚于今天',
  beforeBirth: '日期不能早于出生日期',
  residenceKind: '请选择住所类型',
  basis: '请选择申领依据',
  organisation: (basis: OrganisationBasis) => `请填写${ORGANISATION_NAMES[basis]}名称`,
  file: '请上传图片',
  fileNotYours: '文件不存在或不是您上传的，请重新上传',
  proofsCount: (max: number) => `请上传 1–${max} 张证明材料`,
  duplicateFile: '同一张图片不能重复提交',
  relationStatement: '此住所类型需要上传与承租人或房主关系的书面说明',
  notice: '须知已更新，请重新阅读并同意',
  requestId: '缺少或无效的请求编号',
  payload: '请求内容格式不正确',
  token: '缺少人脸识别验证结果',
  cursor: '无效的分页参数',
  limit: '每页条数应为 1–50',
  id: '缺少或无效的编号',
  outcome: '无效的验证结果',
  correctionItems: '请至少选择一项需要补正的内容',
  correctionItem: '这一项不能要求补正',
  correctionMessage: `请写明需要怎样补正（${range(STAFF_TEXT_LENGTH)} 字）`,
  reasons: `请至少写明一条不予通过的理由（每条 ${range(STAFF_TEXT_LENGTH)} 字）`,
  pickupCode: '领取码不正确',
  pickupProof: '请输入领取码，或确认已当面核验身份证',
  notAskedFor: '这一项不在补正范围内，不能修改',
  cardReportedLost: '原证已登记挂失，只能办理遗失补领',
  districts: '请选择辖区',
  districtsBeyondYours: '只能授予您所辖辖区的权限',
  openid: '用户编号不正确',
  staffName: `请填写工作人员的姓名（${range(FIELD_LENGTHS.name)} 个汉字或字母）`,
  badge: `请填写警号（${range(BADGE_LENGTH)} 位字母或数字）`,
  supervisor: '请选择是否为主管',
  fileIds: `请给出 1–${MAX_FILE_LINKS} 个文件编号`,
} as const;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly opensOn?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}
