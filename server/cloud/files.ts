// Uploaded files in the cloud: the client uploads with wx.cloud.uploadFile to the path prepareUpload issued,
// and the server links (getTempFileURL, at most 50 ids a call) and inspects them through temporary links.
import { linksInBatches } from '../files/links';
import type { FileStorage } from '../files/types';
import { IMAGE_HEAD_BYTES } from '../files/uploads';
import { headOf } from './http';

/** How long a link works, in seconds: long enough to look at a page of photos, short enough not to be kept. */
export const LINK_MAX_AGE_S = 10 * 60;

/** What the files adapter uses of wx-server-sdk. */
export interface CloudStorageSdk {
  getTempFileURL(param: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;
}

/** A cloud file id: `cloud://<environment>.<bucket>/<cloudPath>`. */
const CLOUD_FILE_ID = /^cloud:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\/(.+)$/;

/** Files of the environment `env`: an id of another environment names nothing here. */
export function cloudFiles(sdk: CloudStorageSdk, env: string): FileStorage {
  const fetchBatch = async (batch: string[]): Promise<Record<string, string>> => {
    const { fileList } = await sdk.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: LINK_MAX_AGE_S })) });
    return Object.fromEntries(fileList.filter((file) => file.status === 0 && file.tempFileURL).map((file) => [file.fileID, file.tempFileURL]));
  };

  function pathOf(fileId: string): string | null {
    const match = CLOUD_FILE_ID.exec(fileId);
    return match && match[1] === env ? match[3] : null;
  }

  return {
    linksFor: (fileIds) => linksInBatches(fileIds, fetchBatch),
    pathOf,
    async inspect(fileId) {
      if (pathOf(fileId) === null) return null;
      const link = (await fetchBatch([fileId]))[fileId];
      return link ? headOf(link, IMAGE_HEAD_BYTES) : null;
    },
  };
}
