/** Response headers (CSP, HSTS, caching) and logs that carry no personal data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { serializeError } from '../../src/platform/log-redact.ts';
import { login, testApp, testDatabase } from '../helpers.ts';

const ID = '110101199003071234';

const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>');
const BUNDLE = 'console.log("乡镇办公室");\n'.repeat(200);
fs.writeFileSync(path.join(webDist, 'assets', 'index-AbC123.js'), BUNDLE);
// What the build's precompress plugin writes beside each bundle.
fs.writeFileSync(path.join(webDist, 'assets', 'index-AbC123.js.br'), zlib.brotliCompressSync(BUNDLE));
fs.writeFileSync(path.join(webDist, 'assets', 'index-AbC123.js.gz'), zlib.gzipSync(BUNDLE));
afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

const { app } = await testApp({ config: { webDist } });

describe('response headers', () => {
  it('send a script-tight Content-Security-Policy and no-store on every /api answer', async () => {
    for (const url of ['/api/health', '/api/me', '/api/no-such-route']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
    const s = await login(app, 'town06.clerk');
    const list = await app.inject({ method: 'GET', url: '/api/petitions', headers: { cookie: s.cookie } });
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives the API docs their own policy', async () => {
    const s = await login(app, 'town06.clerk');
    const res = await app.inject({ method: 'GET', url: '/api/docs/', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(res.headers['content-security-policy']).not.toContain('validator.swagger.io');
  });

  it('caches hashed bundles for a year and revalidates index.html, also for app routes', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/petitions/123']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('sends the build-time brotli or gzip copy of a bundle to a browser that accepts it, and the plain file otherwise', async () => {
    const url = '/assets/index-AbC123.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);
    const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('sends Strict-Transport-Security when the cookies are Secure (behind TLS)', async () => {
    const tls = await testApp({ config: { secureCookies: true } });
    const res = await tls.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('logs', () => {
  it('carry neither the SQL parameters nor an ID number from a failed query or a request URL', async () => {
    const database = await testDatabase('bare');
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logged = await buildApp({
      config: loadConfig({ dataDir: '/nonexistent', webDist: undefined }),
      database,
      logger: true,
      logStream: stream,
    });
    // A query that fails with the ID number in its parameters and in PostgreSQL's message.
    logged.get('/api/test-fail', { config: { public: true } }, async () => database.db.execute(sql`SELECT ${ID}::int AS n`));
    await logged.ready();
    afterAll(() => logged.close());

    const res = await logged.inject({ method: 'GET', url: `/api/test-fail?q=${ID}` });
    expect(res.statusCode).toBe(500);
    const out = lines.join('');
    expect(out).toContain('unhandled error');
    expect(out).toContain('out of range');
    expect(out).not.toContain(ID);
    expect(out).not.toContain(ID.slice(0, 11));
  });

  it('drop params, parameters and query values and star long digit runs, through the cause chain', () => {
    const cause = Object.assign(new Error(`Key (id_number)=(${ID}) already exists.`), {
      code: '23505',
      detail: `Key (id_number)=(${ID})`,
      parameters: [ID, '13812345678'],
    });
    const err = Object.assign(new Error(`Failed query: insert into staff values ($1, $2)\nparams: ${ID},13812345678`, { cause }), {
      query: 'insert into staff values ($1, $2)',
      params: [ID],
    });
    const s = serializeError(err);
    const text = JSON.stringify(s);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('13812345678');
    expect(s).toMatchObject({ params: '[redacted]', query: '[redacted]', cause: { code: '23505', parameters: '[redacted]' } });
    expect(s.message).toContain('Failed query: insert into staff');
  });
});
