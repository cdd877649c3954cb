/**
 * Log serializers that keep personal data out of the log. A failed query's error carries the
 * SQL parameters (drizzle's `params` and its message's "params:" line, node-postgres'
 * `parameters`, and `detail` such as "Key (id_number)=(110101…) already exists"), and a request
 * line carries its query string (`?q=110101…`). ID numbers (18), mobile phones (11) and bank
 * cards are runs of 11 or more digits: those are starred wherever they appear in text.
 */
import type { FastifyRequest } from 'fastify';

const LONG_DIGITS = /\d{11,}[\dXx]?/g;
/** Keys whose values are the query or its parameters: dropped whole, whatever they hold. */
const DROPPED_KEYS = new Set(['params', 'parameters', 'query', 'values', 'bindings']);
const MAX_DEPTH = 5;

export function maskLongDigits(text: string): string {
  return text.replace(LONG_DIGITS, (m) => '*'.repeat(m.length));
}

/** Drizzle appends the parameters to its message ("Failed query: …\nparams: a,b"). */
function cleanMessage(message: string): string {
  return maskLongDigits(message.replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]'));
}

function clean(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskLongDigits(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1, seen));
  if (value instanceof Error) return serializeErrorInner(value, depth, seen);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = DROPPED_KEYS.has(k) ? '[redacted]' : clean(v, depth + 1, seen);
  return out;
}

type SerializedError = { [key: string]: unknown; type: string; message: string; stack: string };

function serializeErrorInner(err: Error, depth: number, seen: WeakSet<object>): SerializedError {
  seen.add(err);
  const out: SerializedError = {
    type: err.constructor?.name ?? 'Error',
    message: cleanMessage(err.message ?? ''),
    stack: cleanMessage(err.stack ?? ''),
  };
  for (const [k, v] of Object.entries(err)) {
    if (k === 'message' || k === 'stack' || k === 'cause') continue;
    out[k] = DROPPED_KEYS.has(k) ? '[redacted]' : clean(v, depth + 1, seen);
  }
  if (err.cause !== undefined) out.cause = clean(err.cause, depth + 1, seen);
  return out;
}

/** The `err` serializer: the error, its own fields and its cause chain, without parameters. */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error))
    return { type: typeof err, message: maskLongDigits(String(err)), stack: '', value: clean(err, 0, new WeakSet()) };
  return serializeErrorInner(err, 0, new WeakSet());
}

/** The `req` serializer: Fastify's usual fields, with long digit runs in the URL starred. */
export function serializeRequest(req: FastifyRequest) {
  return { method: req.method, url: maskLongDigits(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

export const logSerializers = { err: serializeError, error: serializeError, req: serializeRequest };
