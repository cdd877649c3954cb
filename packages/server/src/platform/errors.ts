import { CommonErrors, type ErrorDef } from '@township-office/domain/errors';

/** A typed domain error: thrown by services, turned into an HTTP response only at the edge. */
export class AppError extends Error {
  constructor(
    readonly def: ErrorDef,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(def.code);
    this.name = 'AppError';
  }
  get status(): number {
    return this.def.status;
  }
}

export const notFound = () => new AppError(CommonErrors.NOT_FOUND);
export const forbiddenRole = () => new AppError(CommonErrors.FORBIDDEN_ROLE);

/** PostgreSQL error codes the services translate (never shown raw). */
export const PgCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  invalidTextRepresentation: '22P02',
} as const;

export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What a known constraint means to the clerk: a catalogued error, or one already built with its params. */
export type ConstraintErrors = Record<string, ErrorDef | AppError>;

/**
 * The one place a PostgreSQL constraint violation becomes a catalogued error. A service names the
 * constraints its write can break (usually a unique index two concurrent requests race for) and
 * the error each means; a violation of one of them is rethrown as that AppError, anything else
 * (another constraint, another error) is rethrown unchanged and stays a logged 500.
 *
 *   try { … } catch (err) { mapPgError(err, { leaders_in_charge_current_uq: PersonnelErrors.LEADER_CHANGED }); }
 */
export function mapPgError(err: unknown, constraints: ConstraintErrors): never {
  const code = pgErrorCode(err);
  const constraint = pgConstraint(err);
  if (code && code.startsWith('23') && constraint !== undefined && Object.hasOwn(constraints, constraint)) {
    const mapped = constraints[constraint]!;
    throw mapped instanceof AppError ? mapped : new AppError(mapped);
  }
  throw err;
}

/** `await withPgErrors(map, () => db.transaction(…))`: mapPgError around one operation. */
export async function withPgErrors<T>(constraints: ConstraintErrors, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    mapPgError(err, constraints);
  }
}
