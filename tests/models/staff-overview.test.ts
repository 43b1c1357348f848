// A supervisor's overview: a card per district with the last 30 days' figures.
import { daysText, districtCard, overviewDistricts } from '../../miniprogram/staff/pages/people/overview';
import { LIUYANG, YUELU } from './support';

const stats = { received: 12, decided: 9, overdue: 1, dueToday: 2, medianDaysToDecision: 2.5, waiting: {} };

describe('the districts overseen', () => {
  it('are the supervisor’s own, or every district for the whole city', () => {
    expect(overviewDistricts([YUELU, LIUYANG])).toEqual([YUELU, LIUYANG]);
    expect(overviewDistricts('all')).toHaveLength(9);
  });
});

describe('a district’s card', () => {
  it('names the district and shows received, decided, overdue and the median days', () => {
    const card = districtCard(YUELU, stats);
    expect(card.name).toBe('岳麓区');
    expect(card.figures.map((f) => `${f.label} ${f.value}`)).toEqual(['近30日收件 12', '近30日办结 9', '当前超期 1', '中位办结天数 2.5 天']);
    expect(card.figures.filter((f) => f.urgent).map((f) => f.label)).toEqual(['当前超期']);
    expect(card.spoken).toBe('岳麓区，近30日收件 12，近30日办结 9，当前超期 1，中位办结天数 2.5 天');
  });

  it('reads no decision as —, and whole days without a decimal', () => {
    expect(daysText(null)).toBe('—');
    expect(daysText(3)).toBe('3 天');
    expect(districtCard(YUELU, { ...stats, medianDaysToDecision: null }).figures[3].value).toBe('—');
  });

  it('says it is counting, or why it could not', () => {
    expect(districtCard(YUELU, null)).toMatchObject({ figures: [], note: '正在统计…' });
    expect(districtCard(YUELU, null, '网络不给力')).toMatchObject({ figures: [], note: '网络不给力' });
  });
});
