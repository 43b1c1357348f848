// Photo uploads: compressed on the phone, sent to a path the backend issued, then confirmed, so the
// backend records whose photo it is only after it has seen it; answered with the file id it keeps.
import { MAX_FILE_LINKS, UPLOAD_EXTENSIONS, type Result, type UploadExtension } from '../domain/contract';
import { fileUrl } from './links';
import { resident } from './resident';
import { currentBackend, devOpenid } from './transport';

export type Progress = (percent: number) => void;

function failed(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message, fields: { file: message } } };
}

/** Compresses a photo when the phone can; uploads of 10 MB phone photos fail on a weak network. */
function compress(path: string): Promise<string> {
  return wx.compressImage({ src: path, quality: 80 }).then(
    (res) => res.tempFilePath,
    () => path,
  );
}

/** The path's extension as the backend names image types; the backend checks the real type by content. */
function extensionOf(path: string): UploadExtension {
  const given = /\.(\w+)$/.exec(path)?.[1]?.toLowerCase();
  return UPLOAD_EXTENSIONS.find((e) => e === given) ?? 'jpg';
}

/** The local host stores the bytes at the issued path, as the cloud's storage would. */
function uploadLocal(baseUrl: string, path: string, cloudPath: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  return new Promise((resolve) => {
    const task = wx.uploadFile({
      url: `${baseUrl}/api/files`,
      filePath: path,
      name: 'file',
      formData: { cloudPath },
      header: { 'X-Openid': devOpenid() },
      success: (res) => {
        try {
          resolve(JSON.parse(res.data) as Result<{ fileId: string }>);
        } catch {
          resolve(failed('上传失败，请重试'));
        }
      },
      fail: () => resolve(failed('网络不好，上传失败，请重试')),
    });
    task.onProgressUpdate((p) => onProgress(p.progress));
  });
}

function uploadCloud(path: string, cloudPath: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  return new Promise((resolve) => {
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath: path,
      success: (res) => resolve({ ok: true, data: { fileId: res.fileID } }),
      fail: () => resolve(failed('网络不好，上传失败，请重试')),
    });
    task.onProgressUpdate((p) => onProgress(p.progress));
  });
}

/** A refusal of the confirmation names the photo itself, as an upload's own refusals do. */
function asUploadError(result: Result<never>): Result<never> {
  if (result.ok || !result.error.fields || !('fileId' in result.error.fields)) return result;
  return failed(result.error.fields.fileId);
}

/** Uploads one photo: a path from the backend, the bytes to it, then the backend's check that makes it the caller's. */
export async function uploadPhoto(path: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  const compressed = await compress(path);
  const prepared = await resident.prepareUpload(extensionOf(compressed));
  if (!prepared.ok) return prepared;
  const { cloudPath } = prepared.data;
  const backend = currentBackend();
  const uploaded = backend.kind === 'local' ? await uploadLocal(backend.baseUrl, compressed, cloudPath, onProgress) : await uploadCloud(compressed, cloudPath, onProgress);
  if (!uploaded.ok) return uploaded;
  const confirmed = await resident.confirmUpload(uploaded.data.fileId);
  return confirmed.ok ? confirmed : asUploadError(confirmed);
}

/** Lets the person pick photos from the album or camera (at most `count`); a cancel picks none. */
export function choosePhotos(count: number): Promise<string[]> {
  return wx.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] }).then(
    (res) => res.tempFiles.map((f) => f.tempFilePath),
    () => [],
  );
}

/**
 * Loadable links to photos already uploaded, by file id: a draft's photos after the app restarted,
 * when their local copies are gone. An id missing from the answer is not (or no longer) the caller's.
 */
export async function linksFor(fileIds: string[]): Promise<Result<Record<string, string>>> {
  const links: Record<string, string> = {};
  for (let start = 0; start < fileIds.length; start += MAX_FILE_LINKS) {
    const result = await resident.fileLinks(fileIds.slice(start, start + MAX_FILE_LINKS));
    if (!result.ok) return result;
    for (const [id, url] of Object.entries(result.data.links)) links[id] = fileUrl(url);
  }
  return { ok: true, data: links };
}
