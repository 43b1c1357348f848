// Who the benchmark's store holds: residents from elsewhere living in Changsha's nine districts, and the
// life of each of their applications (submitted, reviewed, made, handed over), as plain data. seed.ts turns
// it into documents through the server's own builders.
import type { Applicant, ApplicationKind, CorrectionItem, Materials, ReissueReason, Residence, ResidenceKind, Status } from '../miniprogram/domain/contract';
import { isCollected } from '../miniprogram/domain/contract';
import { chinaDate } from '../miniprogram/domain/dates';
import { DISTRICTS } from '../miniprogram/domain/districts';
import { ETHNICITIES } from '../miniprogram/domain/ethnicities';
import { checkDigit } from '../miniprogram/domain/idNumber';
import { needsRelationStatement } from '../miniprogram/domain/materials';
import { needsOrganisation } from '../miniprogram/domain/residence';
import type { EventRecord } from '../server/records';
import { DAY_MS, type Random } from './random';

/** The benchmark's today: 08:00 China time, before the host's 09:00 scheduler run, so no run starts during the load. */
export const NOW = Date.parse('2026-09-01T08:00:00+08:00');
/** The service started about four years before NOW: nothing is older. */
const LAUNCH = NOW - 4 * 365 * DAY_MS;

export interface Person {
  openid: string;
  applicant: Applicant;
  residence: Residence;
}

export interface Step {
  to: Status;
  at: number;
  actor: EventRecord['actor'];
  note?: string;
  items?: CorrectionItem[];
  reasons?: string[];
}

/** One application from submission to where it stands at NOW. */
export interface Life {
  id: string;
  kind: ApplicationKind;
  submittedAt: number;
  applicant: Applicant;
  residence: Residence;
  materials: Materials;
  reason?: ReissueReason;
  steps: Step[];
  /** A replacement for a lost card marks the card it replaces (by its index in the resident's lives). */
  replacesLost?: number;
}

export interface Resident {
  person: Person;
  lives: Life[];
}

/** Where people live, weighted roughly by where newcomers settle (the urban districts and 长沙县's industry). */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '430104': 17,
  '430111': 16,
  '430121': 15,
  '430103': 11,
  '430105': 10,
  '430102': 8,
  '430112': 9,
  '430181': 7,
  '430182': 7,
};
const STREETS: Readonly<Record<string, readonly string[]>> = {
  '430102': ['五里牌街道', '火星街道', '马王堆街道', '东湖街道'],
  '430103': ['坡子街街道', '青园街道', '桂花坪街道', '暮云街道'],
  '430104': ['望月湖街道', '岳麓街道', '观沙岭街道', '梅溪湖街道', '麓谷街道'],
  '430105': ['芙蓉北路街道', '四方坪街道', '洪山街道', '伍家岭街道'],
  '430111': ['侯家塘街道', '左家塘街道', '砂子塘街道', '高桥街道', '洞井街道'],
  '430112': ['高塘岭街道', '丁字湾街道', '月亮岛街道'],
  '430121': ['星沙街道', '湘龙街道', '泉塘街道', '榔梨街道'],
  '430181': ['淮川街道', '集里街道', '关口街道'],
  '430182': ['玉潭街道', '白马桥街道', '历经铺街道'],
};
/** Home towns (the first six digits of the ID number) and the registered address they give. */
const HOMETOWNS: readonly [string, string][] = [
  ['430421', '湖南省衡阳市衡阳县'],
  ['430521', '湖南省邵阳市邵东市'],
  ['430621', '湖南省岳阳市岳阳县'],
  ['430721', '湖南省常德市安乡县'],
  ['430921', '湖南省益阳市南县'],
  ['431021', '湖南省郴州市桂阳县'],
  ['431121', '湖南省永州市祁阳市'],
  ['431321', '湖南省娄底市双峰县'],
  ['433101', '湖南省湘西州吉首市'],
  ['430381', '湖南省湘潭市湘乡市'],
  ['420106', '湖北省武汉市武昌区'],
  ['421081', '湖北省荆州市石首市'],
  ['360121', '江西省南昌市南昌县'],
  ['362201', '江西省宜春市袁州区'],
  ['411421', '河南省商丘市民权县'],
  ['441622', '广东省河源市龙川县'],
  ['452122', '广西壮族自治区南宁市武鸣区'],
  ['522121', '贵州省遵义市播州区'],
  ['500228', '重庆市梁平区'],
  ['510722', '四川省绵阳市三台县'],
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃戴莫孔向汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红林志文斌宇浩凯俊帆晨欣怡雪梦佳琪子轩涵若思婷嘉乐'];
const PLACES = ['阳光', '金色', '碧桂园', '万科', '保利', '中建', '湘江', '麓山', '星城', '芙蓉'];
const COMPOUNDS = ['小区', '花园', '家园', '公寓', '新城'];
const EMPLOYERS = [
  '三一重工股份有限公司',
  '中联重科股份有限公司',
  '长沙市第一医院',
  '湖南湘江新区管理委员会',
  '步步高商业连锁股份有限公司',
  '蓝思科技股份有限公司',
  '长沙地铁集团有限公司',
];
const SCHOOLS = ['中南大学', '湖南大学', '湖南师范大学', '长沙理工大学', '湖南农业大学'];
const RESIDENCE_WEIGHTS: Readonly<Record<ResidenceKind, number>> = { rent: 62, own: 12, relative: 10, dormitory: 12, other: 4 };
const BASIS_WEIGHTS = { employment: 70, residence: 20, study: 10 } as const;
const REJECTIONS = ['居住证明材料与申报地址不一致', '租赁合同已过期，请提供有效合同', '身份证照片无法辨认'];
const REISSUE_WEIGHTS: Readonly<Record<ReissueReason, number>> = { lost: 40, damaged: 20, expired: 15, changed: 25 };

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface Population {
  /** The next resident, new each call: everyone has a distinct openid and ID number. */
  person(): Person;
  /** A resident and their applications; `staff` lists who reviews in each district. */
  resident(staff: (district: string) => string): Resident;
}

export function population(random: Random): Population {
  const issued = new Set<string>();

  function idNumber(region: string): string {
    for (;;) {
      const birth = chinaDate(Date.UTC(1962, 0, 1) + random.days(0, 46 * 365));
      const first17 = `${region}${birth.replace(/-/g, '')}${String(random.int(1, 999)).padStart(3, '0')}`;
      const id = first17 + checkDigit(first17);
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  }

  function residence(district: string, since: number): Residence {
    const kind = random.weighted(RESIDENCE_WEIGHTS);
    const basis = kind === 'dormitory' ? random.pick(['employment', 'study'] as const) : random.weighted(BASIS_WEIGHTS);
    return {
      district,
      street: random.pick(STREETS[district]),
      address: `${random.pick(PLACES)}${random.pick(COMPOUNDS)}${random.int(1, 32)}栋${random.int(1, 33)}0${random.int(1, 4)}`,
      since: chinaDate(since),
      kind,
      basis,
      ...(needsOrganisation(basis) ? { organisation: basis === 'study' ? random.pick(SCHOOLS) : random.pick(EMPLOYERS) } : {}),
    };
  }

  function person(): Person {
    let openid = 'o';
    for (let i = 0; i < 27; i++) openid += OPENID_ALPHABET[Math.floor(random.next() * 64)];
    const [region, hometown] = random.pick(HOMETOWNS);
    const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
    return {
      openid,
      applicant: {
        name: random.pick(SURNAMES) + given,
        idNumber: idNumber(region),
        ethnicity: random.chance(0.92) ? '汉族' : random.pick(ETHNICITIES),
        mobile: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
        hukouAddress: `${hometown}${random.pick(['城关镇', '新华街道', '白沙镇', '石门乡', '东风街道'])}${random.int(1, 40)}组${random.int(1, 99)}号`,
      },
      // `since` is placed before the first declaration once the resident's dates are known.
      residence: residence(random.weighted(DISTRICT_WEIGHTS), NOW),
    };
  }

  const fileId = () => `f-${random.id()}`;
  function materials(kind: ApplicationKind, residenceKind: ResidenceKind, reason?: ReissueReason): Materials {
    if (kind === 'reissue') return { idFront: fileId(), photo: fileId(), ...(reason === 'damaged' ? { damagedCard: fileId() } : {}) };
    return {
      idFront: fileId(),
      proofs: Array.from({ length: random.int(1, 3) }, fileId),
      ...(needsRelationStatement(residenceKind) ? { relationStatement: fileId() } : {}),
      ...(kind === 'permit' ? { photo: fileId() } : {}),
    };
  }

  function resident(staff: (district: string) => string): Resident {
    const who = person();
    const lives: Life[] = [];
    const officer = (): EventRecord['actor'] => ({ role: 'staff', openid: staff(who.residence.district) });
    const owner: EventRecord['actor'] = { role: 'owner', openid: who.openid };

    /** A new application at `at`; its review follows with review(). */
    const submit = (kind: ApplicationKind, at: number, home: Residence, reason?: ReissueReason): Life => {
      const life: Life = {
        id: random.id(),
        kind,
        submittedAt: at,
        applicant: who.applicant,
        residence: home,
        materials: materials(kind, home.kind, reason),
        steps: [],
        ...(reason ? { reason } : {}),
      };
      lives.push(life);
      return life;
    };
    /** Reviews within days, sometimes after one correction; answers the decision's instant. */
    const review = (life: Life, outcome: 'approved' | 'rejected' | 'withdrawn'): number => {
      let t = life.submittedAt;
      if (random.chance(0.08)) {
        t += random.days(1, 6);
        const item = life.kind === 'declaration' ? random.pick(['residence.address', 'materials.proofs', 'applicant.mobile']) : random.pick(['materials.proofs', 'contact.mobile']);
        life.steps.push({ to: 'correction_requested', at: t, actor: officer(), items: [{ item, message: '请补充清晰完整的材料' }] });
        t += random.days(0.2, 5);
        life.steps.push({ to: 'pending', at: t, actor: owner, note: '申请人已补正并重新提交' });
      }
      t += random.days(0.5, 12);
      if (outcome === 'approved') life.steps.push({ to: 'approved', at: t, actor: officer(), note: '审核通过' });
      else if (outcome === 'rejected') life.steps.push({ to: 'rejected', at: t, actor: officer(), reasons: [random.pick(REJECTIONS)] });
      else life.steps.push({ to: 'withdrawn', at: t, actor: owner, note: '申请人撤回' });
      return t;
    };
    /** A card or voucher approved at `approvedAt`: made, then handed over; answers when it was collected. */
    const handOver = (life: Life, approvedAt: number): number => {
      const ready = approvedAt + random.days(3, 10);
      life.steps.push({ to: 'ready', at: ready, actor: officer(), note: '证件已制作完成，可以领取' });
      const collected = ready + random.days(0.5, 25);
      life.steps.push({ to: 'collected', at: collected, actor: officer(), note: random.chance(0.8) ? '凭领取码交付' : '工作人员当面核验身份证后交付' });
      return collected;
    };

    // Dates run from 0 (the first submission) and are moved into place at the end.
    let declaration = submit('declaration', 0, who.residence);
    let declaredAt = 0;
    let approvedAt = review(declaration, random.weighted({ approved: 88, rejected: 7, withdrawn: 5 }));
    if (declaration.steps[declaration.steps.length - 1].to !== 'approved' && random.chance(0.7)) {
      declaredAt = approvedAt + random.days(1, 30);
      declaration = submit('declaration', declaredAt, who.residence);
      approvedAt = review(declaration, 'approved');
    }
    if (declaration.steps[declaration.steps.length - 1].to === 'approved') {
      const next = random.weighted({ voucher: 9, permit: 26, moved: 6, nothing: 59 });
      if (next === 'voucher') {
        const voucher = submit('voucher', approvedAt + random.days(1, 60), who.residence);
        handOver(voucher, review(voucher, 'approved'));
      } else if (next === 'permit') {
        // Six calendar months after the declaration are at most 184 days: 186 always falls after.
        const permit = submit('permit', declaredAt + random.days(186, 420), who.residence);
        const decided = review(permit, random.weighted({ approved: 96, rejected: 3, withdrawn: 1 }));
        if (permit.steps[permit.steps.length - 1].to === 'approved') {
          const collected = handOver(permit, decided);
          // Within the first year's window: it opens a month before the anniversary of the approval.
          let endorsedBase = decided;
          for (let year = 1; year <= 3 && random.chance(year === 1 ? 0.3 : 0.5); year++) {
            const endorsement = submit('endorsement', endorsedBase + random.days(340, 350), who.residence);
            review(endorsement, 'approved');
            endorsedBase += 365 * DAY_MS;
          }
          if (random.chance(0.06)) {
            const reason = random.weighted(REISSUE_WEIGHTS);
            const reissue = submit('reissue', collected + random.days(30, 330), who.residence, reason);
            if (reason === 'lost') reissue.replacesLost = lives.indexOf(permit);
            handOver(reissue, review(reissue, 'approved'));
          }
        }
      } else if (next === 'moved') {
        const district = random.weighted(DISTRICT_WEIGHTS);
        const home = residence(district, NOW);
        const moved = submit('declaration', approvedAt + random.days(30, 500), home);
        review(moved, 'approved');
      }
    }

    // A few residents' latest application is still under way at NOW.
    const last = lives[lives.length - 1];
    const open = random.chance(0.07);
    if (open) {
      const state = isCollected(last.kind)
        ? random.weighted({ pending: 55, correction_requested: 12, approved: 8, ready: 25 })
        : random.weighted({ pending: 82, correction_requested: 18 });
      const keep = (to: Status) => {
        const at = last.steps.findIndex((s) => s.to === to);
        last.steps.length = at < 0 ? last.steps.length : at + 1;
      };
      if (state === 'pending') last.steps.length = 0;
      else if (state === 'correction_requested') {
        if (!last.steps.some((s) => s.to === 'correction_requested'))
          last.steps = [
            { to: 'correction_requested', at: last.submittedAt + random.days(1, 6), actor: officer(), items: [{ item: 'materials.proofs', message: '请补充清晰完整的材料' }] },
          ];
        keep('correction_requested');
      } else keep(state);
    }

    // An approved declaration is superseded when a newer one of the person is approved.
    const approvals = lives.filter((l) => l.kind === 'declaration' && l.steps.some((s) => s.to === 'approved'));
    for (let i = 0; i + 1 < approvals.length; i++) {
      const at = approvals[i + 1].steps.find((s) => s.to === 'approved')!.at;
      approvals[i].steps.push({ to: 'superseded', at, actor: { role: 'system' }, note: '已由新的申报取代' });
    }

    // Into place: an open application recently (some pending ones past their 15 days), a settled history any time since launch.
    const lastAt = Math.max(...lives.map((l) => Math.max(l.submittedAt, ...l.steps.map((s) => s.at))));
    const recent = last.steps.length === 0 ? random.days(0.05, 20) : last.steps[last.steps.length - 1].to === 'ready' ? random.days(0.5, 35) : random.days(0.05, 6);
    const shift = open ? NOW - recent - lastAt : Math.max(LAUNCH, NOW - lastAt - random.days(1, 1200));
    const start = Math.min(shift, NOW - lastAt - DAY_MS * 0.05);
    for (const life of lives) {
      life.submittedAt += start;
      for (const step of life.steps) step.at += start;
    }
    // Living there since some weeks or months before the first declaration; a new home since shortly before its declaration.
    const home = who.residence;
    who.residence = { ...home, since: chinaDate(start - random.days(7, 600)) };
    for (const life of lives) life.residence = life.residence === home ? who.residence : { ...life.residence, since: chinaDate(life.submittedAt - random.days(1, 30)) };
    return { person: who, lives };
  }

  return { person, resident };
}

/** The nine districts' codes, for whoever needs every district (the seed's staff). */
export const DISTRICT_CODES = DISTRICTS.map((d) => d.code);
