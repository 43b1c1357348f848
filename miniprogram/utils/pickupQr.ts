// The pickup code as a QR image for the counter's scanner: the code alone, drawn as a GIF data URL that
// <image> shows without a canvas (the mini-program has no DOM to draw on).
import qrcode from 'qrcode-generator';

/** Pixels per module: a version-1 code (21 modules) plus its quiet zone comes out at 232 px. */
export const QR_MODULE_PIXELS = 8;
/** The blank border a scanner needs around the code, in modules (the QR standard's minimum). */
export const QR_QUIET_ZONE_MODULES = 4;

/**
 * The QR of `code` and nothing else, at error-correction level M (a phone screen's glare or a crack
 * in its glass still reads), as `data:image/gif;base64,…`.
 */
export function pickupQrDataUrl(code: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(code, 'Byte');
  qr.make();
  return qr.createDataURL(QR_MODULE_PIXELS, QR_MODULE_PIXELS * QR_QUIET_ZONE_MODULES);
}
