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
import type { DbOrTx, Tx } from '../db/client.ts';
import { chainCheckpoints, checkpointDue, checkpointMessage, signCheckpoint } from './audit-checkpoints.ts';
import type { RequestContext } from './context.ts';
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
export interface ChainHead {
  chain: string;
  lastSeq: number;
  lastHash: string;
  checkpointSeq: number;
}

/** The chain an entry joins: its org's, or 'system'. */
export function auditChainOf(ctx: { actor: RequestContext['actor'] | null }, entry: Pick<AuditEntry, 'orgId'>): string {
  const orgId = entry.orgId === undefined ? (ctx.actor?.orgId ?? null) : entry.orgId;
  return orgId ?? 'system';
}

/**
 * One statement (usable as a CTE) that creates the chain's head if it is missing and locks it,
 * returning `chain, last_seq, last_hash, checkpoint_seq`. With `chainedAudit` it splits an audited
 * write into two statements, so a caller can take the head lock in the statement just before its
 * final write instead of at the start of its transaction (the create path of the incoming register).
 */
export function lockChainHeadSql(chain: string): SQL {
  return sql`INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES (${chain}, 0, ${GENESIS_HASH})
    ON CONFLICT (chain) DO UPDATE SET chain = EXCLUDED.chain RETURNING chain, last_seq, last_hash, checkpoint_seq`;
}

/**
 * The audit row for `entry` chained onto a head this transaction has locked (`lockChainHeadSql`):
 * two data-modifying statements to join, as CTEs, to the caller's final write (the row and the
 * head's move), and `afterWrite` to run after that statement (signs a checkpoint when one is due:
 * one statement every `checkpointEvery` rows).
 */
export function chainedAudit(
  ctx: Pick<RequestContext, 'ip'> & { actor: RequestContext['actor'] | null },
  entry: AuditEntry,
  head: ChainHead,
): { insertRow: SQL; moveHead: SQL; afterWrite(tx: Tx): Promise<void> } {
  const { content, hash } = chained(ctx, entry, head);
  return {
    insertRow: insertRow(content, head.lastHash, hash),
    moveHead: sql`UPDATE audit_chain_heads SET last_seq = ${content.seq}, last_hash = ${hash} WHERE chain = ${head.chain}`,
    async afterWrite(tx) {
      if (checkpointDue(content.seq, head.checkpointSeq)) await signCheckpoint(tx, head.chain, content.seq, hash);
    },
  };
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
