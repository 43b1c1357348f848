// A cloud function's `main`: the caller's identity from the platform (getWXContext), the production services
// built once per instance from configuration, and the same handlers the local host runs.
import * as wxServerSdk from 'wx-server-sdk';
import type { FunctionName, Result } from '../../miniprogram/domain/contract';
import { ERROR_MESSAGES } from '../../miniprogram/domain/errors';
import type { Context } from '../context';
import { runFunction } from '../functions';
import { personKeyer, randomId, randomSecret } from '../ids';
import { developmentNotifier } from '../notifications/development';
import { openCloudStore, type CloudDatabase } from '../store/cloudbase';
import { developmentVerifier } from '../verification/development';
import { readCloudConfig } from './config';
import { memoKey, wechatFaceVerifier } from './faceVerifier';
import { cloudFiles, type CloudStorageSdk } from './files';
import { wechatNotifier, type SubscribeMessageSend } from './notifier';

/** What the entry uses of wx-server-sdk, typed here once. */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  getWXContext(): { OPENID?: string; ENV?: string };
  database(options: { throwOnNotFound: boolean }): unknown;
  getTempFileURL: CloudStorageSdk['getTempFileURL'];
  openapi: { subscribeMessage: { send: SubscribeMessageSend } };
}

const cloud = wxServerSdk as unknown as WxServerSdk;

/** What a call brings: the mini-program's data, to which WeChat adds `userInfo`; a timer trigger's `Type`. */
type CloudEvent = Record<string, unknown>;

type Services = Omit<Context, 'openid' | 'now' | 'trigger' | 'staff'>;

function failure(code: 'UNAUTHENTICATED' | 'INTERNAL'): Result<never> {
  return { ok: false, error: { code, message: ERROR_MESSAGES[code] } };
}

/** The services of one cloud environment, from its configuration; throws the operator's one line when it is incomplete. */
function servicesFor(env: string): Services {
  const config = readCloudConfig(process.env, env);
  // throwOnNotFound: false, or a transaction's read of a missing document throws instead of answering null.
  const store = openCloudStore(cloud.database({ throwOnNotFound: false }) as CloudDatabase);
  return {
    store,
    files: cloudFiles(cloud, env),
    verifier:
      config.verifier.kind === 'wechat'
        ? wechatFaceVerifier({ appid: config.verifier.appid, appSecret: config.verifier.appSecret, sealKey: memoKey(config.personKeySecret) })
        : developmentVerifier(),
    settings: config.settings,
    personKey: personKeyer(config.personKeySecret),
    newId: randomId,
    newSecret: randomSecret,
    notifications: {
      config: config.notifications,
      notifier:
        config.notifier.kind === 'wechat' ? wechatNotifier((params) => cloud.openapi.subscribeMessage.send(params), config.notifier.miniprogramState) : developmentNotifier(store),
    },
  };
}

/** Only the contract's fields go on: `userInfo` and anything else WeChat adds are not the caller's to pass. */
function callData(event: CloudEvent): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of ['action', 'requestId', 'payload'] as const) if (event[key] !== undefined) data[key] = event[key];
  return data;
}

/** The `main` of cloud function `name`. */
export function cloudEntry(name: FunctionName): (event: CloudEvent, context?: unknown) => Promise<Result<unknown>> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  let services: { env: string; built: Services } | undefined;

  return async (event) => {
    const { OPENID, ENV } = cloud.getWXContext();
    const env = ENV ?? process.env.TCB_ENV ?? '';
    try {
      if (!services || services.env !== env) services = { env, built: servicesFor(env) };
    } catch (error) {
      console.error(`cloud function ${name}: ${(error as Error).message}`);
      return failure('INTERNAL');
    }
    const base = { ...services.built, now: Date.now() };
    if (name === 'scheduler') {
      // Only the timer trigger runs it: it calls with no user's identity and Type 'Timer'. Anyone else is refused by its authorisation.
      const trigger = !OPENID && event.Type === 'Timer';
      return runFunction('scheduler', { ...base, openid: '', trigger }, { action: 'run' });
    }
    if (typeof OPENID !== 'string' || OPENID === '') return failure('UNAUTHENTICATED');
    return runFunction(name, { ...base, openid: OPENID }, callData(event));
  };
}
