#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, scripts) with the server's loader.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) throw new Error('usage: run-ts.mjs <file.ts> [args]');
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);
