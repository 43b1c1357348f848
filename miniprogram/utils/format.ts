// Dates as residents read them. Inputs are China-time 'YYYY-MM-DD' strings from the domain; dayjs
// parses and formats them in one and the same zone, so no time zone can shift the day.
import dayjs from 'dayjs';
import { chinaDateTime } from '../domain/dates';

export function longDate(date: string): string {
  return dayjs(date).format('YYYY年M月D日');
}

/** An instant (epoch milliseconds) as residents read it in China time, e.g. '2027年3月1日 08:30'. */
export function longDateTime(instant: number): string {
  const [date, time] = chinaDateTime(instant).split(' ');
  return `${longDate(date)} ${time}`;
}

/** A fee as residents read it: 免费, or the amount in yuan. */
export function feeText(yuan: number): string {
  return yuan === 0 ? '免费' : `${yuan} 元`;
}
