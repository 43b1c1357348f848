// `npm run upload`: uploads the mini-program to WeChat as a development version (package.json's version, the last commit as its description), for the console to submit for review.
import { packNpm } from './pack-npm.mjs';
import { compileSetting, description, progress, quietly, robot, run, version, withProject } from './wechat-ci.mjs';

await run('upload', async () => {
  const robotNumber = robot();
  await withProject(
    () => packNpm({ log: (line) => console.log(line) }),
    async ({ ci, project, appid }) => {
      const desc = description();
      console.log(`upload: ${appid} version ${version()} by robot ${robotNumber}: ${desc}`);
      const result = await quietly(() =>
        ci.upload({
          project,
          version: version(),
          desc,
          robot: robotNumber,
          setting: compileSetting,
          // A package over 5 MB would otherwise go through Tencent's COS, where the upload can end (and this command
          // exit 0) before WeChat has checked the package; posted directly, WeChat's answer is the command's result.
          useCOS: false,
          onProgressUpdate: progress('upload'),
        }),
      );
      for (const { name, size } of result.subPackageInfo ?? [])
        console.log(`upload: ${name === '__FULL__' ? 'all' : name === '__APP__' ? 'main package' : name} ${(size / 1024).toFixed(1)} KiB`);
      console.log(`upload: done — version ${version()} is the development version of robot ${robotNumber}; submit it for review in 小程序管理后台 → 版本管理`);
    },
  );
});
