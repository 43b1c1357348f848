// WeChat's face verification as the production functions call it, over HTTP against a stand-in that answers
// as WeChat's documentation of stable_token, getVerifyId and queryVerifyInfo says (WeChat's servers cannot
// be reached from here), and through the resident handlers that store the check.
import { certHash, memoKey, wechatFaceVerifier } from '../../server/cloud/faceVerifier';
import { runFunction } from '../../server/functions';
import type { Verifier } from '../../server/verification/types';
import { ALICE, BOB } from '../support/declarations';
import { startWechatApi, type WechatApiStandIn } from '../support/wechatApi';
import { createWorld, type World } from '../support/world';

const SECRET = 'ab'.repeat(32);
const TOKEN_PATH = '/cgi-bin/stable_token';
const START_PATH = '/cityservice/face/identify/getverifyid';
const QUERY_PATH = '/cityservice/face/identify/queryverifyinfo';

let api: WechatApiStandIn;
let now: number;
let verifier: Verifier;

beforeEach(async () => {
  api = await startWechatApi();
  now = Date.parse('2026-12-01T10:00:00+08:00');
  let tokens = 0;
  api.answer(TOKEN_PATH, () => ({ access_token: `token-${++tokens}`, expires_in: 7200 }));
  api.answer(START_PATH, (request) => ({ errcode: 0, errmsg: 'ok', verify_id: `verify-for-${String(request.body.out_seq_no)}`, expires_in: 3600 }));
  verifier = wechatFaceVerifier({ appid: 'wx-city', appSecret: 'app-secret', sealKey: memoKey(SECRET), origin: api.origin, clock: () => now });
});
afterEach(() => api.close());

const answerQuery = (reply: Record<string, unknown>) => api.answer(QUERY_PATH, () => reply);
const started = () => verifier.start({ openid: ALICE.openid, name: ALICE.name, idNumber: ALICE.idNumber });

describe('cert_hash', () => {
  it('is computed as WeChat documents it, matching the documented example', () => {
    expect(certHash('张三', '310101199801011234')).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
  });
});

describe('starting a check', () => {
  it('asks getVerifyId with the person and an out_seq_no of the documented form, under a stable access token', async () => {
    const { verifyId, memo } = await started();
    const [tokenRequest, startRequest] = api.requests;
    expect(tokenRequest).toMatchObject({ path: TOKEN_PATH, body: { grant_type: 'client_credential', appid: 'wx-city', secret: 'app-secret' } });
    expect(startRequest.query.access_token).toBe('token-1');
    expect(startRequest.body).toMatchObject({ openid: ALICE.openid, cert_info: { cert_type: 'IDENTITY_CARD', cert_name: ALICE.name, cert_no: ALICE.idNumber } });
    expect(startRequest.body.out_seq_no).toMatch(/^[A-Za-z0-9_-]{5,32}$/);
    expect(verifyId).toBe(`verify-for-${String(startRequest.body.out_seq_no)}`);
    // The memo the server stores says nothing readable: neither the ID number nor the hash made from it.
    expect(memo).toBeDefined();
    expect(memo).not.toContain(ALICE.idNumber);
    expect(Buffer.from(memo!, 'base64url').toString('latin1')).not.toContain(certHash(ALICE.name, ALICE.idNumber));
  });

  it('throws when WeChat refuses, so the resident is told to try again', async () => {
    api.answer(START_PATH, () => ({ errcode: 40_013, errmsg: 'invalid appid' }));
    await expect(started()).rejects.toThrow('getVerifyId refused (errcode 40013)');
  });
});

describe('asking the outcome', () => {
  it('passes only on verify_ret 10000, with the out_seq_no, cert_hash and openid of the start', async () => {
    const { verifyId, memo } = await started();
    answerQuery({ errcode: 0, errmsg: 'ok', verify_ret: 10_000 });
    expect(await verifier.outcome({ openid: ALICE.openid, verifyId, memo })).toBe('pass');
    const query = api.requests[api.requests.length - 1];
    expect(query.path).toBe(QUERY_PATH);
    expect(query.body).toEqual({ verify_id: verifyId, out_seq_no: api.requests[1].body.out_seq_no, cert_hash: certHash(ALICE.name, ALICE.idNumber), openid: ALICE.openid });
  });

  it.each([
    [{ errcode: 0, errmsg: 'ok', verify_ret: 90_002 }, 'cancel'],
    [{ errcode: 0, errmsg: 'ok', verify_ret: 90_006 }, 'cancel'],
    [{ errcode: 0, errmsg: 'ok', verify_ret: 90_011 }, 'fail'],
    [{ errcode: 0, errmsg: 'ok', verify_ret: 90_008 }, 'fail'],
    // cert_info or openid not those of the start: WeChat answers an errcode instead of a verify_ret.
    [{ errcode: 85_001, errmsg: 'cert info not match' }, 'fail'],
  ])('answers %j as %s', async (reply, expected) => {
    const { verifyId, memo } = await started();
    answerQuery(reply);
    expect(await verifier.outcome({ openid: ALICE.openid, verifyId, memo })).toBe(expected);
  });

  it('fails without asking WeChat when the memo is missing or belongs to another caller', async () => {
    const { verifyId, memo } = await started();
    answerQuery({ errcode: 0, errmsg: 'ok', verify_ret: 10_000 });
    const asked = api.requests.length;
    expect(await verifier.outcome({ openid: BOB.openid, verifyId, memo })).toBe('fail');
    expect(await verifier.outcome({ openid: ALICE.openid, verifyId })).toBe('fail');
    expect(await verifier.outcome({ openid: ALICE.openid, verifyId, memo: `${memo!.slice(0, -2)}AA` })).toBe('fail');
    expect(api.requests.length).toBe(asked);
  });

  it('throws when WeChat is busy (errcode -1), a passing failure the resident may retry', async () => {
    const { verifyId, memo } = await started();
    answerQuery({ errcode: -1, errmsg: 'system error' });
    await expect(verifier.outcome({ openid: ALICE.openid, verifyId, memo })).rejects.toThrow('WeChat is busy');
  });
});

describe('the access token', () => {
  it('is kept until shortly before it expires, then fetched again', async () => {
    await started();
    await started();
    expect(api.requests.filter((r) => r.path === TOKEN_PATH)).toHaveLength(1);
    now += 7200 * 1000 - 4 * 60 * 1000;
    await started();
    expect(api.requests.filter((r) => r.path === TOKEN_PATH)).toHaveLength(2);
    expect(api.requests[api.requests.length - 1].query.access_token).toBe('token-2');
  });

  it('is fetched again, and the call made once more, when WeChat says it expired', async () => {
    await started();
    let calls = 0;
    api.answer(START_PATH, (request) =>
      ++calls === 1 ? { errcode: 42_001, errmsg: 'access_token expired' } : { errcode: 0, errmsg: 'ok', verify_id: `v-${String(request.query.access_token)}`, expires_in: 3600 },
    );
    expect((await started()).verifyId).toBe('v-token-2');
  });
});

describe('through the resident handlers', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld('2026-12-01T10:00:00+08:00');
  });
  afterEach(() => world.close());

  const call = (action: string, payload: unknown) => runFunction('resident', { ...world.context(ALICE.openid), verifier }, { action, payload });

  it('stores the sealed memo with the check, turns a pass into a token, and ignores a devOutcome', async () => {
    const start = await call('startVerification', { name: ALICE.name, idNumber: ALICE.idNumber });
    expect(start.ok).toBe(true);
    const { verifyId } = (start as { data: { verifyId: string } }).data;
    // WeChat says the face did not match: the client's claim of a pass changes nothing.
    answerQuery({ errcode: 0, errmsg: 'ok', verify_ret: 90_011 });
    expect(await call('finishVerification', { verifyId, devOutcome: 'pass' })).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED' } });
    answerQuery({ errcode: 0, errmsg: 'ok', verify_ret: 10_000 });
    const finish = await call('finishVerification', { verifyId });
    expect(finish).toMatchObject({ ok: true, data: { verificationToken: expect.any(String) } });
    const stored = JSON.stringify(await world.store.find('verifications', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 10 }));
    expect(stored).not.toContain(ALICE.idNumber);
    // Once passed, the memo is gone from the stored check.
    expect(stored).not.toContain('"memo"');
  });

  it('accepts a verify_id as long as WeChat makes them (256 characters)', async () => {
    api.answer(START_PATH, () => ({ errcode: 0, errmsg: 'ok', verify_id: 'v'.repeat(256), expires_in: 3600 }));
    const start = await call('startVerification', { name: ALICE.name, idNumber: ALICE.idNumber });
    expect(start).toMatchObject({ ok: true, data: { verifyId: 'v'.repeat(256) } });
    answerQuery({ errcode: 0, errmsg: 'ok', verify_ret: 10_000 });
    expect(await call('finishVerification', { verifyId: 'v'.repeat(256) })).toMatchObject({ ok: true });
    expect(await call('finishVerification', { verifyId: 'v'.repeat(257) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { verifyId: expect.any(String) } },
    });
  });
});
