// The staff review screen's model: the facts, the whole ID number, the timeline with who did what, and the decisions a status allows.
import type { ApplicationKind, StaffTimelineEntry, Status } from '../../miniprogram/domain/contract';
import type { Row } from '../../miniprogram/utils/applicationRows';
import { fieldLabel } from '../../miniprogram/domain/labels';
import { changeRows } from '../../miniprogram/staff/pages/review/changes';
import { actorName, allowedActions, correctionErrors, correctionSummary, reviewModel, timelineRows } from '../../miniprogram/staff/pages/review/model';
import { ID_NUMBER, OWNER, SYSTEM, china, link, residence, staffApplication, staffEntry } from './support';

const LI_QIANG = { role: 'staff', name: '李强', badge: 'CS02001' } as const;
const WANG_FANG = { role: 'staff', name: '王芳', badge: 'CS02002' } as const;

/** A session of views of the whole number by one officer: `count` of them, the latest at `last`. */
function viewed(at: string, actor: StaffTimelineEntry['actor'], count?: number, last?: string): StaffTimelineEntry {
  return { type: 'id_viewed', at: china(at), actor, ...(count ? { count } : {}), ...(last ? { lastAt: china(last) } : {}) };
}

const resolve = (url: string) => `resolved:${url}`;
const valueOf = (rows: Row[], label: string) => rows.find((r) => r.label === label)?.value;

describe('a pending declaration', () => {
  const model = reviewModel(staffApplication(), resolve);

  it('reads 待审核, as staff read a pending one', () => {
    expect(model.title).toBe('居住信息申报');
    expect(model.status).toBe('待审核');
    expect(model.kind).toBe('declaration');
  });

  it('lists the submission minute, the deadline, the district by name and the declaration date', () => {
    expect(model.facts).toEqual([
      { label: '提交时间', value: '2026-09-01 10:00' },
      { label: '审核期限', value: '2026年9月16日' },
      { label: '所属辖区', value: '岳麓区' },
      { label: '申报日期', value: '2026年9月1日' },
    ]);
  });

  it('shows the whole ID number: the one screen that does', () => {
    expect(valueOf(model.person, '公民身份号码')).toBe(ID_NUMBER);
  });

  it('links every photo through the resolver', () => {
    expect(model.materials.map((m) => m.urls.length)).toEqual([1, 2]);
    expect(model.materials[1].urls[0]).toBe('resolved:https://files.example/f-p1');
  });

  it('offers approve, correct and reject, nothing to make or hand over, and waits for no one else', () => {
    expect(model.allowed).toEqual({ approve: true, correct: true, reject: true, ready: false, collect: false, review: true, any: true });
    expect(model.waiting).toBe('');
  });

  it('passes the overdue flag through', () => {
    expect(model.overdue).toBe(false);
    expect(reviewModel(staffApplication({ overdue: true }), resolve).overdue).toBe(true);
  });
});

describe('what a correction request may name', () => {
  it('on a rented home’s declaration: the person’s changeable fields, the home, the ID photo and the proofs — never the name or number', () => {
    const { correctable } = reviewModel(staffApplication(), resolve);
    expect(correctable).toEqual([
      'applicant.mobile',
      'applicant.hukouAddress',
      'applicant.ethnicity',
      'residence.district',
      'residence.street',
      'residence.address',
      'residence.since',
      'residence.kind',
      'residence.basis',
      'materials.idFront',
      'materials.proofs',
    ]);
  });

  it('the employer or school only when the basis names one', () => {
    const { correctable } = reviewModel(staffApplication({ residence: residence({ basis: 'employment', organisation: '长沙市某某科技有限公司' }) }), resolve);
    expect(correctable).toContain('residence.organisation');
  });

  it('on a relative’s home: the relation statement too', () => {
    const { correctable } = reviewModel(staffApplication({ residence: residence({ kind: 'relative' }) }), resolve);
    expect(correctable).toContain('materials.relationStatement');
  });

  it('on a permit: the contact mobile and the permit’s materials, the photo among them', () => {
    const { correctable } = reviewModel(staffApplication({ kind: 'permit' }), resolve);
    expect(correctable).toEqual(['contact.mobile', 'materials.idFront', 'materials.proofs', 'materials.photo']);
  });

  it('on a replacement: the old card’s photo only when it was damaged', () => {
    const damaged = reviewModel(staffApplication({ kind: 'reissue', reason: 'damaged', residence: undefined }), resolve).correctable;
    const lost = reviewModel(staffApplication({ kind: 'reissue', reason: 'lost', residence: undefined }), resolve).correctable;
    expect(damaged).toEqual(['contact.mobile', 'materials.idFront', 'materials.photo', 'materials.damagedCard']);
    expect(lost).toEqual(['contact.mobile', 'materials.idFront', 'materials.photo']);
  });
});

describe('the decisions a status allows', () => {
  const none = { approve: false, correct: false, reject: false, ready: false, collect: false, review: false, any: false };

  it('after a correction request: refusing only, still a review decision', () => {
    expect(allowedActions('declaration', 'correction_requested')).toEqual({ ...none, reject: true, review: true, any: true });
  });

  it('an approved card is to be made; an approved declaration is done', () => {
    for (const kind of ['permit', 'reissue', 'voucher'] as ApplicationKind[]) {
      expect(allowedActions(kind, 'approved')).toEqual({ ...none, ready: true, any: true });
    }
    expect(allowedActions('declaration', 'approved')).toEqual(none);
  });

  it('a ready card is to be handed over', () => {
    expect(allowedActions('permit', 'ready')).toEqual({ ...none, collect: true, any: true });
  });

  it('a finished one allows nothing', () => {
    for (const status of ['collected', 'rejected', 'withdrawn', 'superseded'] as Status[]) expect(allowedActions('permit', status)).toEqual(none);
  });
});

describe('what an application waits for when staff have nothing to decide', () => {
  const waiting = (status: Status, kind: ApplicationKind = 'declaration') => reviewModel(staffApplication({ status, kind }), resolve).waiting;

  it('names the other party or the end', () => {
    expect(waiting('correction_requested')).toBe('已要求补正，等待申请人重新提交；也可以不予通过。');
    expect(waiting('approved')).toBe('申报已通过，办理完毕。');
    expect(waiting('collected', 'permit')).toBe('证件已交付，办理完毕。');
    expect(waiting('rejected')).toBe('已不予通过，办理结束。');
    expect(waiting('withdrawn')).toBe('申请人已撤回，办理结束。');
    expect(waiting('superseded')).toBe('这份申报已由申请人新的申报取代。');
  });

  it('says nothing while a decision is open to staff', () => {
    expect(waiting('approved', 'permit')).toBe('');
    expect(waiting('ready', 'permit')).toBe('');
  });

  it('reads an approved card as 待制证 and a ready one as 待领取', () => {
    expect(reviewModel(staffApplication({ kind: 'permit', status: 'approved' }), resolve).status).toBe('待制证');
    expect(reviewModel(staffApplication({ kind: 'permit', status: 'ready' }), resolve).status).toBe('待领取');
  });
});

it('lists a card’s issue date and a replacement’s reason and fee among the facts', () => {
  const model = reviewModel(
    staffApplication({ kind: 'reissue', status: 'approved', reason: 'damaged', fee: 20, issuedOn: '2027-03-10', declaredOn: undefined, residence: undefined }),
    resolve,
  );
  expect(model.facts.map((f) => f.label)).toEqual(['提交时间', '审核期限', '所属辖区', '办理原因', '证件工本费', '发证日期']);
  expect(valueOf(model.facts, '发证日期')).toBe('2027年3月10日');
  expect(model.residence).toEqual([]);
});

describe('the timeline', () => {
  it('titles each step, a resubmission apart from the first submission, with when and who', () => {
    const rows = timelineRows([
      staffEntry('pending', '2026-09-01 10:00', OWNER),
      staffEntry('correction_requested', '2026-09-02 09:30', LI_QIANG, { from: 'pending' }),
      staffEntry('pending', '2026-09-03 08:05', OWNER, { from: 'correction_requested' }),
      staffEntry('superseded', '2026-10-01 00:00', SYSTEM, { from: 'approved' }),
    ]);
    expect(rows.map((r) => r.title)).toEqual(['提交申请', '要求补正', '重新提交', '由新的申报取代']);
    expect(rows.map((r) => r.meta)).toEqual(['2026-09-01 10:00 · 申请人', '2026-09-02 09:30 · 李强（警号 CS02001）', '2026-09-03 08:05 · 申请人', '2026-10-01 00:00 · 系统']);
    expect(rows.every((r) => !r.view)).toBe(true);
  });

  it('names an officer by name and badge, by name alone without a badge, and plainly without either', () => {
    expect(actorName(LI_QIANG)).toBe('李强（警号 CS02001）');
    expect(actorName({ role: 'staff', name: '王芳' })).toBe('王芳');
    const [row] = timelineRows([staffEntry('approved', '2026-09-02 09:30', { role: 'staff' }, { from: 'pending' })]);
    expect(row.meta).toBe('2026-09-02 09:30 · 工作人员');
  });

  it('never shows an account id, even one an older answer still carries', () => {
    const legacy = { role: 'staff', name: '李强', badge: 'CS02001', openid: 'staff-yuelu' } as StaffTimelineEntry['actor'];
    const [row] = timelineRows([staffEntry('approved', '2026-09-02 09:30', legacy, { from: 'pending' }), viewed('2026-09-02 09:40', legacy)]);
    expect(JSON.stringify(timelineRows([staffEntry('approved', '2026-09-02 09:30', legacy), viewed('2026-09-02 09:40', legacy)]))).not.toContain('staff-yuelu');
    expect(row.meta).toBe('2026-09-02 09:30 · 李强（警号 CS02001）');
  });

  it('does not repeat a note that only says the step again, and keeps one that says more', () => {
    const [plain, said] = timelineRows([
      staffEntry('approved', '2026-09-02 09:30', LI_QIANG, { from: 'pending', note: '审核通过' }),
      staffEntry('approved', '2026-09-02 09:31', LI_QIANG, { from: 'pending', note: '材料齐全' }),
    ]);
    expect(plain.lines).toEqual([]);
    expect(said.lines).toEqual(['材料齐全']);
  });

  it('lists a request’s items by name and a refusal’s reasons numbered', () => {
    const [asked, refused] = timelineRows([
      staffEntry('correction_requested', '2026-09-02 09:30', LI_QIANG, { items: [{ item: 'applicant.mobile', message: '号码无法接通' }] }),
      staffEntry('rejected', '2026-09-05 09:30', LI_QIANG, { reasons: ['租赁合同已过期', '居住地址与合同不一致'] }),
    ]);
    expect(asked.lines).toEqual(['手机号码：号码无法接通']);
    expect(refused.lines).toEqual(['理由1：租赁合同已过期', '理由2：居住地址与合同不一致']);
  });

  it('reads one view of the whole number as one quiet line', () => {
    const rows = timelineRows([staffEntry('pending', '2026-09-01 10:00', OWNER), viewed('2026-09-01 11:00', LI_QIANG)]);
    expect(rows[1]).toEqual({ key: expect.any(String), view: true, title: '查看完整身份号码', meta: '2026-09-01 11:00 · 李强（警号 CS02001）', lines: [] });
  });

  it('reads a session of views as their count and the latest minute', () => {
    const rows = timelineRows([viewed('2026-09-01 10:20', LI_QIANG, 3, '2026-09-01 10:42')]);
    expect(rows[0]).toMatchObject({ view: true, title: '查看完整身份号码 3 次（最后 10:42）', meta: '2026-09-01 10:20 · 李强（警号 CS02001）' });
  });

  it('folds neighbouring sessions of one officer into one line, the date of the latest shown when it was another day', () => {
    const rows = timelineRows([viewed('2026-09-01 11:00', LI_QIANG, 2, '2026-09-01 11:05'), viewed('2026-09-02 14:00', LI_QIANG)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: '查看完整身份号码 3 次（最后 2026-09-02 14:00）', meta: '2026-09-01 11:00 · 李强（警号 CS02001）' });
  });

  it('starts a new line for another officer’s view, and after a step', () => {
    const rows = timelineRows([
      staffEntry('pending', '2026-09-01 10:00', OWNER),
      viewed('2026-09-01 11:00', LI_QIANG, 2, '2026-09-01 11:01'),
      viewed('2026-09-01 11:02', WANG_FANG),
      staffEntry('approved', '2026-09-01 11:10', WANG_FANG, { from: 'pending' }),
      viewed('2026-09-01 11:20', WANG_FANG),
    ]);
    expect(rows.map((r) => (r.view ? `view ${r.meta} ${r.title}` : r.title))).toEqual([
      '提交申请',
      'view 2026-09-01 11:00 · 李强（警号 CS02001） 查看完整身份号码 2 次（最后 11:01）',
      'view 2026-09-01 11:02 · 王芳（警号 CS02002） 查看完整身份号码',
      '审核通过',
      'view 2026-09-01 11:20 · 王芳（警号 CS02002） 查看完整身份号码',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('comes whole from the application', () => {
    const model = reviewModel(staffApplication({ timeline: [staffEntry('pending', '2026-09-01 10:00', OWNER), viewed('2026-09-01 11:00', LI_QIANG)] }), resolve);
    expect(model.timeline.map((r) => r.view)).toEqual([false, true]);
  });
});

describe('the approval’s question', () => {
  it('names the applicant and the service', () => {
    expect(reviewModel(staffApplication(), resolve).approveQuestion).toBe('确定通过李晓梅的居住信息申报吗？');
    expect(reviewModel(staffApplication({ kind: 'permit' }), resolve).approveQuestion).toBe('确定通过李晓梅的核发居住证吗？');
    expect(reviewModel(staffApplication(), resolve).applicantName).toBe('李晓梅');
  });
});

describe('what a resubmission changed', () => {
  const resubmitted = (changes: StaffTimelineEntry['changes'], status: Status = 'pending') =>
    staffApplication({
      status,
      timeline: [
        staffEntry('pending', '2026-09-01 10:00', OWNER),
        staffEntry('correction_requested', '2026-09-02 09:30', LI_QIANG, { from: 'pending' }),
        staffEntry('pending', '2026-09-03 08:05', OWNER, { from: 'correction_requested', changes }),
      ],
    });

  it('lists each field by name, before and after, the stored codes read as words', () => {
    const { changes } = reviewModel(
      resubmitted([
        { item: 'applicant.mobile', before: '13800138000', after: '13900139000' },
        { item: 'residence.kind', before: 'rent', after: 'relative' },
        { item: 'residence.since', before: '2026-03-01', after: '2026-02-01' },
        { item: 'residence.organisation', after: '长沙市某某科技有限公司' },
      ]),
      resolve,
    );
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['手机号码', '13800138000', '13900139000'],
      ['住所类型', '租赁房屋', '借住亲属住房'],
      ['居住起始日期', '2026年3月1日', '2026年2月1日'],
      [fieldLabel('residence.organisation'), '未填写', '长沙市某某科技有限公司'],
    ]);
    expect(changes.every((c) => c.field)).toBe(true);
  });

  it('shows a material’s photos added and removed through the resolver', () => {
    const [proofs] = reviewModel(resubmitted([{ item: 'materials.proofs', added: [link('f-new')], removed: [link('f-p1'), link('f-p2')] }]), resolve).changes;
    expect(proofs).toMatchObject({ label: '居住地址证明', field: false, added: [resolve(link('f-new').url)], removed: [resolve(link('f-p1').url), resolve(link('f-p2').url)] });
  });

  it('is empty for a first submission, and once the review moved on', () => {
    expect(reviewModel(staffApplication(), resolve).changes).toEqual([]);
    expect(reviewModel(resubmitted([{ item: 'applicant.mobile', before: 'a', after: 'b' }], 'approved'), resolve).changes).toEqual([]);
  });

  it('comes from the latest submission only', () => {
    expect(
      changeRows(
        [staffEntry('pending', '2026-09-03 08:05', OWNER, { changes: [{ item: 'applicant.mobile', before: 'a', after: 'b' }] }), staffEntry('pending', '2026-09-05 08:05', OWNER)],
        resolve,
      ),
    ).toEqual([]);
  });
});

describe('a correction request’s answer', () => {
  const sent = [
    { item: 'applicant.mobile', message: '' },
    { item: 'materials.proofs', message: 'x'.repeat(201) },
  ];

  it('puts each item’s error next to that item', () => {
    expect(correctionErrors({ 'items.0.message': '请写明需要怎样补正（1–200 字）', 'items.1.message': '不能超过 200 个字' }, sent)).toEqual({
      'applicant.mobile': '请写明需要怎样补正（1–200 字）',
      'materials.proofs': '不能超过 200 个字',
    });
  });

  it('puts an error about the request as a whole, or an item it did not send, under ""', () => {
    expect(correctionErrors({ items: '请至少选择一项需要补正的内容' }, sent)).toEqual({ '': '请至少选择一项需要补正的内容' });
    expect(correctionErrors({ 'items.7.item': '这一项不能要求补正' }, sent)).toEqual({ '': '这一项不能要求补正' });
  });

  it('names the items for the confirmation, in order', () => {
    expect(correctionSummary(sent)).toBe('手机号码、居住地址证明');
    expect(
      correctionSummary([
        { item: 'residence.since', message: 'x' },
        { item: 'materials.relationStatement', message: 'y' },
      ]),
    ).toBe('居住起始日期、关系说明');
  });
});

it('never offers the staff a photo list that is empty', () => {
  const model = reviewModel(
    staffApplication({ kind: 'reissue', reason: 'lost', residence: undefined, materials: { idFront: link('f-id'), photo: link('f-ph'), proofs: [] } }),
    resolve,
  );
  expect(model.materials.map((m) => m.label)).toEqual(['身份证人像面照片', '本人相片']);
});
