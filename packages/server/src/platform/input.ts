/**
 * Input guards at the HTTP edge, shared by every route:
 * - text PostgreSQL cannot store (NUL, unpaired surrogates) anywhere in the path parameters, the
 *   query string or a JSON body is refused with UNSTORABLE_TEXT before any handler runs, so a route
 *   whose schema forgot `safeString()` (or takes `z.unknown()`) still never reaches the database
 *   with it;
 * - an action that takes no input accepts a POST without a body (no content type, or an empty
 *   JSON body): the body is validated as `{}`, and the OpenAPI document does not mark it required;
 * - zod's field errors become catalogued messages in the request's language.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isStorableText, UNSTORABLE_TEXT, type Locale } from '@township-office/domain/common';
import { CommonErrors, type ErrorDef } from '@township-office/domain/errors';
import { describeIssues, type IssueLike } from '@township-office/domain/validation';
import { AppError } from './errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A field path safe to echo back: no character that was the problem, and short. */
function printable(path: string): string {
  const clean = path.split('\u0000').join('\\0');
  const wellFormed = (clean as { toWellFormed?: () => string }).toWellFormed?.call(clean) ?? clean;
  return wellFormed.length > 80 ? `${wellFormed.slice(0, 80)}…` : wellFormed;
}

/**
 * The path of the first string (value or key) PostgreSQL cannot store, or null. Iterative, so a
 * 1,000-deep body cannot overflow the stack; it visits each node once.
 */
export function findUnstorable(root: unknown, rootPath: string): string | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const key of Object.keys(value)) {
        const keyPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return keyPath;
        stack.push([(value as Record<string, unknown>)[key], keyPath]);
      }
    }
  }
  return null;
}

function unstorable(path: string): AppError {
  return new AppError(CommonErrors.UNSTORABLE_TEXT, { field: printable(path) || '-' });
}

/** A request that carries no body at all (not even `null`): no length, no chunked transfer. */
function hasNoBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || Number(length) === 0) && req.headers['transfer-encoding'] === undefined;
}

export function registerInputGuards(app: FastifyInstance) {
  // Fastify's JSON parser answers an empty body with FST_ERR_CTP_EMPTY_JSON_BODY; an action without
  // input is sent exactly so by many clients. Everything else is left to the default parser
  // (which keeps its prototype-poisoning protection).
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    return defaultJson(req, body as string, done);
  });

  app.addHook('preValidation', async (req) => {
    const params = findUnstorable(req.params, '');
    if (params !== null) throw unstorable(params);
    const query = findUnstorable(req.query, '');
    if (query !== null) throw unstorable(query);
    if (req.body !== undefined && req.body !== null) {
      const body = findUnstorable(req.body, '');
      if (body !== null) throw unstorable(body);
    } else if (WRITE_METHODS.has(req.method) && req.routeOptions.schema?.body && (req.body === undefined || hasNoBody(req))) {
      // No body at all: validate as `{}`, so an input-less action passes and one with required
      // fields names them, instead of "expected object, received undefined".
      req.body = {};
    }
  });
}

interface WrappedIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The catalogued error for a zod validation failure, in the request's language. */
export function validationFailure(err: FastifyError, locale: Locale): { def: ErrorDef; params: Record<string, string> } {
  const wrapped = (err.validation ?? []) as unknown as WrappedIssue[];
  const issues: IssueLike[] = wrapped.map((w) => ({
    ...(w.params ?? {}),
    code: w.keyword ?? 'custom',
    path: (w.instancePath ?? '').split('/').filter((p) => p !== ''),
    message: w.message ?? '',
  }));
  const bad = issues.find((i) => i.code === 'custom' && (i as { params?: { reason?: unknown } }).params?.reason === UNSTORABLE_TEXT);
  if (bad) return { def: CommonErrors.UNSTORABLE_TEXT, params: { field: printable(bad.path.join('.')) || '-' } };
  return { def: CommonErrors.VALIDATION_FAILED, params: { detail: describeIssues(issues, locale === 'en' ? 'en' : 'zh') } };
}

type JsonSchema = { $ref?: string; required?: unknown; type?: unknown; properties?: Record<string, unknown> };
type OpenApiDoc = {
  paths?: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/**
 * @fastify/swagger marks every request body required ("Fastify requires a body when schema.body is
 * defined"); with the guard above, a body without required fields may be left out, and the
 * document says so. Used as the swagger plugin's `transformObject`.
 */
export function relaxOptionalBodies(document: { openapiObject: unknown } | { swaggerObject: unknown }) {
  if (!('openapiObject' in document)) return document.swaggerObject as never;
  const openapiObject = document.openapiObject;
  const doc = openapiObject as OpenApiDoc;
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined => {
    const ref = s?.$ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
    return ref ? doc.components?.schemas?.[ref] : s;
  };
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops)) {
      const body = op?.requestBody;
      const schema = resolve(body?.content?.['application/json']?.schema);
      if (!body || !schema) continue;
      const required = Array.isArray(schema.required) ? schema.required : [];
      // Only a plain object can be sent as nothing; a union (oneOf/anyOf) needs one of its forms.
      if (schema.type === 'object' && required.length === 0) body.required = false;
    }
  }
  return openapiObject as never;
}

/**
 * Wraps the zod → JSON schema transform so each operation also says who may call it:
 * `x-action` (the role gate's action) and `x-public`. Clients and the whole-API tests read it.
 */
export function withRouteGate<T extends (document: never) => unknown>(transform: T): T {
  const wrapped = (document: { route?: { config?: unknown } }) => {
    const out = (transform as unknown as (d: unknown) => { schema?: Record<string, unknown> })(document);
    const config = (document.route?.config ?? {}) as { action?: string; public?: boolean };
    if (out.schema && !out.schema.hide) {
      if (config.action) out.schema['x-action'] = config.action;
      if (config.public) out.schema['x-public'] = true;
    }
    return out;
  };
  return wrapped as unknown as T;
}
