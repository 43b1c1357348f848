// What a cloud function reads from its environment variables (set per cloud environment, kept in the city's
// secret store), checked once when an instance starts: a function never runs half-configured, and the
// development stand-ins never run where the trial and release versions of the mini-program call.
import { CLOUD_ENVIRONMENTS } from '../../miniprogram/domain/cloudEnvironments';
import { NOTIFICATION_EVENTS } from '../../miniprogram/domain/notifications';
import { MIN_SECRET_LENGTH } from '../ids';
import { envName, readNotificationConfig, type NotificationConfig } from '../notifications/config';
import { readSettings, type Settings } from '../settings';
import type { MiniprogramState } from './notifier';

export interface CloudConfig {
  personKeySecret: string;
  settings: Settings;
  notifications: NotificationConfig;
  /** WeChat's face verification, or the development verifier (a developer's own cloud environment only). */
  verifier: { kind: 'wechat'; appid: string; appSecret: string } | { kind: 'development' };
  /** WeChat's subscribe messages, or the development notifier (outbox only). */
  notifier: { kind: 'wechat'; miniprogramState: MiniprogramState } | { kind: 'development' };
}

const STAND_INS = ['wechat', 'development'] as const;

function choice(env: NodeJS.ProcessEnv, name: 'VERIFIER' | 'NOTIFIER', mayUseDevelopment: boolean, where: string): 'wechat' | 'development' {
  const value = env[name] || 'wechat';
  if (!(STAND_INS as readonly string[]).includes(value)) throw new Error(`${name} must be wechat or development, not "${value}"`);
  if (value === 'development' && !mayUseDevelopment)
    throw new Error(`${name}=development is refused in ${where}: only a developer's own environment (DEPLOYMENT=develop) may use it`);
  return value as 'wechat' | 'development';
}

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: ${why}`);
  return value;
}

/**
 * Reads the configuration of the functions in cloud environment `cloudEnv`, or throws an Error whose message
 * is the one line for the operator. The development verifier and notifier need DEPLOYMENT=develop and are
 * refused outright in the environments of CLOUD_ENVIRONMENTS.
 */
export function readCloudConfig(env: NodeJS.ProcessEnv, cloudEnv: string): CloudConfig {
  const personKeySecret = required(env, 'PERSON_KEY_SECRET', 'it keys every record by person (64 hex characters, e.g. openssl rand -hex 32)');
  if (personKeySecret.length < MIN_SECRET_LENGTH || !/^[0-9a-f]+$/i.test(personKeySecret)) {
    throw new Error(`PERSON_KEY_SECRET must be at least ${MIN_SECRET_LENGTH} hex characters (openssl rand -hex 32)`);
  }
  const shipped = (Object.values(CLOUD_ENVIRONMENTS) as string[]).includes(cloudEnv);
  const mayUseDevelopment = env.DEPLOYMENT === 'develop' && !shipped;
  const where = shipped ? `${cloudEnv}, the environment of the trial or release version` : 'an environment without DEPLOYMENT=develop';
  const settings = readSettings(env);
  const notifications = readNotificationConfig(env);

  const verifierKind = choice(env, 'VERIFIER', mayUseDevelopment, where);
  const verifier: CloudConfig['verifier'] =
    verifierKind === 'development'
      ? { kind: 'development' }
      : {
          kind: 'wechat',
          appid: required(env, 'WECHAT_APPID', 'face verification is called with the mini-program’s appid'),
          appSecret: required(env, 'WECHAT_APPSECRET', 'face verification needs an access token made from the AppSecret'),
        };

  const notifierKind = choice(env, 'NOTIFIER', mayUseDevelopment, where);
  if (notifierKind === 'wechat') {
    // The development templates are stand-ins WeChat does not know: every message would fail.
    const unset = NOTIFICATION_EVENTS.filter((event) => notifications.templates[event].templateId.startsWith('dev-'));
    if (unset.length > 0) throw new Error(`${envName(unset[0], 'TEMPLATE')} is not set: subscribe messages need the template ids of the mini-program's account`);
  }
  const notifier: CloudConfig['notifier'] =
    notifierKind === 'development' ? { kind: 'development' } : { kind: 'wechat', miniprogramState: cloudEnv === CLOUD_ENVIRONMENTS.trial ? 'trial' : 'formal' };

  return { personKeySecret, settings, notifications, verifier, notifier };
}
