// Photos: chooseMedia / chooseImage open the browser's file picker, compressImage re-encodes to
// JPEG on a canvas (keeping the original when that fails or is no smaller), previewImage shows one.
import { settle, WxFailure, type Callbacks } from './async';
import { addTempFile, readTempFile } from './files';
import { toPreviewOrigin } from './origin';
import { showImageViewer } from './overlays';

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.className = 'wx-file-picker';
    input.hidden = true;
    document.body.appendChild(input);
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      reject(new WxFailure('cancel'));
      input.remove();
    });
    input.click();
  });
}

async function sizeOf(file: Blob): Promise<{ width: number; height: number }> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return { width: 0, height: 0 };
  }
}

interface ChooseOptions extends Callbacks<Record<string, unknown>> {
  count?: number;
  mediaType?: string[];
}

export function chooseMedia(options: ChooseOptions = {}) {
  return settle('chooseMedia', options, async () => {
    const types = options.mediaType ?? ['image', 'video'];
    const accept = types.includes('mix') ? 'image/*,video/*' : types.map((type) => `${type}/*`).join(',');
    const count = options.count ?? 9;
    const files = (await pickFiles(accept, count > 1)).slice(0, count);
    const tempFiles = await Promise.all(
      files.map(async (file) => {
        const fileType = file.type.startsWith('video/') ? 'video' : 'image';
        const tempFilePath = addTempFile(file, file.name);
        return { tempFilePath, size: file.size, fileType, thumbTempFilePath: fileType === 'image' ? tempFilePath : '', duration: 0, ...(await sizeOf(file)) };
      }),
    );
    const kinds = new Set(tempFiles.map((file) => file.fileType));
    return { tempFiles, type: kinds.size > 1 ? 'mix' : ([...kinds][0] ?? 'image') };
  });
}

export function chooseImage(options: ChooseOptions = {}) {
  return settle('chooseImage', options, async () => {
    const count = options.count ?? 9;
    const files = (await pickFiles('image/*', count > 1)).slice(0, count);
    const tempFiles = files.map((file) => ({ path: addTempFile(file, file.name), size: file.size }));
    return { tempFilePaths: tempFiles.map((file) => file.path), tempFiles };
  });
}

interface CompressOptions extends Callbacks<Record<string, unknown>> {
  src: string;
  quality?: number;
  compressedWidth?: number;
  compressedHeight?: number;
}

async function reencode(options: CompressOptions): Promise<string> {
  const original = await readTempFile(options.src);
  try {
    const bitmap = await createImageBitmap(original.blob);
    const ratio = bitmap.width / bitmap.height;
    const width = options.compressedWidth ?? (options.compressedHeight ? options.compressedHeight * ratio : bitmap.width);
    const height = options.compressedHeight ?? width / ratio;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width);
    canvas.height = Math.round(height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const quality = Math.min(100, Math.max(0, options.quality ?? 80)) / 100;
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!jpeg || jpeg.size >= original.blob.size) return options.src;
    return addTempFile(jpeg, original.name.replace(/\.\w+$/, '') + '.jpg');
  } catch {
    return options.src;
  }
}

export function compressImage(options: CompressOptions) {
  return settle('compressImage', options, async () => ({ tempFilePath: await reencode(options) }));
}

export function previewImage(options: { urls: string[]; current?: string } & Callbacks<object>) {
  return settle('previewImage', options, () => {
    const url = options.current ?? options.urls[0];
    if (!url) throw new WxFailure('urls is empty');
    showImageViewer(/^https?:/.test(url) ? toPreviewOrigin(url) : url);
    return {};
  });
}
