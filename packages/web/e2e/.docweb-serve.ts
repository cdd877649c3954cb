import { startTestServer } from './.docweb-test-server.ts';
const server = await startTestServer(console.log);
console.log(`ready: ${server.baseUrl}`);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
