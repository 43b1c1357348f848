// Subscribe messages in production: WeChat's subscribeMessage.send through 云调用 (the function's config.json
// grants it). errcode 43101 is WeChat refusing for lack of the person's subscription (never accepted, or
// used up); any other failure is passing, and the scheduler tries again.
import type { Notifier } from '../notifications/types';

/** Which version of the mini-program a message opens. */
export type MiniprogramState = 'formal' | 'trial' | 'developer';

/** `cloud.openapi.subscribeMessage.send` of wx-server-sdk: it resolves when WeChat accepted, else throws an error carrying WeChat's errcode as errCode. */
export type SubscribeMessageSend = (params: {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState;
  lang: 'zh_CN';
}) => Promise<{ errCode?: number }>;

const NOT_SUBSCRIBED = 43_101;

function errCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined;
}

export function wechatNotifier(send: SubscribeMessageSend, miniprogramState: MiniprogramState): Notifier {
  return {
    async send(message) {
      try {
        await send({ touser: message.openid, templateId: message.templateId, page: message.page, data: message.data, miniprogramState, lang: 'zh_CN' });
        return 'sent';
      } catch (error) {
        if (errCodeOf(error) === NOT_SUBSCRIBED) return 'not_subscribed';
        throw error;
      }
    },
  };
}
