// Subscribe messages in production, through the real wx-server-sdk's cloud.openapi.subscribeMessage.send over
// the in-memory backend, which answers as WeChat's documentation says (WeChat's servers cannot be reached
// from here): errcode 0, 43101 for a person who did not subscribe, and other refusals.
import { wechatNotifier, type SubscribeMessageSend } from '../../server/cloud/notifier';
import type { OutgoingMessage } from '../../server/notifications/types';
import { installMemoryCloud, type MemoryCloud } from '../support/cloudbase';
import { COLLECTION_NAMES } from '../../server/store/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as { init(options: Record<string, unknown>): void; openapi: { subscribeMessage: { send: SubscribeMessageSend } } };

const MESSAGE: OutgoingMessage = {
  id: 'review_approved:app-1:1',
  event: 'review_approved',
  openid: 'resident-alice',
  templateId: 'tmpl-approved',
  data: { thing1: { value: '居住登记' }, phrase2: { value: '已通过' } },
  page: 'pages/application/index?id=app-1',
};

let memory: MemoryCloud;
beforeAll(async () => {
  memory = await installMemoryCloud({ collections: COLLECTION_NAMES });
  sdk.init({ env: memory.env });
});
afterAll(() => memory.close());
beforeEach(() => memory.reset());

const notifier = (state: 'formal' | 'trial') => wechatNotifier((params) => sdk.openapi.subscribeMessage.send(params), state);
const answer = (reply: Record<string, unknown>) => memory.onOpenApi(() => reply);

describe('the WeChat notifier', () => {
  it('sends the template, page and data to the recipient, for the version the environment serves', async () => {
    answer({ errcode: 0, errmsg: 'ok' });
    expect(await notifier('trial').send(MESSAGE)).toBe('sent');
    const [call] = memory.calls.filter((c) => c.api === 'wx.openApi');
    expect(call.params).toEqual({
      apiName: 'subscribeMessage.send',
      data: { touser: 'resident-alice', template_id: 'tmpl-approved', page: MESSAGE.page, data: MESSAGE.data, miniprogram_state: 'trial', lang: 'zh_CN' },
    });
  });

  it('records 43101 (not subscribed, or used up) as not subscribed, never to be retried', async () => {
    answer({ errcode: 43_101, errmsg: 'user refuse to accept the msg' });
    expect(await notifier('formal').send(MESSAGE)).toBe('not_subscribed');
  });

  it('lets any other refusal through as a passing failure the scheduler retries', async () => {
    answer({ errcode: -1, errmsg: 'system error' });
    await expect(notifier('formal').send(MESSAGE)).rejects.toMatchObject({ errCode: -1 });
    answer({ errcode: 40_037, errmsg: 'invalid template_id' });
    await expect(notifier('formal').send(MESSAGE)).rejects.toMatchObject({ errCode: 40_037 });
  });
});
