// The GitHub Actions workflows: valid YAML, run on the right events, and run what the repository defines — CI what
// .ci/run runs, a release the build, upload and deploy with the repository's secrets — with every action pinned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string | { image: string };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  // parse throws on a YAML syntax error, failing the test that reads the file.
  return parse(readFileSync(join(root, '.github/workflows', name), 'utf8')) as Workflow;
}

const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const files = ['ci.yml', 'release.yml'];
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((step) => (step.run ? [step.run.trim()] : []));

it('ci runs on every push and pull request, in Debian, what .ci/run runs', () => {
  const ci = workflow('ci.yml');
  expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  // No filters: every branch and every pull request.
  expect(ci.on.push ?? null).toBeNull();
  expect(ci.on.pull_request ?? null).toBeNull();
  const jobs = Object.values(ci.jobs);
  expect(jobs).toHaveLength(1);
  const image = typeof jobs[0].container === 'string' ? jobs[0].container : jobs[0].container?.image;
  // .ci/run apt-installs Debian's chromium: the job needs a Debian image with Node 20 (package.json's engines).
  expect(image).toMatch(/^node:20(\.\d+)*-(bookworm|bullseye|trixie)/);
  expect(runs(ci)).toEqual(['bash .ci/run']);
  expect(steps(ci)[0].uses).toMatch(/^actions\/checkout@/);
  expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/\nnpm test\s*$/);
});

it('release runs on version tags alone and builds, uploads and deploys with the secrets', () => {
  const release = workflow('release.yml');
  expect(release.on).toEqual({ push: { tags: ['v*'] } });
  const commands = runs(release);
  const order = ['npm ci', 'npm run build', 'npm run upload', 'npm run deploy:functions'].map((command) =>
    commands.findIndex((run) => run === command || run.startsWith(`${command} `)),
  );
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Each setting comes from the repository's secrets or variables, never written into the workflow.
  const env = { ...Object.values(release.jobs)[0].env, ...Object.assign({}, ...steps(release).map((s) => s.env ?? {})) } as Record<string, string>;
  expect(env.WECHAT_UPLOAD_KEY).toBe('${{ secrets.WECHAT_UPLOAD_KEY }}');
  expect(env.WECHAT_APPID).toMatch(/^\$\{\{ .*\b(secrets|vars)\.WECHAT_APPID\b.* \}\}$/);
  expect(env.CLOUDBASE_ENV).toMatch(/^\$\{\{ .*\b(secrets|vars)\.CLOUDBASE_ENV\b.* \}\}$/);
  const setupNode = steps(release).find((s) => s.uses?.startsWith('actions/setup-node@'));
  expect(String(setupNode?.with?.['node-version'])).toBe('20');
});

it.each(files)('%s pins every action to a version', (file) => {
  const uses = steps(workflow(file)).flatMap((step) => (step.uses ? [step.uses] : []));
  expect(uses.length).toBeGreaterThan(0);
  for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
});

it.each(files)('%s runs only npm scripts that package.json defines', (file) => {
  const named = runs(workflow(file)).flatMap((run) => [...run.matchAll(/\bnpm run ([\w:.-]+)/g)].map((m) => m[1]));
  for (const name of named) expect(scripts).toContain(name);
});
