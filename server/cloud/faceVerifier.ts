// WeChat's face verification (微信人脸核身) for the production functions. getVerifyId and queryVerifyInfo are
// not offered through 云调用, so they are called over HTTPS with an access token from the AppSecret; only
// verify_ret 10000 from queryVerifyInfo is a pass, never what the client's callback said.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { VerificationOutcome, Verifier } from '../verification/types';
import { postJson } from './http';

export const WECHAT_API_ORIGIN = 'https://api.weixin.qq.com';
/** queryVerifyInfo's verify_ret for a face that matched the identity. */
const VERIFIED = 10_000;
/** verify_ret values WeChat documents as "用户取消". */
const CANCELLED = new Set([90_002, 90_003, 90_004, 90_005, 90_006]);
/** errcodes of an access token that is invalid or expired: a fresh one is fetched and the call made once more. */
const STALE_TOKEN = new Set([40_001, 40_014, 42_001]);
/** An access token is renewed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

export interface FaceVerifierOptions {
  appid: string;
  appSecret: string;
  /** The key the check's memo is sealed with (derived from the person-key secret by the entry). */
  sealKey: Buffer;
  /** WeChat's API; only tests point it elsewhere, at a stand-in that answers as WeChat's documentation says. */
  origin?: string;
  clock?: () => number;
}

/** WeChat's cert_hash: SHA-256 (lower-case hex) of `cert_type=…&cert_name=…&cert_no=…` with each value in standard base64. */
export function certHash(name: string, idNumber: string): string {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(name)}&cert_no=${b64(idNumber)}`)
    .digest('hex');
}

interface Memo {
  outSeqNo: string;
  certHash: string;
}

/** AES-256-GCM, bound to the caller: a memo read from the store tells nothing and works for nobody else. */
function seal(key: Buffer, openid: string, memo: Memo): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(openid, 'utf8'));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(memo), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function unseal(key: Buffer, openid: string, text: string): Memo | null {
  try {
    const bytes = Buffer.from(text, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(openid, 'utf8'));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const memo = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as Memo;
    return typeof memo.outSeqNo === 'string' && typeof memo.certHash === 'string' ? memo : null;
  } catch {
    return null;
  }
}

/** The key for memos, apart from the person key made from the same secret. */
export function memoKey(personKeySecret: string): Buffer {
  return createHmac('sha256', personKeySecret).update('face-check-memo').digest();
}

export function wechatFaceVerifier(options: FaceVerifierOptions): Verifier {
  const origin = options.origin ?? WECHAT_API_ORIGIN;
  const clock = options.clock ?? Date.now;
  let token: { value: string; renewAt: number } | undefined;

  async function accessToken(fresh: boolean): Promise<string> {
    if (!fresh && token && clock() < token.renewAt) return token.value;
    // The stable token: fetching it does not invalidate the one other instances of the function are using.
    const answer = await postJson(`${origin}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: options.appid, secret: options.appSecret, force_refresh: false });
    if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') throw new Error(`no access token from WeChat (errcode ${String(answer.errcode)})`);
    token = { value: answer.access_token, renewAt: clock() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
    return token.value;
  }

  /** Calls a face API, once more with a fresh token when WeChat says the token went stale. */
  async function call(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let answer = await postJson(`${origin}${path}?access_token=${encodeURIComponent(await accessToken(false))}`, body);
    if (STALE_TOKEN.has(answer.errcode as number)) answer = await postJson(`${origin}${path}?access_token=${encodeURIComponent(await accessToken(true))}`, body);
    return answer;
  }

  return {
    async start({ openid, name, idNumber }) {
      // 5–32 characters of [A-Za-z0-9_-], unique under the appid.
      const outSeqNo = randomBytes(16).toString('hex');
      const answer = await call('/cityservice/face/identify/getverifyid', {
        out_seq_no: outSeqNo,
        cert_info: { cert_type: 'IDENTITY_CARD', cert_name: name, cert_no: idNumber },
        openid,
      });
      if (answer.errcode !== 0 || typeof answer.verify_id !== 'string' || answer.verify_id === '') {
        throw new Error(`getVerifyId refused (errcode ${String(answer.errcode)})`);
      }
      return { verifyId: answer.verify_id, memo: seal(options.sealKey, openid, { outSeqNo, certHash: certHash(name, idNumber) }) };
    },

    async outcome({ openid, verifyId, memo }): Promise<VerificationOutcome> {
      const check = memo === undefined ? null : unseal(options.sealKey, openid, memo);
      if (!check) return 'fail';
      const answer = await call('/cityservice/face/identify/queryverifyinfo', { verify_id: verifyId, out_seq_no: check.outSeqNo, cert_hash: check.certHash, openid });
      // WeChat busy: a passing failure, which the resident may try again.
      if (answer.errcode === -1) throw new Error('queryVerifyInfo: WeChat is busy (errcode -1)');
      if (answer.errcode === 0 && answer.verify_ret === VERIFIED) return 'pass';
      return CANCELLED.has(answer.verify_ret as number) ? 'cancel' : 'fail';
    },
  };
}
