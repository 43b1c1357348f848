// 办件详情's model: status and its note, the dates that hold, masked identity, materials, timeline and pickup.
import { PROVISIONAL_NOTE } from '../../miniprogram/domain/labels';
import { FIND_LOCAL_STATION, UNCONFIRMED } from '../../miniprogram/domain/pickupPlaces';
import { detailModel } from '../../miniprogram/pages/application/model';
import type { Row } from '../../miniprogram/utils/applicationRows';
import { ID_MASKED, ID_NUMBER, applicationDetail, china, entry, link, residence } from './support';

const resolve = (url: string) => `resolved:${url}`;
const valueOf = (rows: Row[], label: string) => rows.find((r) => r.label === label)?.value;
const labels = (rows: Row[]) => rows.map((r) => r.label);

describe('a pending declaration', () => {
  const model = detailModel(applicationDetail(), resolve);

  it('is titled by its kind and reads 审核中 with the review deadline', () => {
    expect(model.title).toBe('居住信息申报');
    expect(model.status).toBe('审核中');
    expect(model.statusNote).toBe('公安机关将在2026年9月16日前完成审核');
  });

  it('lists its submission minute in China time, its dates, and the provisional permit date', () => {
    expect(model.facts).toEqual([
      { label: '提交时间', value: '2026年9月1日 09:15' },
      { label: '申报日期', value: '2026年9月1日' },
      { label: '可申领居住证', value: '2027年3月1日', note: PROVISIONAL_NOTE },
      { label: '审核期限', value: '2026年9月16日前' },
    ]);
  });

  it('can be withdrawn, has nothing to correct and nothing to collect', () => {
    expect(model.canWithdraw).toBe(true);
    expect(model.corrections).toEqual([]);
    expect(model.pickup).toBeNull();
  });

  it('says the deadline has passed once it is overdue', () => {
    expect(detailModel(applicationDetail({ overdue: true }), resolve).statusNote).toBe('已超过审核期限（2026年9月16日），可到办理窗口询问');
  });
});

it('reads a submission just after midnight as that China day, whatever the process zone', () => {
  const model = detailModel(applicationDetail({ submittedAt: china('2026-09-01 00:30') }), resolve);
  expect(valueOf(model.facts, '提交时间')).toBe('2026年9月1日 00:30');
});

describe('a refused or withdrawn declaration', () => {
  it('shows no provisional permit date, no deadline, and cannot be withdrawn', () => {
    for (const status of ['rejected', 'withdrawn'] as const) {
      const model = detailModel(applicationDetail({ status }), resolve);
      expect(labels(model.facts)).toEqual(['提交时间', '申报日期']);
      expect(model.canWithdraw).toBe(false);
    }
  });

  it('points a refusal to its reasons, and says a withdrawal was the person’s own', () => {
    expect(detailModel(applicationDetail({ status: 'rejected' }), resolve).statusNote).toBe('请按下列原因修改后重新申请');
    expect(detailModel(applicationDetail({ status: 'withdrawn' }), resolve).statusNote).toBe('您已撤回这件办件');
  });
});

describe('an approved application', () => {
  it('keeps a declaration’s permit date once it is no longer provisional, without the note or a deadline', () => {
    const model = detailModel(applicationDetail({ status: 'approved', permitOpensOnProvisional: false }), resolve);
    expect(model.facts.find((f) => f.label === '可申领居住证')).toEqual({ label: '可申领居住证', value: '2027年3月1日', note: '' });
    expect(labels(model.facts)).not.toContain('审核期限');
    expect(model.statusNote).toBe('申报已通过，居住时间从申报之日起计算');
  });

  it('says a card is being made', () => {
    const model = detailModel(applicationDetail({ kind: 'permit', status: 'approved', declaredOn: undefined, permitOpensOn: undefined, issuedOn: '2027-03-01' }), resolve);
    expect(model.title).toBe('核发居住证');
    expect(model.statusNote).toBe('审核已通过，居住证制作中');
    expect(model.facts).toContainEqual({ label: '发证日期', value: '2027年3月1日' });
  });
});

describe('a correction request', () => {
  const firstRound = { status: 'correction_requested' as const, items: [{ item: 'residence.street', message: '街道不完整' }] };
  const secondRound = {
    status: 'correction_requested' as const,
    items: [
      { item: 'applicant.mobile', message: '号码无法接通' },
      { item: 'materials.proofs', message: '租赁合同缺少签字页' },
    ],
  };
  const timeline = [
    entry('pending', '2026-09-01 09:15'),
    entry('correction_requested', '2026-09-02 10:00', firstRound),
    entry('pending', '2026-09-03 08:00'),
    entry('correction_requested', '2026-09-04 11:00', secondRound),
  ];

  it('lists every item of the latest request only, each named', () => {
    const model = detailModel(applicationDetail({ status: 'correction_requested', timeline }), resolve);
    expect(model.corrections).toEqual(['手机号码：号码无法接通', '居住地址证明：租赁合同缺少签字页']);
    expect(model.statusNote).toBe('请按下方列出的事项补正后重新提交');
  });

  it('still counts as pending: withdrawable, with its deadline and provisional date', () => {
    const model = detailModel(applicationDetail({ status: 'correction_requested', timeline }), resolve);
    expect(model.canWithdraw).toBe(true);
    expect(labels(model.facts)).toEqual(['提交时间', '申报日期', '可申领居住证', '审核期限']);
  });

  it('lists nothing to correct once the application has moved on', () => {
    const model = detailModel(applicationDetail({ status: 'pending', timeline }), resolve);
    expect(model.corrections).toEqual([]);
  });

  it('reads as steps: submitted, each request with its items, then resubmitted', () => {
    const model = detailModel(applicationDetail({ status: 'correction_requested', timeline }), resolve);
    expect(model.steps.map((s) => s.text)).toEqual(['已提交', '待补正', '已重新提交', '待补正']);
    expect(model.steps[3].desc).toBe('2026年9月4日 11:00\n· 手机号码：号码无法接通\n· 居住地址证明：租赁合同缺少签字页');
  });
});

it('gives a step its note and a refusal’s every reason, one line each', () => {
  const model = detailModel(
    applicationDetail({
      status: 'rejected',
      timeline: [entry('pending', '2026-09-01 09:15'), entry('rejected', '2026-09-05 16:20', { note: '经核查', reasons: ['租赁合同已过期', '居住地址与合同不一致'] })],
    }),
    resolve,
  );
  expect(model.steps[1]).toEqual({ text: '未通过', desc: '2026年9月5日 16:20\n经核查\n· 租赁合同已过期\n· 居住地址与合同不一致' });
});

it('leaves out a note that only says again what its step says', () => {
  const model = detailModel(
    applicationDetail({
      status: 'withdrawn',
      timeline: [
        entry('pending', '2026-09-01 09:15'),
        entry('approved', '2026-09-02 10:00', { note: '审核通过' }),
        entry('withdrawn', '2026-09-03 08:00', { note: '申请人撤回' }),
        entry('withdrawn', '2026-09-03 08:05', { note: '已撤回' }),
      ],
    }),
    resolve,
  );
  expect(model.steps.slice(1).map((s) => s.desc)).toEqual(['2026年9月2日 10:00', '2026年9月3日 08:00', '2026年9月3日 08:05']);
});

describe('a voucher', () => {
  it('names the voucher while it is made and when it is ready', () => {
    expect(detailModel(applicationDetail({ kind: 'voucher', status: 'approved' }), resolve).statusNote).toBe('审核已通过，居住登记凭证制作中');
    expect(detailModel(applicationDetail({ kind: 'voucher', status: 'ready' }), resolve).statusNote).toBe('居住登记凭证已制作完成，请本人到现场领取');
  });
});

describe('a refused application', () => {
  const refused = (over: Parameters<typeof applicationDetail>[0] = {}) =>
    detailModel(
      applicationDetail({
        status: 'rejected',
        timeline: [entry('pending', '2026-09-01 09:15'), entry('rejected', '2026-09-05 16:20', { reasons: ['租赁合同已过期', '居住地址与合同不一致'] })],
        ...over,
      }),
      resolve,
    );

  it('puts the refusal’s reasons at the top, with the way to apply again for the same service', () => {
    const model = refused();
    expect(model.rejection).toEqual(['租赁合同已过期', '居住地址与合同不一致']);
    expect(model).toMatchObject({ canReapply: true, service: 'declaration' });
    expect(model.statusNote).not.toContain('下方办理记录');
    expect(refused({ kind: 'permit' }).service).toBe('permit');
  });

  it('offers nothing of the kind while an application is not refused', () => {
    for (const status of ['pending', 'approved', 'withdrawn'] as const)
      expect(detailModel(applicationDetail({ status }), resolve)).toMatchObject({ rejection: [], canReapply: false });
  });
});

describe('the person and the home', () => {
  it('show the masked ID number, never the whole one', () => {
    const model = detailModel(applicationDetail(), resolve);
    expect(valueOf(model.person, '公民身份号码')).toBe(ID_MASKED);
    expect(ID_MASKED).toBe('430104********' + ID_NUMBER.slice(-4));
    expect(JSON.stringify(model)).not.toContain(ID_NUMBER);
  });

  it('show the birth date and sex read from the number', () => {
    expect(valueOf(detailModel(applicationDetail(), resolve).person, '出生日期 / 性别')).toBe('1990年3月7日 · 男');
  });

  it('write the address out in full, the start date long, and the basis with its organisation', () => {
    const model = detailModel(applicationDetail({ residence: residence({ basis: 'employment', organisation: '长沙某某科技有限公司', kind: 'relative' }) }), resolve);
    expect(model.residence).toEqual([
      { label: '居住地址', value: '长沙市岳麓区望月湖街道望月湖小区3栋201' },
      { label: '居住起始日期', value: '2026年5月1日' },
      { label: '住所类型', value: '借住亲属住房' },
      { label: '申领依据', value: '合法稳定就业（长沙某某科技有限公司）' },
    ]);
  });

  it('show no home rows for an application that carries none', () => {
    expect(detailModel(applicationDetail({ kind: 'reissue', residence: undefined }), resolve).residence).toEqual([]);
  });
});

it('links each material through the resolver, and leaves out an empty list', () => {
  const model = detailModel(applicationDetail({ materials: { idFront: link('f-id'), proofs: [link('f-p1'), link('f-p2')], damagedCard: [] } }), resolve);
  expect(model.materials).toEqual([
    { label: '身份证人像面照片', urls: ['resolved:https://files.example/f-id'] },
    { label: '居住地址证明', urls: ['resolved:https://files.example/f-p1', 'resolved:https://files.example/f-p2'] },
  ]);
});

describe('a replacement', () => {
  const replacement = (over: Parameters<typeof applicationDetail>[0] = {}) =>
    detailModel(applicationDetail({ kind: 'reissue', residence: undefined, declaredOn: undefined, permitOpensOn: undefined, reason: 'lost', fee: 20, ...over }), resolve);

  it('says why it was applied for and what the card costs, with the note on paying', () => {
    const facts = replacement().facts;
    expect(facts).toContainEqual({ label: '办理原因', value: '遗失补领' });
    expect(facts).toContainEqual({ label: '证件工本费', value: '20 元', note: '缴纳方式以窗口公告为准' });
  });

  it('reads a zero fee as 免费', () => {
    expect(valueOf(replacement({ fee: 0 }).facts, '证件工本费')).toBe('免费');
  });

  it('says a card reported lost can no longer be used', () => {
    expect(replacement({ reportedLostOn: '2027-04-01' }).facts).toContainEqual({ label: '挂失日期', value: '2027年4月1日', note: '此证已登记挂失，不能再使用' });
  });
});

describe('a ready card', () => {
  const pickup = { place: '长沙市公安局人口与出入境管理支队接待大厅', address: '长沙市雨花区金盾路30号', pickupCode: 'K7M2Q9' };

  it('says to come in person, and names the code and the place', () => {
    const model = detailModel(applicationDetail({ kind: 'permit', status: 'ready', pickup }), resolve);
    expect(model.statusNote).toBe('居住证已制作完成，请本人到现场领取');
    expect(model.pickup?.code).toBe('K7M2Q9');
    expect(model.pickup?.rows.slice(0, 2)).toEqual([
      { label: '领取地点', value: pickup.place },
      { label: '地址', value: pickup.address },
    ]);
  });

  it('tells a county’s resident how to find their station, naming no station', () => {
    const station = { place: '浏阳市居住地派出所', address: '您居住地址所属的派出所', pickupCode: 'K7M2Q9' };
    const model = detailModel(applicationDetail({ kind: 'permit', status: 'ready', district: '430181', pickup: station }), resolve);
    expect(model.pickup?.rows[1]).toEqual({ label: '地址', value: FIND_LOCAL_STATION });
    expect(FIND_LOCAL_STATION).toBe('可拨打 12345 或询问所在社区居委会，查询您居住地址所属的派出所');
  });

  it('reads unknown hours and phone as 以窗口公告为准, with nothing to call and no map', () => {
    const model = detailModel(applicationDetail({ kind: 'permit', status: 'ready', pickup }), resolve);
    expect(model.pickup).toMatchObject({ phone: '', location: null });
    expect(model.pickup?.rows.slice(2)).toEqual([
      { label: '办公时间', value: UNCONFIRMED },
      { label: '咨询电话', value: UNCONFIRMED },
    ]);
  });

  it('offers the phone and the map once they are known, the map named for the place', () => {
    const known = { ...pickup, hours: '工作日 9:00–17:00', phone: '0731-00000000', location: { latitude: 28.1, longitude: 113.0 } };
    const model = detailModel(applicationDetail({ kind: 'permit', status: 'ready', pickup: known }), resolve);
    expect(model.pickup?.phone).toBe('0731-00000000');
    expect(model.pickup?.rows.map((r) => r.value)).toContain('工作日 9:00–17:00');
    expect(model.pickup?.location).toEqual({ latitude: 28.1, longitude: 113.0, name: pickup.place, address: pickup.address });
  });
});

it('has nothing more to say of a collected card', () => {
  const model = detailModel(applicationDetail({ kind: 'permit', status: 'collected' }), resolve);
  expect(model.status).toBe('已领取');
  expect(model.statusNote).toBe('');
  expect(model.canWithdraw).toBe(false);
});

describe('an approved endorsement', () => {
  it('says the card stays valid, with nothing to collect', () => {
    const model = detailModel(applicationDetail({ kind: 'endorsement', status: 'approved' }), (url) => url);
    expect(JSON.stringify(model)).toContain('签注已通过，居住证继续有效，有效期见首页');
    expect(JSON.stringify(model)).not.toContain('制作中');
  });
});
