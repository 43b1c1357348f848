// The confirm step's materials and fee: thumbnails of the photos about to be sent, and the fee as a fact with nothing to change.
import { feeRows, photoRows } from '../../miniprogram/components/confirm-summary/model';
import { FEE_PAYMENT_NOTE } from '../../miniprogram/domain/labels';
import { done, requirement, uploadedFrom } from './support';

describe('the materials', () => {
  it('show each photo about to be sent through the address the uploads step holds, in order, with the count', () => {
    const rows = photoRows(
      [requirement('idFront'), requirement('proofs')],
      { idFront: 'f-id', proofs: ['f-2', 'f-1'] },
      { idFront: [uploadedFrom('/tmp/id.png', 'f-id')], proofs: [done('f-1'), done('f-2'), done('f-3')] },
    );
    expect(rows).toEqual([
      { label: '身份证人像面照片（1 张）', urls: ['/tmp/id.png'] },
      { label: '居住地址证明（2 张）', urls: ['https://files.example/f-2', 'https://files.example/f-1'] },
    ]);
  });

  it('leave out a photo the step holds no address for, still counting it', () => {
    expect(photoRows([requirement('photo')], { photo: 'f-9' }, {})).toEqual([{ label: '本人相片（1 张）', urls: [] }]);
  });
});

describe('the fee', () => {
  it('is a card’s: free for the first permit, the city’s fee for a replacement, none for the other services', () => {
    expect(feeRows('permit', 0)).toEqual([{ label: '证件工本费', value: '免费', note: '首次申领居住证不收取工本费' }]);
    expect(feeRows('reissue', 20)).toEqual([{ label: '证件工本费', value: '20 元', note: FEE_PAYMENT_NOTE }]);
    for (const service of ['declaration', 'voucher', 'endorsement'] as const) expect(feeRows(service, 0)).toEqual([]);
  });
});
