// `npm run supervisor`: gives a cloud environment its first supervisor (scripts/supervisor/main.ts).
import { runTypeScript } from './run-typescript.mjs';

await runTypeScript({ name: 'supervisor', entry: 'scripts/supervisor/main.ts', external: ['wx-server-sdk'] });
