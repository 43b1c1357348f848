// A supervisor's overview: one card per district of theirs with the last 30 days' work and its pace.
import type { StaffMember, StaffStats } from '../../../domain/contract';
import { DISTRICTS, districtName } from '../../../domain/districts';

/** The days the overview counts back from today, today included. */
export const OVERVIEW_DAYS = 30;

export interface OverviewFigure {
  label: string;
  value: string;
  /** Drawn in the danger colour: applications past their deadline. */
  urgent: boolean;
}

export interface DistrictCard {
  code: string;
  name: string;
  /** Empty while loading or when the figures could not be read (then `note` says so). */
  figures: OverviewFigure[];
  note: string;
  /** What a screen reader says for the card. */
  spoken: string;
}

/** The districts a supervisor oversees: each of theirs, or every district for a city-wide one. */
export function overviewDistricts(districts: StaffMember['districts']): string[] {
  return districts === 'all' ? DISTRICTS.map((d) => d.code) : [...districts];
}

/** Days to a decision as a person reads them: 2.5 天, or — when nothing was decided. */
export function daysText(days: number | null): string {
  if (days === null) return '—';
  return `${Number.isInteger(days) ? days : days.toFixed(1)} 天`;
}

export function districtCard(code: string, stats: StaffStats | null, failure = ''): DistrictCard {
  const name = districtName(code);
  if (!stats) return { code, name, figures: [], note: failure || '正在统计…', spoken: `${name}，${failure || '正在统计'}` };
  const figures: OverviewFigure[] = [
    { label: `近${OVERVIEW_DAYS}日收件`, value: String(stats.received), urgent: false },
    { label: `近${OVERVIEW_DAYS}日办结`, value: String(stats.decided), urgent: false },
    { label: '当前超期', value: String(stats.overdue), urgent: stats.overdue > 0 },
    { label: '中位办结天数', value: daysText(stats.medianDaysToDecision), urgent: false },
  ];
  return { code, name, figures, note: '', spoken: [name, ...figures.map((f) => `${f.label} ${f.value}`)].join('，') };
}
