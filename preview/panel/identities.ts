// Who the developer can be in the preview: each identity is a development openid the local host
// trusts (X-Openid). Add an entry here to offer another one (e.g. a staff member).
export interface Identity {
  label: string;
  openid: string;
  note?: string;
  /** A staff identity: the panel grants this role on the local host before switching to it. */
  staffDistricts?: string[] | 'all';
}

export const IDENTITIES: readonly Identity[] = [
  { label: '居民一', openid: 'dev-resident-1', note: '默认身份' },
  { label: '居民二', openid: 'dev-resident-2' },
  { label: '民警（全市）', openid: 'dev-staff-1', note: '审核工作人员', staffDistricts: 'all' },
];
