// The preview's stand-in for wx.scanCode: the codes it offers, how a pasted text is read, and what it answers.
import { choiceLabel, pastedText, PICKUP_CODES_ROUTE, readPickupCodes, scanResult, type FetchCodes } from '../../preview/runtime/wx/scanChoices';

const choice = { code: 'K7M2Q9AB', applicationId: 'a-1', kind: 'permit' as const, district: '430104' };

it('names each ready code by the card and the district it is for, the code first', () => {
  expect(choiceLabel(choice)).toBe('K7M2Q9AB · 核发居住证 · 岳麓区');
  expect(choiceLabel({ ...choice, kind: 'voucher', district: '430181' })).toBe('K7M2Q9AB · 居住登记凭证申领 · 浏阳市');
});

it('reads a paste as the scanner would hand it over: without the spaces and newline around it', () => {
  expect(pastedText('  K7M2Q9AB\n')).toBe('K7M2Q9AB');
  expect(pastedText('k7m2 q9ab')).toBe('k7m2 q9ab');
  expect(pastedText(' \n ')).toBeUndefined();
});

it('answers as WeChat does for a QR code', () => {
  expect(scanResult('K7M2Q9AB')).toEqual({ result: 'K7M2Q9AB', scanType: 'QR_CODE', charSet: 'utf-8' });
});

it('reads the codes from the local host, and says why when it cannot', async () => {
  const asked: string[] = [];
  const answering = (status: number, body: unknown) =>
    (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(body), { status });
    }) satisfies FetchCodes;
  expect(await readPickupCodes(answering(200, { ok: true, data: { items: [choice] } }))).toEqual([choice]);
  expect(asked).toEqual([PICKUP_CODES_ROUTE]);
  await expect(readPickupCodes(answering(500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } }))).rejects.toThrow('服务暂时不可用');
  await expect(readPickupCodes(answering(404, 'not json'))).rejects.toThrow('HTTP 404');
});
