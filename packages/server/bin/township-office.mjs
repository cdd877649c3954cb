#!/usr/bin/env node
// The server and CLI run from TypeScript source through tsx: no build step for the server.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
