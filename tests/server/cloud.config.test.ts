// What a cloud function reads from its environment: a missing or malformed secret, a development stand-in
// where the trial or release version calls, or a WeChat service without its keys is one clear line.
import { CLOUD_ENVIRONMENTS } from '../../miniprogram/domain/cloudEnvironments';
import { NOTIFICATION_EVENTS } from '../../miniprogram/domain/notifications';
import { readCloudConfig } from '../../server/cloud/config';
import { envName } from '../../server/notifications/config';

const SECRET = 'c0'.repeat(32);
const TEMPLATES = Object.fromEntries(NOTIFICATION_EVENTS.map((event, i) => [envName(event, 'TEMPLATE'), `tmpl-${i}`]));
const PRODUCTION: Record<string, string> = { PERSON_KEY_SECRET: SECRET, WECHAT_APPID: 'wx-city', WECHAT_APPSECRET: 'app-secret', ...TEMPLATES };
const DEVELOPMENT = { PERSON_KEY_SECRET: SECRET, DEPLOYMENT: 'develop', VERIFIER: 'development', NOTIFIER: 'development' };

describe('the cloud functions’ configuration', () => {
  it('takes WeChat’s verifier and notifier by default, with the trial version opened by trial messages', () => {
    const release = readCloudConfig(PRODUCTION, CLOUD_ENVIRONMENTS.release);
    expect(release.verifier).toEqual({ kind: 'wechat', appid: 'wx-city', appSecret: 'app-secret' });
    expect(release.notifier).toEqual({ kind: 'wechat', miniprogramState: 'formal' });
    expect(release.notifications.templates.review_approved.templateId).toBe(TEMPLATES[envName('review_approved', 'TEMPLATE')]);
    expect(readCloudConfig(PRODUCTION, CLOUD_ENVIRONMENTS.trial).notifier).toEqual({ kind: 'wechat', miniprogramState: 'trial' });
  });

  it('refuses to run without the person-key secret, or with one that is not 64 hex characters', () => {
    const { PERSON_KEY_SECRET: _secret, ...without } = PRODUCTION;
    expect(() => readCloudConfig(without, 'any-env')).toThrow('PERSON_KEY_SECRET is not set');
    expect(() => readCloudConfig({ ...PRODUCTION, PERSON_KEY_SECRET: 'short' }, 'any-env')).toThrow('PERSON_KEY_SECRET must be at least 64 hex characters');
    expect(() => readCloudConfig({ ...PRODUCTION, PERSON_KEY_SECRET: 'z'.repeat(64) }, 'any-env')).toThrow('PERSON_KEY_SECRET must be at least 64 hex characters');
  });

  it('allows the development stand-ins only in a developer’s own environment', () => {
    expect(readCloudConfig(DEVELOPMENT, 'my-dev-env')).toMatchObject({ verifier: { kind: 'development' }, notifier: { kind: 'development' } });
    for (const env of Object.values(CLOUD_ENVIRONMENTS)) {
      expect(() => readCloudConfig(DEVELOPMENT, env)).toThrow(`VERIFIER=development is refused in ${env}, the environment of the trial or release version`);
      expect(() => readCloudConfig({ ...PRODUCTION, DEPLOYMENT: 'develop', NOTIFIER: 'development' }, env)).toThrow('NOTIFIER=development is refused');
    }
    const { DEPLOYMENT: _deployment, ...undeclared } = DEVELOPMENT;
    expect(() => readCloudConfig(undeclared, 'my-dev-env')).toThrow('VERIFIER=development is refused in an environment without DEPLOYMENT=develop');
    expect(() => readCloudConfig({ ...DEVELOPMENT, VERIFIER: 'mock' }, 'my-dev-env')).toThrow('VERIFIER must be wechat or development, not "mock"');
  });

  it('names what WeChat’s services lack: the appid, the AppSecret, each template id', () => {
    const { WECHAT_APPSECRET: _appSecret, ...noSecret } = PRODUCTION;
    expect(() => readCloudConfig(noSecret, 'any-env')).toThrow('WECHAT_APPSECRET is not set');
    const { WECHAT_APPID: _appid, ...noAppid } = PRODUCTION;
    expect(() => readCloudConfig(noAppid, 'any-env')).toThrow('WECHAT_APPID is not set');
    const first = envName(NOTIFICATION_EVENTS[0], 'TEMPLATE');
    const { [first]: _template, ...noTemplate } = PRODUCTION;
    expect(() => readCloudConfig(noTemplate, 'any-env')).toThrow(`${first} is not set`);
  });
});
