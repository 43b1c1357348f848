// `npm run database`: prints the cloud database's plan, compares it with an environment when given keys, and
// with --apply makes the changes (scripts/database/main.ts).
import { runTypeScript } from './run-typescript.mjs';

await runTypeScript({ name: 'database', entry: 'scripts/database/main.ts', external: ['@cloudbase/manager-node'] });
