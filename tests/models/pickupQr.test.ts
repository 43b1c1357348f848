// The pickup code's QR image: a GIF the <image> shows, large enough to scan, with its quiet zone, holding the code alone.
import qrcode from 'qrcode-generator';
import { pickupQrDataUrl, QR_MODULE_PIXELS, QR_QUIET_ZONE_MODULES } from '../../miniprogram/utils/pickupQr';
import { dataUrlBytes, decodeGif, type GifImage } from './gif';

const BLACK = '#000000';
const WHITE = '#ffffff';

const imageOf = (code: string): GifImage => {
  const { type, bytes } = dataUrlBytes(pickupQrDataUrl(code));
  expect(type).toBe('image/gif');
  return decodeGif(bytes);
};

/** The modules the image shows, read at each module's centre inside the quiet zone. */
function modulesOf(image: GifImage): boolean[][] {
  const border = QR_MODULE_PIXELS * QR_QUIET_ZONE_MODULES;
  const count = (image.width - 2 * border) / QR_MODULE_PIXELS;
  const centre = (i: number) => border + i * QR_MODULE_PIXELS + QR_MODULE_PIXELS / 2;
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => image.colours[centre(row) * image.width + centre(col)] === BLACK));
}

/** What a QR of exactly `text` holds, module by module. */
function qrOf(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

it('is a square GIF of at least 200 px, black on white, with a blank border of four modules', () => {
  const image = imageOf('K7M2Q9AB');
  expect(image.width).toBe(image.height);
  expect(image.width).toBeGreaterThanOrEqual(200);
  expect(new Set(image.colours)).toEqual(new Set([BLACK, WHITE]));
  const border = QR_MODULE_PIXELS * QR_QUIET_ZONE_MODULES;
  const inBorder = (i: number) => {
    const x = i % image.width;
    const y = Math.floor(i / image.width);
    return x < border || y < border || x >= image.width - border || y >= image.height - border;
  };
  expect(image.colours.filter((colour, i) => inBorder(i) && colour !== WHITE)).toEqual([]);
});

it('draws the QR of the code and nothing else: no link, no prefix', () => {
  const shown = modulesOf(imageOf('K7M2Q9AB'));
  expect(shown).toEqual(qrOf('K7M2Q9AB'));
  expect(shown).not.toEqual(qrOf('K7M2Q9AB '));
  expect(shown).not.toEqual(qrOf('领取码 K7M2Q9AB'));
  // The finder pattern in the top-left corner: a scanner's first clue.
  expect(shown[0].slice(0, 7)).toEqual([true, true, true, true, true, true, true]);
  expect(shown[1].slice(0, 7)).toEqual([true, false, false, false, false, false, true]);
});

it('gives each code its own image, and the same code the same image', () => {
  expect(pickupQrDataUrl('K7M2Q9AB')).toBe(pickupQrDataUrl('K7M2Q9AB'));
  expect(pickupQrDataUrl('K7M2Q9AC')).not.toBe(pickupQrDataUrl('K7M2Q9AB'));
});
