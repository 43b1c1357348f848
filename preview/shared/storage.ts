// How the preview keeps wx storage in localStorage: one entry per key, under a prefix, JSON-encoded.
// The storage APIs and the development panel (which switches 'dev:openid') both go through here.
const PREFIX = 'wx-storage:';

export function readStorage(store: Storage, key: string): unknown {
  const raw = store.getItem(PREFIX + key);
  if (raw === null) return '';
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return '';
  }
}

export function hasStorage(store: Storage, key: string): boolean {
  return store.getItem(PREFIX + key) !== null;
}

export function writeStorage(store: Storage, key: string, value: unknown): void {
  store.setItem(PREFIX + key, JSON.stringify(value === undefined ? null : value));
}

export function removeStorage(store: Storage, key: string): void {
  store.removeItem(PREFIX + key);
}

export function storageKeys(store: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key.slice(PREFIX.length));
  }
  return keys;
}

/** Approximate size in KB, as getStorageInfoSync reports it. */
export function storageSizeKb(store: Storage): number {
  let bytes = 0;
  for (const key of storageKeys(store)) bytes += key.length + (store.getItem(PREFIX + key)?.length ?? 0);
  return Math.ceil(bytes / 1024);
}
