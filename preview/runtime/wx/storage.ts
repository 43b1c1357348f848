// wx storage on localStorage (see shared/storage.ts): sync and async forms, values JSON round-tripped.
import { hasStorage, readStorage, removeStorage, storageKeys, storageSizeKb, writeStorage } from '../../shared/storage';
import { settle, WxFailure, type Callbacks } from './async';

const copy = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export const storage = {
  getStorageSync: (key: string) => readStorage(localStorage, key),
  setStorageSync: (key: string, data: unknown) => writeStorage(localStorage, key, copy(data)),
  removeStorageSync: (key: string) => removeStorage(localStorage, key),
  clearStorageSync: () => storageKeys(localStorage).forEach((key) => removeStorage(localStorage, key)),
  getStorageInfoSync: () => ({ keys: storageKeys(localStorage), currentSize: storageSizeKb(localStorage), limitSize: 10240 }),

  getStorage: (options: { key: string } & Callbacks<{ data: unknown }>) =>
    settle('getStorage', options, () => {
      if (!hasStorage(localStorage, options.key)) throw new WxFailure('data not found');
      return { data: readStorage(localStorage, options.key) };
    }),
  setStorage: (options: { key: string; data: unknown } & Callbacks<object>) =>
    settle('setStorage', options, () => {
      writeStorage(localStorage, options.key, copy(options.data));
      return {};
    }),
  removeStorage: (options: { key: string } & Callbacks<object>) =>
    settle('removeStorage', options, () => {
      removeStorage(localStorage, options.key);
      return {};
    }),
  clearStorage: (options?: Callbacks<object>) =>
    settle('clearStorage', options, () => {
      storageKeys(localStorage).forEach((key) => removeStorage(localStorage, key));
      return {};
    }),
  getStorageInfo: (options?: Callbacks<object>) =>
    settle('getStorageInfo', options, () => ({ keys: storageKeys(localStorage), currentSize: storageSizeKb(localStorage), limitSize: 10240 })),
};
