import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommonErrors } from '@township-office/domain/errors';
import type { Config } from './config.ts';
import { databaseAnswers, type ConnectOptions, type Database } from './db/client.ts';
import { openReadReplica, type ReadReplica } from './db/replica.ts';
import { routeModules } from './modules/index.ts';
import { sessionResolver } from './modules/accounts/auth.service.ts';
import type { App } from './platform/app-types.ts';
import { setCheckpointEvery } from './platform/audit-checkpoints.ts';
import { registerHttpPlatform, sendError } from './platform/http.ts';
import { keysDirOf, openKeyStore, setActiveKeyStore } from './platform/keys.ts';
import { logSerializers } from './platform/log-redact.ts';
import { messageFor } from './platform/i18n.ts';

const HEALTH_TIMEOUT_MS = 2000;
import { relaxOptionalBodies, withRouteGate } from './platform/input.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** Where the log goes (default stdout); tests capture it to check what a log line carries. */
  logStream?: NodeJS.WritableStream;
  /** Timeouts of the replica's pool (DATABASE_REPLICA_URL), e.g. the tests' hang guards. */
  replicaConnectOptions?: ConnectOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The read replica when DATABASE_REPLICA_URL is set (health, tests); its reads reach routes as `deps.readDb`. */
    readReplica: ReadReplica | undefined;
  }
}

/**
 * The app's Content-Security-Policy. Scripts only from our origin: the built index.html has no
 * inline script (Vite emits <script type="module" src>). style-src needs 'unsafe-inline' because
 * Ant Design 6's CSS-in-JS injects <style> elements at run time and React renders style=""
 * attributes; a nonce cannot cover a static index.html served without templating. img-src takes
 * data: (the favicon, antd's inline SVG images) and blob: (previews); object-src and frame-src
 * take blob: so a PDF opened from a blob URL (lib/api.ts openPdf), which inherits this policy,
 * still shows in the browser's viewer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'self' blob:",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI (/api/docs) ships its scripts as files too, but sets style attributes and draws
 * images from data: URLs; its online validator badge is off (validatorUrl: null), so nothing leaves.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite's content-hashed bundles: a new build gets new names, so each file may be kept for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildApp({ config, database, logger = false, logStream, replicaConnectOptions }: BuildOptions): Promise<App> {
  // The key store (audit signing key, data key) lives in files outside the database: open or create it first.
  setActiveKeyStore(openKeyStore(keysDirOf(config), logger ? (m) => console.log(`[township-office] ${m}`) : undefined));
  setCheckpointEvery(config.auditCheckpointRows);
  const app = Fastify({
    // The serializers keep SQL parameters and long digit runs (ID numbers, phones) out of the log.
    logger: logger ? { level: config.logLevel, serializers: logSerializers, ...(logStream ? { stream: logStream } : {}) } : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID().slice(0, 8),
    trustProxy: process.env.TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'township-office API', description: '乡镇办公室规范化工作平台', version: '0.1.0' } },
    transform: withRouteGate(jsonSchemaTransform),
    transformObject: relaxOptionalBodies,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });

  app.decorate('db', database.db);
  // The heavy reads (dashboard, exports, search) go to the replica when there is one; without one
  // readDb is the primary's handle itself, so nothing changes.
  const replica = config.databaseReplicaUrl
    ? openReadReplica(
        config.databaseReplicaUrl,
        database,
        { warn: (m) => app.log.warn(m), info: (m) => app.log.info(m) },
        replicaConnectOptions,
      )
    : undefined;
  const readDb = replica?.db ?? database.db;
  app.decorate('readReplica', replica);
  if (replica) app.addHook('onClose', () => replica.close());
  registerHttpPlatform(app, { db: database.db, config, sessions: sessionResolver(database.db, config) });

  // Security headers for every response (等保: no framing, no sniffing, a content policy, TLS only).
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    const isDocs = req.url === '/api/docs' || req.url.startsWith('/api/docs/');
    reply.header('Content-Security-Policy', isDocs ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    if (config.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers carry personal data: no browser or proxy may keep a copy.
    if (req.url.startsWith('/api/') || req.url === '/api') reply.header('Cache-Control', 'no-store');
  });

  // Health answers within HEALTH_TIMEOUT_MS whatever the database does (a balancer or monitor
  // must never hang on it): 200 when a query goes through, else 503 with the catalogued message.
  // The replica is reported, never decisive: a lagging or lost replica leaves the server serving
  // (its reads fall back to the primary), so it must not take the server out of a balancer.
  const replicaHealth = z.object({
    state: z.enum(['streaming', 'not_standby', 'unavailable']),
    readsFrom: z.enum(['replica', 'primary']),
    lagBytes: z.number().int().nullable(),
  });
  const healthUp = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']), replica: replicaHealth.optional() });
  const healthDown = z.object({
    status: z.literal('unavailable'),
    database: z.literal('unavailable'),
    error: z.object({ code: z.string(), message: z.string() }),
  });
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['platform'], response: { 200: healthUp, 503: healthDown } } },
    async (req, reply) => {
      const [up, replicaStatus] = await Promise.all([
        databaseAnswers(database.pool, HEALTH_TIMEOUT_MS),
        replica?.status(database.pool, HEALTH_TIMEOUT_MS),
      ]);
      if (up) return { status: 'ok' as const, database: database.kind, ...(replicaStatus ? { replica: replicaStatus } : {}) };
      const def = CommonErrors.DB_UNAVAILABLE;
      return reply.code(503).send({
        status: 'unavailable' as const,
        database: 'unavailable' as const,
        error: { code: def.code, message: messageFor(def, req.locale) },
      });
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const deps = { db: database.db, readDb, database, config };
  for (const register of routeModules) register(app, deps);

  const webDist = config.webDist;
  const hasWeb = webDist !== undefined && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    const assets = path.join(webDist, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // The build writes .br and .gz beside each bundle (packages/web/vite-plugin-precompress.ts):
      // sent with Content-Encoding to a browser that accepts it, never compressed per request.
      preCompressed: true,
      // index.html names the current bundles, so it is revalidated on every visit; the bundles never change.
      setHeaders: (res, file) => res.header('Cache-Control', file.startsWith(assets) ? IMMUTABLE : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) return sendError(reply, CommonErrors.ROUTE_NOT_FOUND);
    // The single-page app owns every other path.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
