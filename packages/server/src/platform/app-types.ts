import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  db: Db;
  /**
   * For the heavy reads only (dashboard, register exports, search): the read replica's handle when
   * DATABASE_REPLICA_URL is set (read-only connections, falling back to the primary while the
   * replica cannot be reached), else `db` itself. Writes, and reads that must see the caller's own
   * write at once, use `db`.
   */
  readDb: Db;
  database: Database;
  config: Config;
}

/** A module's routes: one function that registers them on the app. */
export type RouteModule = (app: App, deps: AppDeps) => void;
