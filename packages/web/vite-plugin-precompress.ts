/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the build, once, at build
 * time, so the server sends compressed bundles without compressing per request (@fastify/static's
 * `preCompressed`). Brotli at its highest quality: built once, downloaded on every first visit.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, compression saves less than a request's headers. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'township-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      let raw = 0;
      let br = 0;
      for (const file of files(outDir)) {
        if (!TEXT.test(file)) continue;
        const body = fs.readFileSync(file);
        if (body.length < MIN_BYTES) continue;
        const b = zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
        fs.writeFileSync(`${file}.br`, b);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
        raw += body.length;
        br += b.length;
      }
      console.log(`[precompress] ${(raw / 1024).toFixed(0)} KiB of text assets → ${(br / 1024).toFixed(0)} KiB brotli`);
    },
  };
}
