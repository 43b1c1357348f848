// A resident or officer talking to a running local host over HTTP, as the mini-program does: the
// function route with X-Openid, multipart uploads, and a valid declaration built from real steps.
import type { DeclarationPayload } from '../../miniprogram/domain/contract';
import { DECLARATION_NOTICE } from '../../miniprogram/domain/notices';
import { PNG_BYTES } from './images';

/** A function's answer; `data` is loosely typed, as tests read whatever each action answers. */
export interface Answer {
  status: number;

  body: { ok: boolean; data?: any; error?: { code: string; message: string; fields?: Record<string, string> } };
}

export interface HostClient {
  call(fn: 'resident' | 'staff', openid: string, action: string, payload?: unknown, requestId?: string): Promise<Answer>;
  upload(openid: string, bytes?: Buffer): Promise<string>;
  /** Verifies the person and uploads their photos: a declaration ready to submit. */
  declarationPayload(person: { openid: string; name: string; idNumber: string }): Promise<DeclarationPayload>;
}

export function hostClient(url: string): HostClient {
  const client: HostClient = {
    async call(fn, openid, action, payload, requestId) {
      const res = await fetch(`${url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
        body: JSON.stringify({ action, ...(payload !== undefined ? { payload } : {}), ...(requestId !== undefined ? { requestId } : {}) }),
      });
      return { status: res.status, body: (await res.json()) as Answer['body'] };
    },
    async upload(openid, bytes = PNG_BYTES) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
      const res = await fetch(`${url}/api/files`, { method: 'POST', body: form, headers: { 'X-Openid': openid } });
      const body = (await res.json()) as { ok: boolean; data?: { fileId: string } };
      if (!body.ok || !body.data) throw new Error(`upload refused: ${JSON.stringify(body)}`);
      return body.data.fileId;
    },
    async declarationPayload(person) {
      const started = await client.call('resident', person.openid, 'startVerification', { name: person.name, idNumber: person.idNumber });
      const finished = await client.call('resident', person.openid, 'finishVerification', { verifyId: started.body.data.verifyId });
      return {
        verificationToken: finished.body.data.verificationToken,
        consent: { noticeVersion: DECLARATION_NOTICE.version },
        applicant: { name: person.name, idNumber: person.idNumber, ethnicity: '汉族', mobile: '13800138000', hukouAddress: '湖南省衡阳市蒸湘区联合街道 12 号' },
        residence: { district: '430104', street: '望月湖街道', address: '望月湖小区 3 栋 201', since: '2026-05-01', kind: 'rent', basis: 'residence' },
        materials: { idFront: await client.upload(person.openid), proofs: [await client.upload(person.openid)] },
      };
    },
  };
  return client;
}
