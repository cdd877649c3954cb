/**
 * The HTTP edge: request language, session and CSRF checks, the route's role gate, and the one
 * error handler that turns typed domain errors into `{ error: { code, message } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CommonErrors, type ErrorDef } from '@township-office/domain/errors';
import type { Locale } from '@township-office/domain/common';
import { holderMay, type Action } from '@township-office/domain/permissions';
import type { Config } from '../config.ts';
import { isDatabaseUnavailable, type Db } from '../db/client.ts';
import { mayOrActsFor } from './access.ts';
import { registerDeniedRequestAudit } from './audit-denied.ts';
import type { Actor, RequestContext } from './context.ts';
import { AppError, pgConstraint, pgErrorCode } from './errors.ts';
import { registerInputGuards, validationFailure } from './input.ts';
import { messageFor, pickLocale } from './i18n.ts';

export const SESSION_COOKIE = 'township_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What the edge needs to know about a signed-in session. The accounts module owns sessions and
 * hands a resolver in (app.ts wires it), so platform/ never imports a module.
 */
export interface PlatformSession {
  id: string;
  csrfToken: string;
  identity: { mustChangePassword: boolean; mustEnrolTotp: boolean };
}

export type SessionLookup<S extends PlatformSession = PlatformSession> =
  { status: 'ok'; session: S } | { status: 'none' } | { status: 'idle' };

export interface SessionResolver<S extends PlatformSession = PlatformSession> {
  /** Look a cookie token up; a session idle for longer than the limit comes back as 'idle'. */
  resolve(token: string): Promise<SessionLookup<S>>;
  /** The actor written into the request context and into denied-request audit rows. */
  actorOf(session: S): Actor;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
    /** The role gate: the caller's role must allow this action (a list: any one of them). */
    action?: Action | readonly Action[];
    /**
     * 委托: the gate also passes for a delegate acting today for a leader who holds `action` (one of
     * domain/delegations.ts DELEGATED_ACTIONS); the service then checks the record as that leader.
     */
    delegable?: boolean;
    /** Reachable while the account must still change its first password. */
    duringPasswordChange?: boolean;
    /** Reachable while an account whose role requires a second factor has not enrolled one yet. */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    /** The resolver's session; the accounts module reads its full shape through its own `currentSession`. */
    session: PlatformSession | null;
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

export function registerHttpPlatform<S extends PlatformSession>(
  app: FastifyInstance,
  deps: { db: Db; config: Config; sessions: SessionResolver<S> },
) {
  const actorOf = (session: PlatformSession) => deps.sessions.actorOf(session as S);
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
      const found = await deps.sessions.resolve(token);
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
    const actor = actorOf(session);
    const gate: readonly Action[] = config.action === undefined ? [] : typeof config.action === 'string' ? [config.action] : config.action;
    if (gate.length && !gate.some((a) => (config.delegable ? mayOrActsFor(actor, a) : holderMay(actor, a))))
      return sendError(reply, CommonErrors.FORBIDDEN_ROLE);
    req.ctx = { actor, ip: req.ip, requestId: req.id, locale: req.locale };
  });

  registerDeniedRequestAudit(app, deps.db, actorOf);

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
    // The safety net behind withPgErrors: a unique index, or a serialization failure or deadlock
    // between concurrent transactions, refused a write no service maps to a specific error. The
    // transaction rolled back, so nothing was written and trying again is safe: a 409 saying so,
    // logged as a warning naming the constraint (map it in its service to say more).
    const pgCode = pgErrorCode(err);
    if (pgCode === '23505' || pgCode === '40001' || pgCode === '40P01') {
      req.log.warn({ reqId: req.id, pgCode, constraint: pgConstraint(err) }, 'write conflict not mapped by its service');
      return sendError(reply, CommonErrors.WRITE_CONFLICT);
    }
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
