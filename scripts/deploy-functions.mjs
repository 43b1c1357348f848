// `npm run deploy:functions`: builds the cloud functions and uploads each to CLOUDBASE_ENV (WeChat's cloud installs wx-server-sdk), then sets the scheduler's timer trigger from its config.json.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildFunctions, functionsRoot } from './build-functions.mjs';
import { Failure, quietly, resolveCloudEnv, root, run, withProject } from './wechat-ci.mjs';

// The bundles target Node 16 (scripts/build-functions.mjs); a run of the scheduler or a slow store batch takes seconds.
const OLDEST_NODE = 16;
const LEAST_TIMEOUT_SECONDS = 20;
const createOnce = (name) =>
  `create it once in 云开发控制台 → 云函数 → 新建云函数, named ${name}, with the newest Node.js runtime and a timeout of at least ${LEAST_TIMEOUT_SECONDS} s, then deploy again`;

/**
 * miniprogram-ci's cloud API offers uploads and triggers but no way to ask whether a function exists, and its
 * uploadFunction creates a missing one itself, on Node.js 8.9 with a 3 s timeout. So this asks first, through the
 * very calls uploadFunction makes inside miniprogram-ci (GetFunction over WeChat's agent, signed with the upload
 * key), pinned by the exact version in package.json.
 */
function cloudApi(project, appid) {
  const require = createRequire(import.meta.url);
  const api = require('miniprogram-ci/dist/common/cloud-api');
  const { initCloudAPI, boundTransactRequest } = require('miniprogram-ci/dist/ci/cloud/cloudapi');
  initCloudAPI(appid);
  const options = { request: boundTransactRequest(project), transactType: api.TransactType.IDE };
  return {
    async environment(env) {
      const { envList } = await api.tcbGetEnvironments({}, options);
      const found = envList.find((e) => e.envId === env);
      if (!found) throw new Failure(`CLOUDBASE_ENV ${env} is not a cloud environment of ${appid} (it has: ${envList.map((e) => e.envId).join(', ') || 'none'})`);
      return { region: found.functions?.[0]?.region ?? '' };
    },
    /** GetFunction's answer as Tencent Cloud gives it (Runtime, Timeout, Triggers), or null when there is no such function. */
    async function(env, region, name) {
      try {
        return await api.transact(api.scfGetFunctionInfoContract, { Action: 'GetFunction', Version: '2018-04-16', FunctionName: name, Namespace: env, Region: region }, options);
      } catch (error) {
        if (error?.code === 'ResourceNotFound.Function' || /ResourceNotFound\.Function/.test(String(error?.message))) return null;
        throw error;
      }
    },
  };
}

/** Why an existing function cannot take the bundle as it is, or null. */
function unfit(name, info) {
  const major = Number(String(info.Runtime ?? '').match(/Nodejs(\d+)/i)?.[1]);
  if (!(major >= OLDEST_NODE))
    return `cloud function ${name} runs on ${info.Runtime || 'an unknown runtime'}, older than Node.js ${OLDEST_NODE} that its bundle needs: change its runtime in 云开发控制台 → 云函数 → ${name} → 配置 (or delete it and ${createOnce(name)})`;
  if (Number(info.Timeout) < LEAST_TIMEOUT_SECONDS)
    return `cloud function ${name} times out after ${info.Timeout} s: set at least ${LEAST_TIMEOUT_SECONDS} s in 云开发控制台 → 云函数 → ${name} → 配置`;
  return null;
}

/** What the cloud needs of a function, and nothing else (not its TypeScript source). */
function stage(name) {
  const dir = join(root, '.build', 'functions', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['index.js', 'package.json', 'config.json']) copyFileSync(join(functionsRoot, name, file), join(dir, file));
  return dir;
}

await run('deploy:functions', async () => {
  const env = resolveCloudEnv();
  let built;
  const build = async () => {
    built = await buildFunctions();
    for (const { name, bytes } of built) console.log(`deploy:functions: built ${name} (${(bytes / 1024).toFixed(1)} KiB)`);
  };
  await withProject(build, async ({ ci, project, appid }) => {
    const cloud = cloudApi(project, appid);
    const { region } = await quietly(() => cloud.environment(env));
    // Every function is checked before any is uploaded, so that a refusal leaves the environment as it was.
    const infos = new Map();
    for (const { name } of built) {
      const info = await quietly(() => cloud.function(env, region, name));
      if (!info) throw new Failure(`cloud function ${name} does not exist in ${env}, and uploading would create it on Node.js 8.9 with a 3 s timeout: ${createOnce(name)}`);
      const why = unfit(name, info);
      if (why) throw new Failure(why);
      infos.set(name, info);
    }
    for (const { name } of built) {
      console.log(`deploy:functions: uploading ${name} to ${env} (the cloud installs its dependencies)`);
      let last = '';
      const { filesCount, packSize } = await quietly(
        () => ci.cloud.uploadFunction({ project, env, name, path: stage(name), remoteNpmInstall: true }),
        (line) => {
          const status = line.match(/status: (\w+)/)?.[1];
          if (status && status !== last) console.log(`deploy:functions: ${name} ${(last = status)}`);
        },
      );
      console.log(`deploy:functions: ${name} deployed (${filesCount} files, ${(packSize / 1024).toFixed(1)} KiB zipped)`);
    }
    for (const { name } of built) {
      const triggers = JSON.parse(readFileSync(join(functionsRoot, name, 'config.json'), 'utf8')).triggers ?? [];
      for (const trigger of triggers.filter((t) => t.type === 'timer')) {
        const existing = (infos.get(name).Triggers ?? []).find((t) => t.TriggerName === trigger.name);
        if (existing) {
          // Creating a trigger whose name is taken fails, and createTimeTrigger would not say why.
          if (String(existing.TriggerDesc ?? '').includes(trigger.config)) {
            console.log(`deploy:functions: ${name}'s timer trigger ${trigger.name} is already ${trigger.config}`);
            continue;
          }
          throw new Failure(
            `${name}'s timer trigger ${trigger.name} is ${existing.TriggerDesc}, config.json says ${trigger.config}: delete it in 云开发控制台 → 云函数 → ${name} → 触发器, then deploy again`,
          );
        }
        // createTimeTrigger answers a message instead of throwing.
        const answer = await quietly(() =>
          ci.cloud.createTimeTrigger({ project, envId: env, functionName: name, triggersConfig: [{ name: trigger.name, type: 'timer', config: trigger.config }] }),
        );
        if (answer !== '创建定时触发器成功') throw new Failure(`WeChat did not create ${name}'s timer trigger ${trigger.name} (${trigger.config}): ${answer}`);
        console.log(`deploy:functions: ${name}'s timer trigger ${trigger.name} set to ${trigger.config}`);
      }
    }
    console.log(`deploy:functions: done — ${built.map((b) => b.name).join(', ')} in ${env}`);
  });
});
