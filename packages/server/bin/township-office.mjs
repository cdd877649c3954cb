#!/usr/bin/env node
// The server and CLI. `npm start` compiles the server once (bin/build-server.mjs) and this runs that
// JavaScript on plain node; without a bundle, or with sources newer than it, it runs the TypeScript
// source through tsx as before (a fresh clone, `npm test`, a developer's edit).
import { SERVER_BUNDLE, serverBundleStale } from './build-server.mjs';

let runCli;
if (process.env.TOWNSHIP_FROM_SOURCE !== '1' && !serverBundleStale()) ({ runCli } = await import(SERVER_BUNDLE));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli.ts'));
}
await runCli(process.argv);
