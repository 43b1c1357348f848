// File links from the backend, made loadable by the page: the local host answers with a path on itself.
import { currentBackend } from './transport';

export function fileUrl(url: string): string {
  const backend = currentBackend();
  return backend.kind === 'local' && url.startsWith('/') ? `${backend.baseUrl}${url}` : url;
}
