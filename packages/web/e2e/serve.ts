/**
 * Look at the app by hand on a throwaway seeded database (the same server the browser tests use):
 *   node packages/server/bin/run-ts.mjs packages/web/e2e/serve.ts [--build] [--foundation]
 */
import { buildWeb, startTestServer } from './test-server.ts';

if (process.argv.includes('--build')) buildWeb();
const server = await startTestServer({ log: console.log, seed: process.argv.includes('--foundation') ? 'foundation' : 'demo' });
console.log(`ready: ${server.baseUrl} (Ctrl-C stops and deletes the database)`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
