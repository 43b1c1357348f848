// The camera's code scanner, for the pickup code a resident shows as a QR code. A scan the officer
// cancels, or a camera that cannot open, is no code: the caller just stays where it was.
export async function scanQrCode(): Promise<string | null> {
  try {
    const { result } = await wx.scanCode({ scanType: ['qrCode'] });
    const text = (result ?? '').trim();
    return text || null;
  } catch {
    return null;
  }
}
