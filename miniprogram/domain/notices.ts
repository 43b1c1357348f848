// The notices a person reads and agrees to before applying, and the product's other standing texts. A
// notice's version is stored with the consent; changing a text — also through a rule it quotes, such as
// the count of proofs or the review days — means giving it a new version, so old consents still say what
// was agreed.
import type { ApplicationKind } from './contract';
import { BASES } from './contract';
import { BASIS_LABELS } from './labels';
import { MAX_PROOFS } from './materials';
import { REVIEW_DAYS } from './rules';

/** The warning every resident sees first: what is free, what costs the card fee, and that agents' fees are illegal. */
export const FEE_WARNING = '申报、登记凭证和首次申领居住证均免费，补领、换领只收证件工本费。中介、代办以任何名义收费均属违法，请勿上当。';

/** The bases, as a condition names them: 合法稳定就业、合法稳定住所、连续就读. */
const BASES_TEXT = BASES.map((b) => BASIS_LABELS[b]).join('、');

/** 申领条件 (product.md, "Who may apply"): the six months from the declaration, and one of the bases. */
export const PERMIT_CONDITIONS: readonly string[] = [
  '离开户口所在地，在长沙居住满六个月。六个月从居住信息申报之日起计算：先申报，满六个月后再申领居住证。',
  `并符合下列条件之一：${BASES_TEXT}。`,
];

export interface Notice {
  version: string;
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

const COMMON_SECTIONS: Notice['sections'] = [
  {
    heading: '收费说明',
    paragraphs: [
      '居住信息申报、居住登记凭证和首次申领居住证均不收取任何费用；补领、换领居住证只收取由物价部门核定的证件工本费。',
      '任何中介、代办机构或个人以代办名义收取费用均属违法。如遇此类情况，请向公安机关举报。',
    ],
  },
  {
    heading: '个人信息的使用与保存',
    paragraphs: [
      '为办理本业务，我们会收集您的姓名、公民身份号码、民族、手机号码、户籍地址、居住地址及您上传的证件和证明材料照片。其中公民身份号码、人脸信息和证件照片属于敏感个人信息，需要您单独同意。',
      '人脸识别仅用于核验“本人办理”，比对结果由微信按国家规定完成，本程序不保存您的人脸图像。',
      '您的信息只用于居住登记、居住证办理和办理进度通知，仅由受理地公安机关工作人员查看，每次查看完整的公民身份号码都会被记录；除法律法规规定外，不会向任何第三方提供。',
      '办件资料按照公安机关档案管理规定保存。您可以在“我的办件”中随时查看自己的信息；对信息有疑问或需要更正的，可在办理窗口提出。',
    ],
  },
];

export const DECLARATION_NOTICE: Notice = {
  version: 'declaration-2026-12-02',
  title: '居住信息申报须知',
  sections: [
    {
      heading: '谁需要申报',
      paragraphs: ['离开常住户口所在地，到长沙市居住的人员，应当向居住地公安派出所申报居住登记。本人可以自行申报，也可以由用人单位代为申报。'],
    },
    {
      heading: '申报与申领居住证的关系',
      paragraphs: [
        `居住满六个月的时间从居住信息申报之日起计算：申报经审核通过后，自申报之日起满六个自然月（如8月31日申报，次年2月28日满六个月），且符合${BASES_TEXT}三项条件之一的，可以申领居住证。`,
        '居住未满六个月期间需要证明居住情况的，可以申领居住登记凭证。',
        '搬家后请重新申报；新的申报审核通过后取代原申报，居住时间仍从首次审核通过的申报之日起计算。',
      ],
    },
    {
      heading: '需要准备的材料',
      paragraphs: [
        '本人居民身份证人像面照片一张。',
        '居住地址证明：租住的提供房屋租赁合同；自有住房或借住亲属住房的提供房产证或购房合同；单位或学校提供住宿的提供集体宿舍居住证明；借住亲属住房或其他情形的，还需提供与承租人或房主关系的书面说明。',
        `居住地址证明照片每次最多 ${MAX_PROOFS} 张，身份证照片和关系说明不计入其中。请保证照片清晰、完整。`,
      ],
    },
    {
      heading: '办理流程与时限',
      paragraphs: [
        '依次完成人脸识别验证、阅读本须知、填写信息自检表、上传材料、确认提交。提交后可在“我的办件”中查看进度。',
        `公安机关自受理之日起 ${REVIEW_DAYS} 日内完成审核。材料需要补正的，会一次性列明全部需补正事项，请按提示修改后重新提交。`,
      ],
    },
    {
      heading: '领取方式',
      paragraphs: [
        '证件和凭证一律本人到现场领取。芙蓉区、天心区、岳麓区、开福区、雨花区的居民到雨花区金盾路30号人口与出入境管理支队接待大厅领取；长沙县、望城区、浏阳市、宁乡市的居民到居住地派出所领取。领取时出示办件中的领取码，或出示本人身份证由工作人员核验。',
      ],
    },
    ...COMMON_SECTIONS,
    {
      heading: '您的承诺',
      paragraphs: ['本人承诺所填信息和所交材料真实、有效。提供虚假信息或材料的，依法承担相应责任。'],
    },
  ],
};

const PICKUP: Notice['sections'][number] = {
  heading: '领取方式',
  paragraphs: [
    '一律本人到现场领取。芙蓉区、天心区、岳麓区、开福区、雨花区的居民到雨花区金盾路30号人口与出入境管理支队接待大厅领取；长沙县、望城区、浏阳市、宁乡市的居民到居住地派出所领取。领取时出示办件中的领取码，或出示本人身份证由工作人员核验。',
  ],
};

export const PERMIT_NOTICE: Notice = {
  version: 'permit-2026-12-02',
  title: '核发居住证须知',
  sections: [
    {
      heading: '申领条件',
      paragraphs: [`居住信息申报已审核通过，自申报之日起在长沙居住满六个自然月，并符合${BASES_TEXT}三项条件之一。身份信息和居住地址取自您已通过的申报，无需重新填写。`],
    },
    {
      heading: '需要准备的材料',
      paragraphs: [`本人居民身份证人像面照片；居住地址证明（同申报时的要求，最多 ${MAX_PROOFS} 张）；本人近期免冠相片一张，用于制作居住证。`],
    },
    {
      heading: '办理时限与签注',
      paragraphs: [
        `公安机关自受理之日起 ${REVIEW_DAYS} 日内核发。居住证每满一年须在期满前一个月内签注，逾期未签注的暂停使用，签注后恢复，连续居住年限重新计算；届时我们会提醒您。`,
      ],
    },
    PICKUP,
    ...COMMON_SECTIONS,
  ],
};

export const VOUCHER_NOTICE: Notice = {
  version: 'voucher-2026-12-02',
  title: '居住登记凭证申领须知',
  sections: [
    {
      heading: '适用情形',
      paragraphs: ['居住信息申报已审核通过、居住尚未满六个月，需要证明在长沙居住的，可以申领居住登记凭证。居住满六个月后请直接申领居住证。'],
    },
    { heading: '需要准备的材料', paragraphs: [`本人居民身份证人像面照片；居住地址证明（同申报时的要求，最多 ${MAX_PROOFS} 张）。`] },
    PICKUP,
    ...COMMON_SECTIONS,
  ],
};

export const REISSUE_NOTICE: Notice = {
  version: 'reissue-2026-12-02',
  title: '居住证补领、换领须知',
  sections: [
    {
      heading: '适用情形',
      paragraphs: ['居住证遗失的，办理补领，原证作废并记录为挂失；居住证损坏、有效期满或登记信息变更的，办理换领。'],
    },
    { heading: '需要准备的材料', paragraphs: ['本人居民身份证人像面照片、本人近期免冠相片；因损坏换领的，另需原居住证的照片。'] },
    { heading: '费用', paragraphs: ['补领、换领需缴纳证件工本费，金额按物价部门核定的标准，在提交前显示。'] },
    PICKUP,
    ...COMMON_SECTIONS,
  ],
};

export const ENDORSEMENT_NOTICE: Notice = {
  version: 'endorsement-2026-12-02',
  title: '居住证签注须知',
  sections: [
    {
      heading: '为什么要签注',
      paragraphs: [
        '居住证每满一年须签注一次，签注后继续有效一年。逾期未签注的，居住证暂停使用，签注后恢复使用，连续居住年限从签注之日起重新计算；子女入学、住房保障等事项常要求连续居住年限，请按时签注。',
      ],
    },
    {
      heading: '办理时间',
      paragraphs: ['在每个发证周年日前一个月内办理，最后一天为周年日的前一天；首页显示您的有效期、本次签注的起止日期和剩余天数，签注期开始、即将截止和逾期时我们会提醒您。'],
    },
    {
      heading: '需要准备的材料',
      paragraphs: [
        `本人居民身份证人像面照片；仍在申报地址居住的证明（同申报时的要求，最多 ${MAX_PROOFS} 张）。身份信息和居住地址取自您已通过的申报。居住地址已变更的，请先重新申报居住信息。`,
      ],
    },
    {
      heading: '办理时限与结果',
      paragraphs: [`公安机关自受理之日起 ${REVIEW_DAYS} 日内审核。签注在线办理，审核通过即生效，无需到现场领取，不收取任何费用。`],
    },
    ...COMMON_SECTIONS,
  ],
};

/** The notice each service shows. */
export const NOTICES: Readonly<Record<ApplicationKind, Notice>> = {
  declaration: DECLARATION_NOTICE,
  permit: PERMIT_NOTICE,
  voucher: VOUCHER_NOTICE,
  reissue: REISSUE_NOTICE,
  endorsement: ENDORSEMENT_NOTICE,
};
