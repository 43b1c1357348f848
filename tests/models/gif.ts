// Reads a GIF back into its pixels (palette colours), so a test can check what an image shows rather
// than how it was encoded: the header, the global palette, the first image and its LZW data.

export interface GifImage {
  width: number;
  height: number;
  /** Row-major, one `#rrggbb` per pixel. */
  colours: string[];
}

function hex(bytes: Uint8Array, at: number): string {
  return `#${[0, 1, 2].map((i) => bytes[at + i].toString(16).padStart(2, '0')).join('')}`;
}

/** The concatenated data of the sub-blocks starting at `at`, and where they end. */
function subBlocks(bytes: Uint8Array, at: number): { data: number[]; end: number } {
  const data: number[] = [];
  let i = at;
  while (bytes[i] !== 0) {
    const size = bytes[i];
    data.push(...bytes.subarray(i + 1, i + 1 + size));
    i += size + 1;
  }
  return { data, end: i + 1 };
}

function lzwDecode(data: number[], minCodeSize: number): number[] {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const fresh = () => Array.from({ length: clear + 2 }, (_, i) => (i < clear ? [i] : []));
  let table = fresh();
  let codeSize = minCodeSize + 1;
  let previous: number[] | undefined;
  const out: number[] = [];
  let bit = 0;
  const read = (): number => {
    let code = 0;
    for (let i = 0; i < codeSize; i++, bit++) code |= ((data[bit >> 3] >> (bit & 7)) & 1) << i;
    return code;
  };
  while (bit + codeSize <= data.length * 8) {
    const code = read();
    if (code === clear) {
      table = fresh();
      codeSize = minCodeSize + 1;
      previous = undefined;
      continue;
    }
    if (code === end) break;
    const entry = code < table.length ? table[code] : previous && code === table.length ? [...previous, previous[0]] : undefined;
    if (!entry) throw new Error(`GIF: code ${code} is not in the table`);
    out.push(...entry);
    if (previous) table.push([...previous, entry[0]]);
    if (table.length === 1 << codeSize && codeSize < 12) codeSize++;
    previous = entry;
  }
  return out;
}

export function decodeGif(bytes: Uint8Array): GifImage {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== 'GIF87a' && signature !== 'GIF89a') throw new Error(`not a GIF: ${signature}`);
  const packed = bytes[10];
  let at = 13;
  const palette: string[] = [];
  if (packed & 0x80) {
    for (let i = 0; i < 2 << (packed & 7); i++, at += 3) palette.push(hex(bytes, at));
  }
  for (;;) {
    const block = bytes[at];
    if (block === 0x21) {
      at = subBlocks(bytes, at + 2).end;
    } else if (block === 0x2c) {
      const width = bytes[at + 5] | (bytes[at + 6] << 8);
      const height = bytes[at + 7] | (bytes[at + 8] << 8);
      if (bytes[at + 9] & 0x80) throw new Error('GIF: local palettes are not read here');
      const minCodeSize = bytes[at + 10];
      const indices = lzwDecode(subBlocks(bytes, at + 11).data, minCodeSize);
      if (indices.length < width * height) throw new Error(`GIF: ${indices.length} pixels for ${width}×${height}`);
      return { width, height, colours: indices.slice(0, width * height).map((i) => palette[i]) };
    } else {
      throw new Error(`GIF: no image (block 0x${block?.toString(16)})`);
    }
  }
}

/** The bytes of a `data:<type>;base64,` URL. */
export function dataUrlBytes(url: string): { type: string; bytes: Uint8Array } {
  const match = /^data:([^;,]+);base64,([A-Za-z0-9+/=]+)$/.exec(url);
  if (!match) throw new Error(`not a base64 data URL: ${url.slice(0, 40)}…`);
  return { type: match[1], bytes: new Uint8Array(Buffer.from(match[2], 'base64')) };
}
