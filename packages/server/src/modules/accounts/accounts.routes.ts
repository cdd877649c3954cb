import { z } from 'zod';
import {
  changePasswordBodySchema,
  liftLockBodySchema,
  loginBodySchema,
  loginLockSchema,
  meSchema,
  peopleOut,
  totpCodeSchema,
  totpEnableSchema,
  userCreateSchema,
  userRoleChangeSchema,
  userSchema,
  userStatusChangeSchema,
} from '@township-office/domain/auth';
import { CommonErrors } from '@township-office/domain/errors';
import { idParamSchema, safeString } from '@township-office/domain/common';
import { isPasswordComplex, PASSWORD_MAX_LENGTH } from '@township-office/domain/password';
import type { RouteModule } from '../../platform/app-types.ts';
import type { Actor } from '../../platform/context.ts';
import { SESSION_COOKIE, sendError } from '../../platform/http.ts';
import { WindowLimiter } from '../../platform/rate-limit.ts';
import { accountsRepository } from './accounts.repository.ts';
import { presentMe, presentUser } from './accounts.presenter.ts';
import * as auth from './auth.service.ts';
import { identityDuties } from './identity.ts';
import * as lockout from './lockout.service.ts';
import * as users from './users.service.ts';
import { delegationsInForce } from './delegations.service.ts';

const okSchema = z.object({ ok: z.literal(true) });

export const accountsRoutes: RouteModule = (app, { db, config }) => {
  const loginLimiter = new WindowLimiter(config.loginRatePerMinute, 60_000);

  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: loginBodySchema, response: { 200: meSchema } } },
    async (req, reply) => {
      const retryAfter = loginLimiter.hit(req.ip);
      if (retryAfter > 0) {
        reply.header('Retry-After', String(retryAfter));
        return sendError(reply, CommonErrors.TOO_MANY_ATTEMPTS, { seconds: retryAfter });
      }
      const result = await auth.login(db, config, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies || req.protocol === 'https',
      });
      return presentMe(result.user, result.org, result.csrfToken, result.identity, config, await delegationsInForce(db, result.user.id));
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { duringPasswordChange: true, duringTotpEnrolment: true }, schema: { tags: ['auth'], response: { 200: okSchema } } },
    async (req, reply) => {
      await auth.logout(db, req.ctx, auth.currentSession(req).id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    { config: { duringPasswordChange: true, duringTotpEnrolment: true }, schema: { tags: ['auth'], response: { 200: meSchema } } },
    async (req) => {
      const s = auth.currentSession(req);
      return presentMe(s.user, s.org, s.csrfToken, s.identity, config, s.delegations);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { duringPasswordChange: true, duringTotpEnrolment: true },
      schema: { tags: ['auth'], body: changePasswordBodySchema, response: { 200: meSchema } },
    },
    async (req) => {
      const s = auth.currentSession(req);
      await auth.changePassword(db, req.ctx, s.id, req.body);
      const fresh = (await accountsRepository.userWithOrg(db, s.user.id))!;
      return presentMe(fresh.user, fresh.org, s.csrfToken, identityDuties(fresh.user, config), config, s.delegations);
    },
  );

  // Reachable during the forced enrolment of an administrator's second factor (and otherwise).
  app.post(
    '/api/auth/totp/setup',
    {
      config: { duringTotpEnrolment: true },
      schema: { tags: ['auth'], response: { 200: z.object({ secret: safeString(), uri: safeString() }) } },
    },
    async (req) => auth.totpSetup(req.ctx),
  );
  app.post(
    '/api/auth/totp/enable',
    { config: { duringTotpEnrolment: true }, schema: { tags: ['auth'], body: totpEnableSchema, response: { 200: okSchema } } },
    async (req) => {
      await auth.totpEnable(db, req.ctx, req.body.secret, req.body.code);
      return { ok: true as const };
    },
  );
  app.post('/api/auth/totp/disable', { schema: { tags: ['auth'], body: totpCodeSchema, response: { 200: okSchema } } }, async (req) => {
    await auth.totpDisable(db, config, req.ctx, req.body.code);
    return { ok: true as const };
  });

  // The caller's colleagues in their own org (handlers, readers, hosts); no account details beyond the name.
  app.get(
    '/api/people',
    { config: { action: 'business.read' }, schema: { tags: ['people'], response: { 200: peopleOut } } },
    async (req) => ({
      items: await accountsRepository.colleagues(db, req.ctx.actor.orgId),
    }),
  );

  // Account administration (三员: system_admin manages accounts, security_admin roles and locks).
  const listQuery = z.object({ orgId: z.uuid().optional(), q: safeString().trim().max(40).optional() }).strict();
  app.get(
    '/api/users',
    { schema: { tags: ['users'], querystring: listQuery, response: { 200: z.object({ items: z.array(userSchema) }) } } },
    async (req) => {
      const rows = await users.listUsers(db, req.ctx, req.query);
      return { items: rows.map((r) => presentUser(req.ctx.actor, r.user, r.org, r.addressLockedUntil)) };
    },
  );
  app.post(
    '/api/users',
    { config: { action: 'users.manage' }, schema: { tags: ['users'], body: userCreateSchema, response: { 201: userSchema } } },
    async (req, reply) => {
      const row = await users.createUser(db, req.ctx, req.body);
      const { org } = (await accountsRepository.userWithOrg(db, row.id))!;
      return reply.code(201).send(presentUser(req.ctx.actor, row, org));
    },
  );
  const present = async (actor: Actor, id: string) => {
    const r = (await accountsRepository.userWithOrg(db, id))!;
    return presentUser(actor, r.user, r.org);
  };
  app.post(
    '/api/users/:id/role',
    {
      config: { action: 'users.assignRole' },
      schema: { tags: ['users'], params: idParamSchema, body: userRoleChangeSchema, response: { 200: userSchema } },
    },
    async (req) => {
      await users.assignRole(db, req.ctx, req.params.id, req.body.role);
      return present(req.ctx.actor, req.params.id);
    },
  );
  // The security administrator's view of sign-in locks: which names, from which addresses, and the lift.
  app.get(
    '/api/users/locks',
    { config: { action: 'users.unlock' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(loginLockSchema) }) } } },
    async (req) => ({
      items: await lockout.listLocks(db, req.ctx, config),
    }),
  );
  app.post(
    '/api/users/locks/lift',
    { config: { action: 'users.unlock' }, schema: { tags: ['users'], body: liftLockBodySchema, response: { 200: okSchema } } },
    async (req) => {
      await lockout.liftLock(db, req.ctx, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/users/:id/unlock',
    { config: { action: 'users.unlock' }, schema: { tags: ['users'], params: idParamSchema, response: { 200: userSchema } } },
    async (req) => {
      await users.unlockUser(db, req.ctx, req.params.id);
      return present(req.ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/users/:id/totp/reset',
    { config: { action: 'users.manage' }, schema: { tags: ['users'], params: idParamSchema, response: { 200: userSchema } } },
    async (req) => {
      await users.resetSecondFactor(db, req.ctx, req.params.id);
      return present(req.ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/users/:id/status',
    {
      config: { action: 'users.manage' },
      schema: { tags: ['users'], params: idParamSchema, body: userStatusChangeSchema, response: { 200: userSchema } },
    },
    async (req) => {
      await users.setUserDisabled(db, req.ctx, req.params.id, req.body.disabled);
      return present(req.ctx.actor, req.params.id);
    },
  );
  const resetBody = z
    .object({
      password: safeString()
        .min(1)
        .max(PASSWORD_MAX_LENGTH)
        .refine(
          isPasswordComplex,
          '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类 / at least 8 characters from three of: upper case, lower case, digits, symbols',
        ),
    })
    .strict();
  app.post(
    '/api/users/:id/password',
    {
      config: { action: 'users.manage' },
      schema: { tags: ['users'], params: idParamSchema, body: resetBody, response: { 200: userSchema } },
    },
    async (req) => {
      await users.resetPassword(db, req.ctx, req.params.id, req.body.password);
      return present(req.ctx.actor, req.params.id);
    },
  );
};
