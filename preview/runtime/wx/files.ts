// Temporary files: what chooseMedia and compressImage hand the app as tempFilePath. Each is a blob:
// URL (so <image src> shows it directly) ending like a WeChat temp path in "#tmp.<ext>" (Vant tells
// images from other files by the extension), remembered with its Blob and file name.
const files = new Map<string, { blob: Blob; name: string }>();

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'video/mp4': 'mp4' };

export function addTempFile(blob: Blob, name: string): string {
  const extension = /\.(\w+)$/.exec(name)?.[1]?.toLowerCase() ?? EXTENSIONS[blob.type] ?? 'bin';
  const path = `${URL.createObjectURL(blob)}#tmp.${extension}`;
  files.set(path, { blob, name });
  return path;
}

export async function readTempFile(path: string): Promise<{ blob: Blob; name: string }> {
  const known = files.get(path);
  if (known) return known;
  const response = await fetch(path);
  if (!response.ok) throw new Error(`file not found: ${path}`);
  const blob = await response.blob();
  return { blob, name: path.split(/[/?#]/).filter(Boolean).pop() ?? 'file' };
}
