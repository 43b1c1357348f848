// Who the developer can be in the preview: each identity is a development openid the local host
// trusts (X-Openid). Add an entry here to offer another one (e.g. a staff member).
export interface Identity {
  label: string;
  openid: string;
  note?: string;
  /** A staff identity: the panel grants this role on the local host (POST /api/dev/staff) before switching to it. */
  staff?: { districts: string[] | 'all'; name: string; badge: string; supervisor?: boolean };
}

export const IDENTITIES: readonly Identity[] = [
  { label: '居民一', openid: 'dev-resident-1', note: '默认身份' },
  { label: '居民二', openid: 'dev-resident-2' },
  { label: '民警（全市）', openid: 'dev-staff-1', note: '审核工作人员', staff: { districts: 'all', name: '李强', badge: 'CS02001' } },
  { label: '主管（全市）', openid: 'dev-supervisor-1', note: '可授予、撤销工作人员权限', staff: { districts: 'all', name: '陈立', badge: 'CS00001', supervisor: true } },
];
