// Photo uploads: compressed on the phone, sent with progress, answered with the file id the backend keeps.
import { MAX_FILE_LINKS, type Result } from '../domain/contract';
import { fileUrl } from './links';
import { resident } from './resident';
import { currentBackend, devOpenid } from './transport';

export type Progress = (percent: number) => void;

function failed(message: string): Result<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message, fields: { file: message } } };
}

/** Compresses a photo when the phone can; uploads of 10 MB phone photos fail on a weak network. */
function compress(path: string): Promise<string> {
  return new Promise((resolve) => {
    wx.compressImage({ src: path, quality: 80, success: (res) => resolve(res.tempFilePath), fail: () => resolve(path) });
  });
}

function uploadLocal(baseUrl: string, path: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  return new Promise((resolve) => {
    const task = wx.uploadFile({
      url: `${baseUrl}/api/files`,
      filePath: path,
      name: 'file',
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

function uploadCloud(path: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  return new Promise((resolve) => {
    const extension = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg';
    const random = Math.random().toString(36).slice(2, 12);
    const task = wx.cloud.uploadFile({
      cloudPath: `uploads/${Date.now()}-${random}.${extension}`,
      filePath: path,
      success: (res) => resolve({ ok: true, data: { fileId: res.fileID } }),
      fail: () => resolve(failed('网络不好，上传失败，请重试')),
    });
    task.onProgressUpdate((p) => onProgress(p.progress));
  });
}

export async function uploadPhoto(path: string, onProgress: Progress): Promise<Result<{ fileId: string }>> {
  const compressed = await compress(path);
  const backend = currentBackend();
  return backend.kind === 'local' ? uploadLocal(backend.baseUrl, compressed, onProgress) : uploadCloud(compressed, onProgress);
}

/** Lets the person pick photos from the album or camera (at most `count`). */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
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
