// Which backend each version of the mini-program talks to. The develop version (WeChat DevTools, the
// browser preview, a phone in debug mode) uses the local host; trial and release use cloud functions.
import { CLOUD_ENVIRONMENTS } from './domain/cloudEnvironments';

export type Backend = { kind: 'local'; baseUrl: string } | { kind: 'cloud'; env: string };

export const BACKENDS: Readonly<Record<'develop' | 'trial' | 'release', Backend>> = {
  // On a phone, replace 127.0.0.1 with the computer's address on the local network.
  develop: { kind: 'local', baseUrl: 'http://127.0.0.1:8787' },
  trial: { kind: 'cloud', env: CLOUD_ENVIRONMENTS.trial },
  release: { kind: 'cloud', env: CLOUD_ENVIRONMENTS.release },
};

/** The development identity a local-host call is made as (the preview's panel switches it). */
export const DEV_OPENID_KEY = 'dev:openid';
export const DEFAULT_DEV_OPENID = 'dev-resident-1';
