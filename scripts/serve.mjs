// `npm run serve`: the local host alone (the backend API on the embedded store).
import { createRequire } from 'node:module';
import { buildHost } from './build-host.mjs';

const require = createRequire(import.meta.url);
const host = require(await buildHost());
await host.serve();
