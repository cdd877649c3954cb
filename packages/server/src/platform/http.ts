/**
 * The HTTP edge: request language, session and CSRF checks, the route's role gate, and the one
 * error handler that turns typed domain errors into `{ error: { code, message } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CommonErrors, type ErrorDef } from '@township-office/domain/errors';
import type { Locale } from '@township-office/domain/common';
import { roleMay, type Action } from '@township-office/domain/permissions';
import type { Config } from '../config.ts';
import { isDatabaseUnavailable, type Db } from '../db/client.ts';
import { actorOf, resolveSession, type LiveSession } from '../modules/accounts/auth.service.ts';
import { registerDeniedRequestAudit } from './audit-denied.ts';
import type { RequestContext } from './context.ts';
import { AppError } from './errors.ts';
import { registerInputGuards, validationFailure } from './input.ts';
import { messageFor, pickLocale } from './i18n.ts';

export const SESSION_COOKIE = 'township_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
    /** The role gate: the caller's role must allow this action. */
    action?: Action;
    /** Reachable while the account must still change its first password. */
    duringPasswordChange?: boolean;
    /** Reachable while an account whose role requires a second factor has not enrolled one yet. */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    session: LiveSession | null;
    /** Set on every authenticated route. */
    ctx: RequestContext;
  }
}

export function sendError(reply: FastifyReply, def: ErrorDef, params?: Record<string, string | number>, details?: unknown) {
  const req = reply.request;
  return reply
    .code(def.status)
    .send({ error: { code: def.code, message: messageFor(def, req.locale ?? 'zh-CN', params), ...(details ? { details } : {}) } });
}

export function registerHttpPlatform(app: FastifyInstance, deps: { db: Db; config: Config }) {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  registerInputGuards(app);

  app.addHook('onRequest', async (req, reply) => {
    req.locale = pickLocale(req.cookies?.lang, req.headers['accept-language']);
    if (!req.url.startsWith('/api/') || req.is404) return;
    const config = req.routeOptions.config ?? {};
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const found = await resolveSession(deps.db, deps.config, token);
      if (found.status === 'ok') req.session = found.session;
      else if (!config.public) {
        // The configured minutes, in the message and as details for the web's login page.
        const idle = { minutes: Math.round(deps.config.sessionIdleMs / 60_000) };
        return found.status === 'idle'
          ? sendError(reply, CommonErrors.SESSION_IDLE_TIMEOUT, idle, idle)
          : sendError(reply, CommonErrors.NOT_AUTHENTICATED);
      }
    }
    if (config.public) return;
    const session = req.session;
    if (!session) return sendError(reply, CommonErrors.NOT_AUTHENTICATED);
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) return sendError(reply, CommonErrors.CSRF_MISSING);
    if (session.identity.mustChangePassword && !config.duringPasswordChange) return sendError(reply, CommonErrors.PASSWORD_CHANGE_REQUIRED);
    if (session.identity.mustEnrolTotp && !config.duringTotpEnrolment) return sendError(reply, CommonErrors.TOTP_ENROLMENT_REQUIRED);
    if (config.action && !roleMay(session.user.role, config.action)) return sendError(reply, CommonErrors.FORBIDDEN_ROLE);
    req.ctx = { actor: actorOf(session.user), ip: req.ip, requestId: req.id, locale: req.locale };
  });

  registerDeniedRequestAudit(app, deps.db);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(reply, err.def, err.params, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const failure = validationFailure(err, req.locale);
      return sendError(reply, failure.def, failure.params);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, CommonErrors.MALFORMED_JSON);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendError(reply, CommonErrors.BODY_TOO_LARGE, { limit: `${Math.round(deps.config.maxUploadBytes / 1048576)} MB` });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendError(reply, CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, CommonErrors.VALIDATION_FAILED, { detail: err.message.slice(0, 200) });
    }
    // Faults (issue 9): the database cannot be reached (refused, shut down, connection lost, pool
    // timeout). Not a bug of the request: a catalogued 503 the clerk can retry, logged as a warning.
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ reqId: req.id, cause: err.message }, 'database unavailable');
      return sendError(reply, CommonErrors.DB_UNAVAILABLE);
    }
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    const def = CommonErrors.INTERNAL;
    return reply
      .code(500)
      .send({ error: { code: def.code, message: messageFor(def, req.locale, { requestId: req.id }), requestId: req.id } });
  });
}

export function currentSession(req: FastifyRequest): LiveSession {
  if (!req.session) throw new AppError(CommonErrors.NOT_AUTHENTICATED);
  return req.session;
}
