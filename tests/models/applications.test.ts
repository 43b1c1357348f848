// 我的办件's rows: the kind, the status and its tag, and the dates that matter next, read in China time.
import type { Status } from '../../miniprogram/domain/contract';
import { rowOf } from '../../miniprogram/pages/applications/model';
import { applicationView, china } from './support';

it('names a pending application’s kind, status, submission day and review deadline', () => {
  expect(rowOf(applicationView())).toEqual({
    id: 'app-1',
    title: '居住信息申报',
    status: '审核中',
    tagType: 'primary',
    detail: '2026年9月1日提交，2026年9月16日前完成审核',
    lines: [
      { date: '2026年9月1日', text: '提交' },
      { date: '2026年9月16日', text: '前完成审核' },
    ],
  });
});

it('puts the submission day and the deadline on lines of their own, each date whole, so no date breaks between its parts', () => {
  const { lines } = rowOf(applicationView({ submittedAt: china('2026-09-01 10:00'), dueOn: '2026-09-16' }));
  expect(lines).toHaveLength(2);
  for (const line of lines) expect(line.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
});

it('says a pending application is past its deadline instead of the date', () => {
  expect(rowOf(applicationView({ overdue: true })).detail).toBe('2026年9月1日提交，已超过审核期限');
  expect(rowOf(applicationView({ overdue: true })).lines[1]).toEqual({ date: '', text: '已超过审核期限' });
});

it('reads the submission day in China time: half past midnight there is already the next day', () => {
  expect(rowOf(applicationView({ submittedAt: china('2026-09-01 00:30') })).detail).toMatch(/^2026年9月1日提交/);
  expect(rowOf(applicationView({ submittedAt: china('2026-08-31 23:59') })).detail).toMatch(/^2026年8月31日提交/);
});

it('gives every other status only its submission day', () => {
  for (const status of ['correction_requested', 'approved', 'rejected', 'withdrawn'] as Status[]) {
    expect(rowOf(applicationView({ status, overdue: true })).detail).toBe('2026年9月1日提交');
  }
});

it('colours each status’s tag: staff’s turn blue, the resident’s orange, good news green, refusal red, the rest grey', () => {
  const tags = (['pending', 'correction_requested', 'approved', 'ready', 'rejected', 'collected', 'withdrawn', 'superseded'] as Status[]).map((status) => [
    rowOf(applicationView({ status })).status,
    rowOf(applicationView({ status })).tagType,
  ]);
  expect(tags).toEqual([
    ['审核中', 'primary'],
    ['待补正', 'warning'],
    ['已通过', 'success'],
    ['待领取', 'success'],
    ['未通过', 'danger'],
    ['已领取', 'default'],
    ['已撤回', 'default'],
    ['已由新申报取代', 'default'],
  ]);
});

it('titles each kind', () => {
  expect(rowOf(applicationView({ kind: 'reissue' })).title).toBe('居住证补领/换领');
  expect(rowOf(applicationView({ kind: 'voucher' })).title).toBe('居住登记凭证申领');
});
