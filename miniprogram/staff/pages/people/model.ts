// 人员管理's view model: the districts a supervisor may grant, and how a staff member is named on screen.
import type { StaffGrant, StaffMember } from '../../../domain/contract';
import { DISTRICTS, districtName } from '../../../domain/districts';

/** The value of the choice that grants the whole city. */
export const CITY_WIDE = 'all';

export interface DistrictChoice {
  code: string;
  name: string;
}

/** A city-wide supervisor may also grant the whole city; any other grants among their own districts. */
export function districtChoices(own: StaffMember['districts']): DistrictChoice[] {
  if (own === 'all') return [{ code: CITY_WIDE, name: '全市' }, ...DISTRICTS.map((d) => ({ code: d.code, name: d.name }))];
  return own.map((code) => ({ code, name: districtName(code) }));
}

/** Where a role reaches, as a person reads it. */
export function districtsText(districts: StaffMember['districts']): string {
  return districts === 'all' ? '全市' : districts.map(districtName).join('、');
}

/** The line that confirms a role: 李强（警号 CS02001）· 岳麓区 · 主管. */
export function memberLine(member: StaffMember): string {
  return [`${member.name}（警号 ${member.badge}）`, districtsText(member.districts), ...(member.supervisor ? ['主管'] : [])].join(' · ');
}

export interface GrantForm {
  openid: string;
  name: string;
  badge: string;
  districts: string[];
  supervisor: boolean;
}

/** What the form asks the server for; 全市 stands alone, whatever else is ticked. */
export function grantOf(form: GrantForm): StaffGrant {
  return {
    openid: form.openid.trim(),
    name: form.name.trim(),
    badge: form.badge.trim(),
    districts: form.districts.includes(CITY_WIDE) ? 'all' : form.districts,
    ...(form.supervisor ? { supervisor: true } : {}),
  };
}
