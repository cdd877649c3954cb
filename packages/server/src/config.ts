import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The key store (audit signing key, data key): outside the database and its backups. Default DATA_DIR/keys. */
  keysDir: string | undefined;
  /** Sign a checkpoint of an audit chain every this many rows, and at least every auditCheckpointMinutes. */
  auditCheckpointRows: number;
  auditCheckpointMinutes: number;
  /** The file store (attachments): FILES_DIR, default DATA_DIR/files; shared by every server. */
  filesDir: string;
  databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL's database: the dashboard, register exports and search read
   * from it (read-only connections), falling back to the primary while it cannot be reached.
   */
  databaseReplicaUrl: string | undefined;
  /**
   * A session connection (PostgreSQL itself or a session-mode pool) for what needs one when
   * DATABASE_URL goes through PgBouncer in transaction mode: the live-event hub's LISTEN and the
   * migrations' advisory lock. Default DATABASE_URL.
   */
  databaseListenUrl: string | undefined;
  /**
   * The hot statements are named (prepared once per connection; `executeNamed` in db/client.ts).
   * Off (`DATABASE_NAMED_STATEMENTS=false`) when DATABASE_URL is a transaction-mode pooler that
   * does not keep prepared statements: PgBouncer before 1.21, or without `max_prepared_statements`.
   */
  databaseNamedStatements: boolean;
  /** Idle timeout of a session, ms (等保: 30 minutes). */
  sessionIdleMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
  loginRatePerMinute: number;
  maxUploadBytes: number;
  /** Set Secure on the session cookie (behind TLS). */
  secureCookies: boolean;
  webDist: string | undefined;
  logLevel: string;
  /** Days a password lives before the next sign-in must change it; 0 = never (等保: 定期更换). */
  passwordMaxAgeDays: number;
  /** Days before expiry from which sign-in and /api/me warn. */
  passwordWarnDays: number;
  /** 三员 and county_admin must sign in with a TOTP code (demo-seeded accounts are exempt). */
  requireAdminMfa: boolean;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * A connection URL node-postgres reads (postgres://, postgresql://, or socket:// for a Unix socket),
 * or undefined when unset; anything else fails at start-up, not at the first query. The value is
 * never echoed: it may carry a password.
 */
function databaseUrl(name: string): string | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a postgres:// URL`);
  }
  if (!['postgres:', 'postgresql:', 'socket:'].includes(url.protocol))
    throw new Error(`${name} must be a postgres:// URL, got ${url.protocol}//…`);
  return raw;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const config: Omit<Config, 'filesDir'> = {
    port: int('PORT', 3000),
    host: process.env.HOST || '127.0.0.1',
    dataDir: path.resolve(process.env.DATA_DIR || './data'),
    databaseUrl: databaseUrl('DATABASE_URL'),
    databaseReplicaUrl: databaseUrl('DATABASE_REPLICA_URL'),
    databaseListenUrl: databaseUrl('DATABASE_LISTEN_URL'),
    databaseNamedStatements: bool('DATABASE_NAMED_STATEMENTS', true),
    keysDir: process.env.KEYS_DIR ? path.resolve(process.env.KEYS_DIR) : undefined,
    auditCheckpointRows: Math.max(1, int('AUDIT_CHECKPOINT_ROWS', 100)),
    auditCheckpointMinutes: Math.max(1, int('AUDIT_CHECKPOINT_MINUTES', 60)),
    sessionIdleMs: int('SESSION_IDLE_MINUTES', 30) * 60_000,
    lockoutThreshold: 5,
    lockoutMs: 15 * 60_000,
    loginRatePerMinute: int('LOGIN_RATE_PER_MINUTE', 60),
    maxUploadBytes: int('MAX_UPLOAD_MB', 50) * 1024 * 1024,
    secureCookies: process.env.SECURE_COOKIES === 'true',
    webDist: undefined,
    logLevel: process.env.LOG_LEVEL || 'info',
    passwordMaxAgeDays: int('PASSWORD_MAX_AGE_DAYS', 90),
    passwordWarnDays: 7,
    requireAdminMfa: bool('REQUIRE_ADMIN_MFA', true),
    ...overrides,
  };
  // Follows DATA_DIR (also an overridden one) unless FILES_DIR names another place.
  const filesDir = overrides.filesDir ?? (process.env.FILES_DIR ? path.resolve(process.env.FILES_DIR) : path.join(config.dataDir, 'files'));
  return { ...config, filesDir };
}
