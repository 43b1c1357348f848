// esbuild wiring for the preview bundle: the generated "preview:app" module, the inlined Vant icon
// font, Vant's JS APIs from miniprogram_npm (one instance, shared with its components), and the
// three miniprogram-simulate files that touch the disk swapped for browser versions.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import simulateInternals from '../vendor/miniprogram-simulate.cjs';

/**
 * @param {{ projectRoot: string, miniprogramRoot: string, appSource: () => string, iconCss: () => string }} options
 */
export function previewPlugin({ projectRoot, miniprogramRoot, appSource, iconCss }) {
  const { srcDir: simulateSrc, diskModules } = simulateInternals;
  const diskModule = new RegExp(`^\\./(${diskModules.join('|')})$`);
  const replacements = join(projectRoot, 'preview', 'runtime', 'simulate');
  const vantDir = join(miniprogramRoot, 'miniprogram_npm', '@vant', 'weapp');
  const isFile = (file) => existsSync(file) && statSync(file).isFile();
  return {
    name: 'preview',
    setup(build) {
      build.onResolve({ filter: /^preview:app$/ }, () => ({ path: 'app', namespace: 'preview-app' }));
      build.onLoad({ filter: /.*/, namespace: 'preview-app' }, () => ({ contents: appSource(), loader: 'js', resolveDir: miniprogramRoot }));
      build.onResolve({ filter: /^preview:vant-icons\.css$/ }, () => ({ path: 'vant-icons.css', namespace: 'preview-css' }));
      build.onLoad({ filter: /.*/, namespace: 'preview-css' }, () => ({ contents: iconCss(), loader: 'css' }));

      build.onResolve({ filter: diskModule }, (args) =>
        args.importer && dirname(args.importer) === simulateSrc ? { path: join(replacements, `${args.path.slice(2)}.ts`) } : undefined,
      );
      build.onResolve({ filter: /^path$/ }, () => ({ path: join(replacements, 'path.ts') }));

      build.onResolve({ filter: /^@vant\/weapp\// }, (args) => {
        const base = join(vantDir, args.path.slice('@vant/weapp/'.length));
        const found = [base, `${base}.js`, join(base, 'index.js')].find(isFile);
        return found ? { path: found } : { errors: [{ text: `${args.path} is not in miniprogram_npm (run: node scripts/pack-npm.mjs)` }] };
      });
    },
  };
}
