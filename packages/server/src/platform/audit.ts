/**
 * The tamper-evident audit trail (等保 2.0 安全审计). Every write records who, from where, what,
 * and the record before and after, in the same transaction as the change. Each row carries
 * SM3(previous row's hash ‖ this row's canonical content); one chain per org, its head row locked
 * for the length of the writing transaction, so a dispatch in one township never waits on another.
 * A chain has no secret of its own: signed checkpoints (audit-checkpoints.ts) pin it to a key
 * kept outside the database, so a superuser who rewrites rows and recomputes hashes is caught.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import { chainCheckpoints, checkpointDue, checkpointMessage, signCheckpoint } from './audit-checkpoints.ts';
import type { ActingFor, RequestContext } from './context.ts';
import { activeKeyStore, type KeyStore } from './keys.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  /** The org whose chain the row joins; defaults to the actor's org. */
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * 委托: what the audit row of a step taken on a leader's behalf keeps of that leader, put into its
 * `after` (the actor columns name the delegate who acted). Nothing for a step in one's own right.
 */
export function onBehalfOfAudit(p: ActingFor | null): {
  onBehalfOf?: { userId: string; username: string; displayName: string; delegationId: string };
} {
  return p ? { onBehalfOf: { userId: p.userId, username: p.username, displayName: p.displayName, delegationId: p.delegationId } } : {};
}

/** JSON with sorted keys and dates as ISO strings: the same bytes before storage and after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = normalise(v);
  }
  return out;
}

export interface HashedContent {
  chain: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  orgId: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function chainHash(prevHash: string, content: HashedContent): string {
  return createHash('sm3').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/** Passwords, secrets and tokens never enter the audit trail. */
const REDACTED_KEYS = new Set(['passwordHash', 'password', 'totpSecret', 'csrfToken', 'token']);
function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object)) out[k] = REDACTED_KEYS.has(k) ? '[redacted]' : redact(v);
  return out;
}

export async function writeAudit(
  tx: Tx,
  ctx: Pick<RequestContext, 'ip'> & { actor: RequestContext['actor'] | null },
  entry: AuditEntry,
): Promise<void> {
  const orgId = entry.orgId === undefined ? (ctx.actor?.orgId ?? null) : entry.orgId;
  const chain = orgId ?? 'system';
  await tx.execute(
    sql`INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES (${chain}, 0, ${GENESIS_HASH}) ON CONFLICT DO NOTHING`,
  );
  const head = await tx.execute<{ last_seq: number; last_hash: string; checkpoint_seq: number }>(
    sql`SELECT last_seq, last_hash, checkpoint_seq FROM audit_chain_heads WHERE chain = ${chain} FOR UPDATE`,
  );
  const { last_seq: lastSeq, last_hash: prevHash, checkpoint_seq: checkpointSeq } = head.rows[0]!;
  const { content, hash } = chained(ctx, entry, {
    chain,
    lastSeq: Number(lastSeq),
    lastHash: prevHash,
    checkpointSeq: Number(checkpointSeq),
  });
  await tx.execute(sql`${insertRow(content, prevHash, hash)}`);
  await tx.execute(sql`UPDATE audit_chain_heads SET last_seq = ${content.seq}, last_hash = ${hash} WHERE chain = ${chain}`);
  // One signature per `every` rows, decided on the head row this transaction holds already.
  if (checkpointDue(content.seq, Number(checkpointSeq))) await signCheckpoint(tx, chain, content.seq, hash);
}

/** A chain's head as a writer holding its lock sees it. */
interface ChainHead {
  chain: string;
  lastSeq: number;
  lastHash: string;
  checkpointSeq: number;
}

/**
 * A value of an audit entry that only the final statement knows (a serial it assigns): put
 * `auditToken(name)` in the entry, and `appendAuditSql` replaces it with the SQL expression given
 * for `name`. No request carries it (safe strings refuse NUL).
 */
export const auditToken = (name: string): string => `\u0000${name}`;

/**
 * The audit row of `entry` appended by PostgreSQL inside the caller's one statement, for a write
 * whose chain head must be locked only while that statement and its COMMIT run. The caller's
 * statement is `WITH <its own CTEs>, ${parts.ctes} <its final write>`; the CTEs lock the head (FOR
 * UPDATE, after the caller's own locks, e.g. a serial counter: the order every writer keeps),
 * build the canonical content with the substituted values, hash it with SM3 (pgcrypto's `digest(…,
 * 'sm3')`: the bytes `chainHash` hashes, so verifyAudit checks these rows like any other), insert
 * the row and move the head. `audit_new` is a CTE exposing `seq, hash, checkpoint_seq` for the
 * caller to return. With no head row yet (once per chain, ever) the audit CTEs yield nothing: the
 * caller conditions its own first write on `headExists` so that such a statement writes nothing at
 * all, and may then run without BEGIN/COMMIT (one statement is its own transaction: the locks are
 * released by its commit, with no round trip to node in between); it creates the head
 * (`ensureChainHead`) and retries.
 */
export function appendAuditSql(
  ctx: Pick<RequestContext, 'ip'> & { actor: RequestContext['actor'] | null },
  entry: AuditEntry,
  values: Record<string, SQL>,
  from: SQL,
): { ctes: SQL; chain: string; headExists: SQL } {
  const orgId = entry.orgId === undefined ? (ctx.actor?.orgId ?? null) : entry.orgId;
  const chain = orgId ?? 'system';
  const { content } = chained(ctx, entry, { chain, lastSeq: -1, lastHash: GENESIS_HASH, checkpointSeq: 0 });
  // seq is the last key of the canonical form: the prefix ends with "seq":, the statement appends the number and }.
  const canonical = canonicalJson(content);
  const tail = '"seq":0}';
  if (!canonical.endsWith(tail)) throw new Error('audit: seq is not the last key of the canonical content');
  let prefix: SQL = sql`${canonical.slice(0, -tail.length + '"seq":'.length)}::text`;
  let after: SQL = sql`${JSON.stringify(content.after)}::text`;
  for (const [name, expr] of Object.entries(values)) {
    const token = JSON.stringify(auditToken(name));
    prefix = sql`replace(${prefix}, ${token}, to_json((${expr})::text)::text)`;
    after = sql`replace(${after}, ${token}, to_json((${expr})::text)::text)`;
  }
  return {
    chain,
    headExists: sql`EXISTS (SELECT 1 FROM audit_chain_heads WHERE chain = ${chain})`,
    ctes: sql`
      audit_head AS (SELECT h.last_seq, h.last_hash, h.checkpoint_seq FROM audit_chain_heads h, ${from} WHERE h.chain = ${chain} FOR UPDATE OF h),
      audit_new AS (
        SELECT a.last_seq + 1 AS seq, a.last_hash AS prev_hash, a.checkpoint_seq, x.after,
               encode(digest(convert_to(a.last_hash || x.prefix || (a.last_seq + 1)::text || '}', 'UTF8'), 'sm3'), 'hex') AS hash
        FROM audit_head a, ${from}, LATERAL (SELECT ${prefix} AS prefix, ${after} AS after) x
      ),
      audit_row AS (
        INSERT INTO audit_log (chain, seq, at, actor_user_id, actor_username, actor_role, org_id, ip, action, entity, entity_id, before, after, prev_hash, hash)
        SELECT ${chain}, n.seq, ${content.at}, ${content.actorUserId}, ${content.actorUsername}, ${content.actorRole}, ${orgId}, ${content.ip},
               ${content.action}, ${content.entity}, ${content.entityId}, ${JSON.stringify(content.before)}::jsonb, n.after::jsonb, n.prev_hash, n.hash
        FROM audit_new n
      ),
      audit_move AS (UPDATE audit_chain_heads h SET last_seq = n.seq, last_hash = n.hash FROM audit_new n WHERE h.chain = ${chain})`,
  };
}

/** Creates a chain's head row if it has none (once per chain, ever). */
export async function ensureChainHead(db: DbOrTx, chain: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES (${chain}, 0, ${GENESIS_HASH}) ON CONFLICT DO NOTHING`,
  );
}

/** After an `appendAuditSql` write has committed: sign the checkpoint if the row reached one (idempotent). */
export async function checkpointIfDue(db: Db, chain: string, seq: number, checkpointSeq: number, hash: string): Promise<void> {
  if (checkpointDue(seq, checkpointSeq)) await db.transaction((tx) => signCheckpoint(tx, chain, seq, hash).then(() => undefined));
}

function chained(
  ctx: Pick<RequestContext, 'ip'> & { actor: RequestContext['actor'] | null },
  entry: AuditEntry,
  head: ChainHead,
): { content: HashedContent; hash: string } {
  const orgId = entry.orgId === undefined ? (ctx.actor?.orgId ?? null) : entry.orgId;
  const content: HashedContent = {
    chain: head.chain,
    seq: head.lastSeq + 1,
    at: new Date().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    actorRole: ctx.actor?.role ?? null,
    orgId,
    ip: ctx.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: JSON.parse(canonicalJson(redact(entry.before ?? null))),
    after: JSON.parse(canonicalJson(redact(entry.after ?? null))),
  };
  return { content, hash: chainHash(head.lastHash, content) };
}

function insertRow(content: HashedContent, prevHash: string, hash: string): SQL {
  return sql`
    INSERT INTO audit_log (chain, seq, at, actor_user_id, actor_username, actor_role, org_id, ip, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (${content.chain}, ${content.seq}, ${content.at}, ${content.actorUserId}, ${content.actorUsername}, ${content.actorRole}, ${content.orgId},
            ${content.ip}, ${content.action}, ${content.entity}, ${content.entityId}, ${JSON.stringify(content.before)}::jsonb,
            ${JSON.stringify(content.after)}::jsonb, ${prevHash}, ${hash})`;
}

export interface VerifyResult {
  ok: boolean;
  rowsChecked: number;
  chains: number;
  /** Signed checkpoints whose signature and row hash both held. */
  checkpointsChecked: number;
  /** Rows after the last valid checkpoint of their chain: protected by the hash chain only, until the next checkpoint. */
  unsignedRows: number;
  /** Whether the signatures could be checked (they need the key store's public keys). */
  signatures: 'checked' | 'not checked: no key store';
  firstBroken?: { id: number; chain: string; seq: number; reason: string };
}

type Broken = NonNullable<VerifyResult['firstBroken']>;

function contentOf(r: Record<string, unknown>, seq: number): HashedContent {
  return {
    chain: String(r.chain),
    seq,
    at: String(r.at),
    actorUserId: (r.actor_user_id as string | null) ?? null,
    actorUsername: (r.actor_username as string | null) ?? null,
    actorRole: (r.actor_role as string | null) ?? null,
    orgId: (r.org_id as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    action: String(r.action),
    entity: String(r.entity),
    entityId: (r.entity_id as string | null) ?? null,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}

/**
 * Walk every chain in order and name the first row whose hash or link does not hold; then check
 * each signed checkpoint against the key store. A chain rewritten with recomputed hashes passes
 * the first test and fails the second: since no one can tell which of the rows after the last
 * valid checkpoint was changed, the first of them is named.
 */
export async function verifyAudit(
  db: DbOrTx,
  onProgress?: (done: number, total: number) => void,
  keys: KeyStore | null = activeKeyStore(),
): Promise<VerifyResult> {
  const total = Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n);
  const heads = (
    await db.execute<{ chain: string; last_seq: number; last_hash: string }>(
      sql`SELECT chain, last_seq, last_hash FROM audit_chain_heads ORDER BY chain`,
    )
  ).rows;
  let checked = 0;
  let checkpointsChecked = 0;
  let unsignedRows = 0;
  const signatures = keys ? ('checked' as const) : ('not checked: no key store' as const);
  const fail = (firstBroken: Broken): VerifyResult => ({
    ok: false,
    rowsChecked: checked,
    chains: heads.length,
    checkpointsChecked,
    unsignedRows,
    signatures,
    firstBroken,
  });
  const batch = 5000;
  for (const head of heads) {
    const checkpoints = await chainCheckpoints(db, head.chain);
    let nextCheckpoint = 0;
    let lastValidSeq = 0;
    const rowAfterLastValid = async (reason: string): Promise<VerifyResult> => {
      const seq = lastValidSeq + 1;
      const row = (await db.execute<{ id: number }>(sql`SELECT id FROM audit_log WHERE chain = ${head.chain} AND seq = ${seq}`)).rows[0];
      return fail({ id: row ? Number(row.id) : -1, chain: head.chain, seq, reason });
    };
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastId = -1;
    for (;;) {
      const rows = (
        await db.execute<Record<string, unknown>>(sql`
          SELECT id, chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_username, actor_role,
                 org_id, ip, action, entity, entity_id, before, after, prev_hash, hash
          FROM audit_log WHERE chain = ${head.chain} AND seq >= ${expectedSeq} ORDER BY seq LIMIT ${batch}`)
      ).rows;
      for (const r of rows) {
        const id = Number(r.id);
        const seq = Number(r.seq);
        const broken = (reason: string): VerifyResult => fail({ id, chain: head.chain, seq, reason });
        if (seq !== expectedSeq)
          return fail({ id: lastId, chain: head.chain, seq: expectedSeq, reason: `row ${expectedSeq} of the chain is missing` });
        if (r.prev_hash !== prevHash) return broken('its link to the previous row does not match');
        if (chainHash(prevHash, contentOf(r, seq)) !== r.hash) return broken('its content was changed after it was written');
        for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.seq === seq; nextCheckpoint++) {
          const cp = checkpoints[nextCheckpoint]!;
          const verdict = keys ? keys.verify(cp.key, checkpointMessage(cp), cp.signature) : 'valid';
          if (verdict === 'unknown-key')
            return rowAfterLastValid(
              `the checkpoint at position ${seq} is signed by a key the key store does not trust (forged, or a rotated key missing from the trusted folder)`,
            );
          if (verdict === 'invalid')
            return rowAfterLastValid(`the checkpoint at position ${seq} has a signature that does not verify (forged or altered)`);
          if (cp.hash !== r.hash)
            return rowAfterLastValid(
              `rows ${lastValidSeq + 1}–${seq} no longer match the checkpoint signed at position ${seq} (${cp.at}): one of them was changed and the chain recomputed`,
            );
          lastValidSeq = seq;
          checkpointsChecked++;
        }
        prevHash = String(r.hash);
        expectedSeq = seq + 1;
        lastId = id;
        checked++;
        if (onProgress && checked % 1000 === 0) onProgress(checked, total);
      }
      if (rows.length < batch) break;
    }
    if (nextCheckpoint < checkpoints.length) {
      return rowAfterLastValid(
        `the chain ends at position ${expectedSeq - 1} but a checkpoint was signed at position ${checkpoints[nextCheckpoint]!.seq}: rows were removed`,
      );
    }
    if (expectedSeq - 1 !== Number(head.last_seq) || prevHash !== head.last_hash) {
      return fail({ id: lastId, chain: head.chain, seq: expectedSeq, reason: 'rows at the end of the chain were removed' });
    }
    unsignedRows += expectedSeq - 1 - lastValidSeq;
  }
  onProgress?.(checked, total);
  const ok = checked === total;
  return {
    ok,
    rowsChecked: checked,
    chains: heads.length,
    checkpointsChecked,
    unsignedRows,
    signatures,
    ...(ok ? {} : { firstBroken: { id: -1, chain: '?', seq: -1, reason: 'rows exist outside any chain' } }),
  };
}

/** One row of a record's audit trail as a module shows it (the record's own history, not the audit browser). */
export interface AuditTrailRow {
  action: string;
  at: Date;
  actorUserId: string | null;
  /** The actor's display name now (their username when the account is gone). */
  actorName: string;
  actorOrgId: string | null;
  actorOrgName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit rows of one record whose action matches one of `actions` (LIKE patterns), oldest first
 * (audit_log_entity_idx). Callers check the reader may see the record and pick the fields they show.
 */
export async function auditTrailOf(db: DbOrTx, entity: string, entityId: string, actions: readonly string[]): Promise<AuditTrailRow[]> {
  const r = await db.execute<{
    action: string;
    at: Date | string;
    actor_user_id: string | null;
    actor_name: string | null;
    actor_org_id: string | null;
    actor_org_name: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(sql`
    SELECT a.action, a.at, a.actor_user_id, COALESCE(u.display_name, a.actor_username) AS actor_name,
           u.org_id AS actor_org_id, o.name AS actor_org_name, a.before, a.after
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN orgs o ON o.id = u.org_id
    WHERE a.entity = ${entity} AND a.entity_id = ${entityId} AND a.action LIKE ANY (${`{${actions.join(',')}}`}::text[])
    ORDER BY a.at, a.id`);
  return r.rows.map((x) => ({
    action: x.action,
    at: new Date(x.at),
    actorUserId: x.actor_user_id,
    actorName: x.actor_name ?? '',
    actorOrgId: x.actor_org_id,
    actorOrgName: x.actor_org_name,
    before: x.before,
    after: x.after,
  }));
}
