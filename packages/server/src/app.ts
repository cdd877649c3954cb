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
import type { Database } from './db/client.ts';
import { routeModules } from './modules/index.ts';
import type { App } from './platform/app-types.ts';
import { registerHttpPlatform, sendError } from './platform/http.ts';
import { relaxOptionalBodies, withRouteGate } from './platform/input.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
}

export async function buildApp({ config, database, logger = false }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
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
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerHttpPlatform(app, { db: database.db, config });

  // Security headers for every response (等保: no framing, no sniffing).
  app.addHook('onSend', async (_req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
  });

  app.get('/api/health', { config: { public: true }, schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) }) } } }, async () => {
    await database.pool.query('SELECT 1');
    return { status: 'ok' as const, database: database.kind };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const deps = { db: database.db, database, config };
  for (const register of routeModules) register(app, deps);

  const webDist = config.webDist;
  const hasWeb = webDist !== undefined && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) return sendError(reply, CommonErrors.ROUTE_NOT_FOUND);
    // The single-page app owns every other path.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
