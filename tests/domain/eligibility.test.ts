import { overviewOf, type HistoryItem } from '../../miniprogram/domain/eligibility';
import { canTransition } from '../../miniprogram/domain/states';
import { requiredMaterials } from '../../miniprogram/domain/materials';

const CARD_FEE = 20;
const at = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);
const declaration = (id: string, status: HistoryItem['status'], declaredOn: string): HistoryItem => ({
  id,
  kind: 'declaration',
  status,
  declaredOn,
  submittedAt: at(declaredOn),
});

describe('the overview of a person', () => {
  it('offers only the declaration to someone new', () => {
    const o = overviewOf([], '2026-11-28', CARD_FEE);
    expect(o.declaration).toBeNull();
    expect(o.services.declare).toEqual({ open: true, fee: 0 });
    expect(o.approvedDeclarationId).toBeNull();
    expect(o.services.permit.open).toBe(false);
    expect(o.services.voucher.open).toBe(false);
    expect(o.services.reissue.open).toBe(false);
  });

  it('shows a pending declaration with a provisional date and opens nothing', () => {
    const o = overviewOf([declaration('d1', 'pending', '2026-08-31')], '2026-09-01', CARD_FEE);
    expect(o.declaration).toMatchObject({ permitOpensOn: '2027-02-28', permitOpensOnProvisional: true, daysUntilPermit: 180 });
    expect(o.services.declare.open).toBe(false);
    expect(o.services.permit.open).toBe(false);
    expect(o.services.voucher.open).toBe(false);
  });

  it('opens the voucher before six months and the permit on the day they are reached', () => {
    const history = [declaration('d1', 'approved', '2026-08-31')];
    const before = overviewOf(history, '2027-02-27', CARD_FEE);
    expect(before.services.permit).toMatchObject({ open: false, opensOn: '2027-02-28' });
    expect(before.services.permit.reason).toContain('1 天');
    expect(before.services.voucher.open).toBe(true);
    const on = overviewOf(history, '2027-02-28', CARD_FEE);
    expect(on.services.permit).toEqual({ open: true, fee: 0 });
    expect(on.approvedDeclarationId).toBe('d1');
    expect(on.services.voucher.open).toBe(false);
    expect(on.declaration?.permitOpensOnProvisional).toBe(false);
  });

  it('keeps counting from the first approved declaration after a move', () => {
    const history = [declaration('d1', 'superseded', '2026-03-10'), declaration('d2', 'approved', '2026-07-01')];
    const o = overviewOf(history, '2026-09-10', CARD_FEE);
    expect(o.declaration).toMatchObject({ id: 'd2', permitOpensOn: '2026-09-10', daysUntilPermit: 0 });
    expect(o.services.permit.open).toBe(true);
    expect(o.approvedDeclarationId).toBe('d2');
  });

  it('ignores withdrawn and rejected declarations for the count', () => {
    const history = [declaration('d1', 'rejected', '2026-01-10'), declaration('d2', 'withdrawn', '2026-02-10')];
    const o = overviewOf(history, '2026-11-28', CARD_FEE);
    expect(o.declaration).toMatchObject({ id: 'd1', status: 'rejected', permitOpensOnProvisional: true });
    expect(o.services.permit.open).toBe(false);
    expect(o.services.declare.open).toBe(true);
    expect(o.approvedDeclarationId).toBeNull();
  });

  it('asks for an approved declaration before a replacement, as the server does', () => {
    const card: HistoryItem = { id: 'p1', kind: 'permit', status: 'collected', submittedAt: at('2027-03-01'), issuedOn: '2027-03-05' };
    const o = overviewOf([declaration('d1', 'withdrawn', '2026-08-31'), card], '2027-04-01', CARD_FEE);
    expect(o.services.reissue).toMatchObject({ open: false, reason: '需先完成居住信息申报并审核通过' });
  });

  it('shows the card being applied for, else the card held, never a withdrawn or refused replacement', () => {
    const approved = declaration('d1', 'approved', '2026-08-31');
    const held: HistoryItem = { id: 'p1', kind: 'permit', status: 'collected', submittedAt: at('2027-03-01'), issuedOn: '2027-03-05' };
    const replacement = (status: HistoryItem['status']): HistoryItem => ({ id: 'r1', kind: 'reissue', status, submittedAt: at('2027-06-01') });
    const cardOn = (history: HistoryItem[]) => overviewOf(history, '2027-06-02', CARD_FEE).card;
    expect(cardOn([approved, held, replacement('pending')])).toEqual({ id: 'r1', kind: 'reissue', status: 'pending' });
    expect(cardOn([approved, held, replacement('withdrawn')])).toEqual({
      id: 'p1',
      kind: 'permit',
      status: 'collected',
      issuedOn: '2027-03-05',
      validUntil: '2028-03-04',
      yearsOfResidence: 0,
      endorsement: { status: 'not_due', opensOn: '2028-02-05', closesOn: '2028-03-04' },
    });
    expect(cardOn([approved, held, replacement('rejected')])).toMatchObject({ id: 'p1', status: 'collected' });
    expect(cardOn([approved, { ...held, reportedLostOn: '2027-05-20' }, replacement('withdrawn')])).toMatchObject({ id: 'p1', reportedLostOn: '2027-05-20' });
    // A replacement under way for a lost card names the day of the loss; a renewal, or a settled one, does not.
    const lost = { ...held, reportedLostOn: '2027-05-20' };
    expect(cardOn([approved, lost, replacement('pending')])).toEqual({ id: 'r1', kind: 'reissue', status: 'pending', replacesLostOn: '2027-05-20' });
    expect(cardOn([approved, lost, replacement('correction_requested')])).toMatchObject({ replacesLostOn: '2027-05-20' });
    expect(cardOn([approved, lost, replacement('approved')])).not.toHaveProperty('replacesLostOn');
    const refused: HistoryItem = { id: 'p2', kind: 'permit', status: 'rejected', submittedAt: at('2027-03-01') };
    expect(cardOn([approved, refused])).toMatchObject({ id: 'p2', status: 'rejected' });
    expect(cardOn([approved, { ...refused, status: 'withdrawn' }])).toBeNull();
    // The contract's `permit` stays the latest permit or reissue application, whatever its status.
    expect(overviewOf([approved, held, replacement('withdrawn')], '2027-06-02', CARD_FEE).permit).toEqual({ id: 'r1', kind: 'reissue', status: 'withdrawn' });
  });

  it('opens no replacement while a new card is being made or waits to be collected', () => {
    const approved = declaration('d1', 'approved', '2026-08-31');
    const held: HistoryItem = { id: 'p1', kind: 'permit', status: 'collected', submittedAt: at('2027-03-01'), reportedLostOn: '2027-05-20' };
    for (const status of ['approved', 'ready'] as const) {
      const replacement: HistoryItem = { id: 'r1', kind: 'reissue', status, submittedAt: at('2027-05-20') };
      expect(overviewOf([approved, held, replacement], '2027-06-02', CARD_FEE).services.reissue).toMatchObject({
        open: false,
        reason: '新证正在制作或等待领取，领取后可再办理补领或换领',
      });
    }
  });

  it('charges the configured card fee for a replacement or renewal only', () => {
    const card: HistoryItem = { id: 'p1', kind: 'permit', status: 'collected', submittedAt: at('2027-03-01'), issuedOn: '2027-03-05' };
    const o = overviewOf([declaration('d1', 'approved', '2026-08-31'), card], '2027-04-01', 12.5);
    expect(o.services.reissue).toEqual({ open: true, fee: 12.5 });
    expect([o.services.declare.fee, o.services.permit.fee, o.services.voucher.fee]).toEqual([0, 0, 0]);
  });
});

describe('the state machine', () => {
  it.each([
    ['declaration', 'pending', 'approved', 'staff', true],
    ['declaration', 'pending', 'withdrawn', 'owner', true],
    ['declaration', 'pending', 'withdrawn', 'staff', false],
    ['declaration', 'correction_requested', 'pending', 'owner', true],
    ['declaration', 'approved', 'ready', 'staff', false],
    ['permit', 'approved', 'ready', 'staff', true],
    ['permit', 'ready', 'collected', 'staff', true],
    ['permit', 'approved', 'superseded', 'system', false],
    ['declaration', 'approved', 'superseded', 'system', true],
    ['declaration', 'approved', 'withdrawn', 'owner', false],
    ['voucher', 'collected', 'pending', 'owner', false],
    ['reissue', 'rejected', 'approved', 'staff', false],
  ] as const)('%s: %s -> %s by %s is %s', (kind, from, to, by, allowed) => {
    expect(canTransition(kind, from, to, by)).toBe(allowed);
  });
});

describe('materials by residence kind', () => {
  const fields = (...args: Parameters<typeof requiredMaterials>) => requiredMaterials(...args).map((m) => m.field);
  it('asks for the relation statement only for a relative’s home and other cases', () => {
    expect(fields('declaration', 'rent')).toEqual(['idFront', 'proofs']);
    expect(fields('declaration', 'relative')).toEqual(['idFront', 'proofs', 'relationStatement']);
    expect(fields('declaration', 'other')).toEqual(['idFront', 'proofs', 'relationStatement']);
    expect(fields('declaration', 'dormitory')).toEqual(['idFront', 'proofs']);
  });
  it('adds the photo for a permit and the old card for a damaged one', () => {
    expect(fields('permit', 'own')).toEqual(['idFront', 'proofs', 'photo']);
    expect(fields('reissue', 'own', 'damaged')).toEqual(['idFront', 'photo', 'damagedCard']);
    expect(fields('reissue', 'own', 'lost')).toEqual(['idFront', 'photo']);
  });
  it('names the proof the residence kind needs', () => {
    expect(requiredMaterials('declaration', 'rent')[1].hint).toContain('房屋租赁合同');
    expect(requiredMaterials('declaration', 'dormitory')[1].hint).toContain('集体宿舍居住证明');
  });
});
