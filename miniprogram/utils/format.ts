// Dates as residents read them. Inputs are China-time 'YYYY-MM-DD' strings from the domain; dayjs
// parses and formats them in one and the same zone, so no time zone can shift the day.
import dayjs from 'dayjs';

export function longDate(date: string): string {
  return dayjs(date).format('YYYY年M月D日');
}
