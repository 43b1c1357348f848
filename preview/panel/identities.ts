// Who the developer can be in the preview: each identity is a development openid the local host
// trusts (X-Openid). Add an entry here to offer another one (e.g. a staff member).
export interface Identity {
  label: string;
  openid: string;
  note?: string;
}

export const IDENTITIES: readonly Identity[] = [
  { label: '居民一', openid: 'dev-resident-1', note: '默认身份' },
  { label: '居民二', openid: 'dev-resident-2' },
];
