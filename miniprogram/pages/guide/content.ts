// 办事指南: what to bring for each kind of residence, what a good photo looks like and what is refused,
// the ID photo's rules, a checklist for pickup day and the questions people ask — all from the rules
// the app and the server share, so the guide never says something the forms do not do.
import { RESIDENCE_KINDS, type ResidenceKind } from '../../domain/contract';
import { RESIDENCE_KIND_LABELS } from '../../domain/labels';
import { MATERIAL_HINTS, MATERIAL_LABELS, MAX_PROOFS, PROOF_HINTS, needsRelationStatement } from '../../domain/materials';
import { CITY_HALL, FIND_LOCAL_STATION, IN_PERSON, UNCONFIRMED } from '../../domain/pickupPlaces';
import { MONTHS_BEFORE_PERMIT, REVIEW_DAYS } from '../../domain/rules';

export interface Example {
  image: string;
  /** Said by a screen reader: the picture's content, since it carries the meaning. */
  label: string;
  verdict: string;
  good: boolean;
}

export interface KindMaterials {
  kind: ResidenceKind;
  title: string;
  items: string[];
}

export const MATERIALS_BY_KIND: KindMaterials[] = RESIDENCE_KINDS.map((kind) => ({
  kind,
  title: RESIDENCE_KIND_LABELS[kind],
  items: [
    `${MATERIAL_LABELS.idFront}：${MATERIAL_HINTS.idFront}`,
    `${MATERIAL_LABELS.proofs}：${PROOF_HINTS[kind]}，1–${MAX_PROOFS} 张`,
    ...(needsRelationStatement(kind) ? [`${MATERIAL_LABELS.relationStatement}：${MATERIAL_HINTS.relationStatement}`] : []),
  ],
}));

export const PHOTO_EXAMPLES: Example[] = [
  { image: '/images/guide/photo-good.svg', label: '平放拍摄、四角完整、文字清楚的材料', verdict: '可以：平放、四角完整、字迹清楚', good: true },
  { image: '/images/guide/photo-cropped.svg', label: '边角被切掉的材料', verdict: '会被退回：边角没拍全', good: false },
  { image: '/images/guide/photo-blurry.svg', label: '模糊看不清的材料', verdict: '会被退回：模糊看不清', good: false },
  { image: '/images/guide/photo-glare.svg', label: '反光挡住文字的材料', verdict: '会被退回：反光挡住文字', good: false },
];

export const PHOTO_TIPS = [
  '在光线充足的地方，把材料平放在深色桌面上拍摄。',
  '整页拍全，四个角都要在照片里；多页的合同每页拍一张。',
  '不要使用闪光灯，避免反光；拍完放大看看字是否清楚。',
  '只支持 JPG、PNG、WebP 图片。',
];

export const ID_PHOTO_EXAMPLES: Example[] = [
  { image: '/images/guide/id-photo-good.svg', label: '白色背景、正面免冠、露出眉毛和耳朵的证件照', verdict: '可以：白底、正面、免冠', good: true },
  { image: '/images/guide/id-photo-bad.svg', label: '戴帽子和墨镜、彩色背景的照片', verdict: '会被退回：戴帽子、墨镜，背景有颜色', good: false },
];

export const ID_PHOTO_RULES = [
  '近期拍摄的彩色证件照，用于制作居住证。',
  '白色背景，正面、免冠，眼睛看镜头。',
  '露出眉毛和双耳，不戴帽子、墨镜或有色眼镜，头发不遮挡面部。',
  '不使用美颜、滤镜，不用生活照或翻拍的旧照片。',
];

export const PICKUP_CHECKLIST = [
  '本人前往：居住证和登记凭证一律本人到现场领取，不能代领。',
  '带上本人居民身份证原件。',
  '带上手机：在“我的办件”打开这份办件，出示领取码。',
  `领取地点：城区（芙蓉区、天心区、岳麓区、开福区、雨花区）在${CITY_HALL.name}（${CITY_HALL.address}）；长沙县、望城区、浏阳市、宁乡市在居住地派出所（${FIND_LOCAL_STATION}）。`,
  `办公时间${UNCONFIRMED}；收到“可以领取”的通知后再前往。`,
];

export interface Faq {
  question: string;
  answer: string;
}

export const FAQS: Faq[] = [
  {
    question: '来长沙多久可以申领居住证？',
    answer: `先申报居住信息。申报审核通过后，从申报日期起满 ${MONTHS_BEFORE_PERMIT} 个月即可申领；首页会显示具体日期和剩余天数。`,
  },
  {
    question: '申领后多久可以领取？',
    answer: `公安机关自受理之日起 ${REVIEW_DAYS} 日内审核。制证完成后会通知您，“我的办件”里显示领取地点和领取码。`,
  },
  {
    question: `还不满 ${MONTHS_BEFORE_PERMIT} 个月，怎么证明我住在长沙？`,
    answer: '申报审核通过后，可以先申领居住登记凭证。',
  },
  {
    question: '搬家了怎么办？',
    answer: `请重新申报居住信息。新的申报审核通过后替换原来的申报，${MONTHS_BEFORE_PERMIT} 个月仍从第一次审核通过的申报日期算起。`,
  },
  {
    question: '要交钱吗？有人说可以代办？',
    answer: '申报、居住登记凭证和首次申领居住证均免费；补领、换领只收证件工本费，提交前会显示金额。中介、代办以任何名义收费均属违法，请勿上当。',
  },
  {
    question: '什么是签注？忘了签注会怎样？',
    answer: '居住证每满一年签注一次，在到期前一个月内办理，我们会提醒您。错过签注的，居住证暂停使用，签注后恢复，但连续居住年限重新计算。',
  },
  {
    question: '材料被退回或要求补正怎么办？',
    answer: '办件详情会列出每一项原因。要求补正的，按提示修改后重新提交即可；不予通过的，可以重新申请。',
  },
  {
    question: '可以请别人代领吗？',
    answer: `不可以。居住证和登记凭证${IN_PERSON}，请携带本人身份证原件，出示领取码或由工作人员当面核验身份证。`,
  },
];
