// The develop version calls the local host at the address in miniprogram/config.ts; the preview is
// served by that same host, so such calls (and any loopback address) go to this page's origin and
// any PORT works without cross-origin requests.
import { BACKENDS } from '../../../miniprogram/config';

const developOrigin = BACKENDS.develop.kind === 'local' ? new URL(BACKENDS.develop.baseUrl).origin : undefined;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export function toPreviewOrigin(url: string): string {
  const target = new URL(url, location.href);
  if (target.origin !== developOrigin && !LOOPBACK.test(target.hostname)) return target.href;
  return `${location.origin}${target.pathname}${target.search}${target.hash}`;
}
