// The staff queue's model: the filter menus, the filter sent, and each row as a reviewer scans it.
import { CARD_TO_MAKE_LABEL } from '../../miniprogram/domain/labels';
import { staffStatus } from '../../miniprogram/staff/status';
import { KIND_OPTIONS, STATUS_OPTIONS, filterOf, queueRow } from '../../miniprogram/staff/pages/queue/model';
import { countTiles } from '../../miniprogram/staff/pages/queue/counts';
import { NO_CODE_MATCH, noResults, queryOf, scanOutcome, SEARCH_PLACEHOLDER } from '../../miniprogram/staff/pages/queue/search';
import { ID_MASKED, ID_NUMBER, LIUYANG, queueItem } from './support';

describe('the filters', () => {
  it('default to everything waiting for staff, and offer each status by its staff name, never 已更新', () => {
    expect(STATUS_OPTIONS[0]).toEqual({ text: '全部待处理', value: '' });
    expect(STATUS_OPTIONS.map((o) => o.value)).toEqual(['', 'pending', 'correction_requested', 'approved', 'ready', 'collected', 'rejected', 'withdrawn']);
    expect(STATUS_OPTIONS.find((o) => o.value === 'pending')?.text).toBe('待审核');
    // Approved, the queue shows the cards still to make (settled declarations are not in its approved lane).
    expect(STATUS_OPTIONS.find((o) => o.value === 'approved')?.text).toBe('待制证');
    expect(STATUS_OPTIONS.find((o) => o.value === 'correction_requested')?.text).toBe('待申请人补正');
  });

  it('offer every kind after 全部类型', () => {
    expect(KIND_OPTIONS.map((o) => o.text)).toEqual(['全部类型', '居住信息申报', '核发居住证', '居住登记凭证申领', '居住证补领/换领', '居住证签注']);
  });

  it('send only what was chosen', () => {
    expect(filterOf('', '')).toEqual({});
    expect(filterOf('correction_requested', '')).toEqual({ status: 'correction_requested' });
    expect(filterOf('', 'permit')).toEqual({ kind: 'permit' });
    expect(filterOf('approved', 'reissue')).toEqual({ status: 'approved', kind: 'reissue' });
  });
});

describe('a row', () => {
  it('shows the name, kind, staff status, masked number with the district, and the deadline, and says them all', () => {
    const row = queueRow(queueItem());
    expect(row).toEqual({
      id: 'app-1',
      name: '李晓梅',
      kind: '居住信息申报',
      status: '待审核',
      tagType: 'primary',
      identity: `${ID_MASKED} · 岳麓区`,
      due: '审核期限 2026年9月16日',
      overdue: false,
      label: `李晓梅，居住信息申报，待审核，${ID_MASKED} · 岳麓区，审核期限 2026年9月16日`,
    });
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(queueRow(queueItem({ overdue: true })).label).toBe(`李晓梅，居住信息申报，待审核，已超期，${ID_MASKED} · 岳麓区，审核期限 2026年9月16日`);
  });

  it('reads an approved card as one to make, blue, and an approved declaration as done, green', () => {
    expect(queueRow(queueItem({ kind: 'permit', status: 'approved' }))).toMatchObject({ status: '待制证', tagType: 'primary' });
    expect(queueRow(queueItem({ kind: 'declaration', status: 'approved' }))).toMatchObject({ status: '已通过', tagType: 'success' });
  });

  it('reads a request sent back as waiting for the applicant, orange', () => {
    expect(queueRow(queueItem({ status: 'correction_requested' }))).toMatchObject({ status: '待申请人补正', tagType: 'warning' });
  });

  it('says when the correction was asked of one waiting for the applicant, instead of the review deadline', () => {
    const row = queueRow(queueItem({ status: 'correction_requested', askedOn: '2027-03-01' }));
    expect(row).toMatchObject({ status: '待申请人补正', due: '2027年3月1日要求补正' });
    expect(row.label).toContain('待申请人补正');
    expect(row.label).toContain('2027年3月1日要求补正');
  });

  it('marks an overdue one, and names a county by name', () => {
    const row = queueRow(queueItem({ overdue: true, district: LIUYANG }));
    expect(row.overdue).toBe(true);
    expect(row.identity.endsWith(' · 浏阳市')).toBe(true);
  });
});

describe('an approved endorsement in the console', () => {
  it('is done, not a card to make', () => {
    expect(staffStatus('approved', 'endorsement').label).not.toBe(CARD_TO_MAKE_LABEL);
    expect(staffStatus('approved', 'permit').label).toBe(CARD_TO_MAKE_LABEL);
  });
});

describe('the search', () => {
  it('says what it finds by, and sends the typed text trimmed, nothing for blanks', () => {
    expect(SEARCH_PLACEHOLDER).toBe('姓名、身份证后4–6位、办件编号或领取码');
    expect(queryOf('  李晓梅 ')).toBe('李晓梅');
    expect(queryOf('   ')).toBeNull();
    expect(queryOf('x'.repeat(70))).toHaveLength(64);
  });

  it('says plainly when nothing was found, naming what was searched', () => {
    expect(noResults('李晓梅')).toBe('没有找到与“李晓梅”相符的办件');
  });

  it('opens a scanned code’s one card waiting for pickup, and says so when there is none', () => {
    expect(scanOutcome([queueItem({ id: 'a', status: 'ready' })])).toEqual({ open: 'a' });
    expect(scanOutcome([])).toEqual({ none: true });
    expect(scanOutcome([queueItem({ id: 'a', status: 'collected' })])).toEqual({ none: true });
    expect(NO_CODE_MATCH).toBe('没有找到这个领取码对应的待领取证件');
    const two = [queueItem({ id: 'a', status: 'ready' }), queueItem({ id: 'b', status: 'ready' })];
    expect(scanOutcome(two)).toEqual({ list: two });
  });
});

describe('the counts', () => {
  const stats = { received: 9, decided: 7, overdue: 2, dueToday: 0, medianDaysToDecision: 3, waiting: { pending: 4, approved: 1, ready: 3 } };

  it('show what waits by status, each a filter, then the deadlines', () => {
    const tiles = countTiles(stats);
    expect(tiles.map((t) => [t.label, t.count, t.status])).toEqual([
      ['待审核', 4, 'pending'],
      ['待申请人补正', 0, 'correction_requested'],
      ['待制证', 1, 'approved'],
      ['待领取', 3, 'ready'],
      ['已超期', 2, ''],
      ['今日到期', 0, ''],
    ]);
    expect(tiles.filter((t) => t.urgent).map((t) => t.key)).toEqual(['overdue']);
    expect(tiles[0].spoken).toBe('待审核 4 件，点按只看这些，再点按看全部');
    expect(tiles[4].spoken).toBe('已超期 2 件');
  });

  it('offer every status filter the menu has', () => {
    const menu = STATUS_OPTIONS.map((o) => o.value);
    for (const tile of countTiles(stats).filter((t) => t.status)) expect(menu).toContain(tile.status);
  });
});
