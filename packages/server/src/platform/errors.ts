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
