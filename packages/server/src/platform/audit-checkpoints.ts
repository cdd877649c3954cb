/**
 * Signed checkpoints of the audit chains. The SM3 chain proves order and content only against
 * someone who cannot recompute it; a database superuser can. A checkpoint signs (chain, position,
 * hash of that row, time) with the SM2 key of the key store (platform/keys.ts), which lives in
 * files outside the database, so a rewritten chain stops matching the checkpoints signed before
 * the rewrite. Checkpoints are made inside the writing transaction when a chain has grown by
 * `every` rows since its last one (the head row is locked there anyway), and by a periodic job
 * for chains with any newer row, so no row stays unsigned for longer than the job's interval.
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import { activeKeyStore, type KeyStore } from './keys.ts';

let checkpointEvery = 100;
/** Rows between checkpoints written inside the writing transaction (config AUDIT_CHECKPOINT_ROWS). */
export function setCheckpointEvery(rows: number): void {
  checkpointEvery = Math.max(1, Math.floor(rows));
}
export const checkpointDue = (seq: number, checkpointSeq: number): boolean => seq - checkpointSeq >= checkpointEvery;

export interface CheckpointFields {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  key: string;
}

/** The exact bytes that are signed: a fixed label and the fields in a fixed order. */
export function checkpointMessage(c: CheckpointFields): string {
  return `township-office audit checkpoint v1\n${JSON.stringify({ chain: c.chain, seq: c.seq, hash: c.hash, at: c.at, key: c.key })}`;
}

/** Sign the chain's position `seq` (whose row hash is `hash`); a no-op without a key store or if that position is signed already. */
export async function signCheckpoint(
  tx: Tx,
  chain: string,
  seq: number,
  hash: string,
  store: KeyStore | null = activeKeyStore(),
): Promise<boolean> {
  if (!store) return false;
  const fields: CheckpointFields = { chain, seq, hash, at: new Date().toISOString(), key: store.fingerprint };
  const signature = store.sign(checkpointMessage(fields));
  const inserted = await tx.execute(sql`
    INSERT INTO audit_checkpoints (chain, seq, row_hash, at, key_fingerprint, public_key, signature)
    VALUES (${chain}, ${seq}, ${hash}, ${fields.at}, ${fields.key}, ${store.publicKeyPem}, ${signature})
    ON CONFLICT (chain, seq) DO NOTHING`);
  await tx.execute(sql`UPDATE audit_chain_heads SET checkpoint_seq = GREATEST(checkpoint_seq, ${seq}) WHERE chain = ${chain}`);
  return (inserted.rowCount ?? 0) > 0;
}

/**
 * The periodic job: sign the head of every chain that has rows after its last checkpoint. Safe to
 * run from several processes at once: each chain is handled under its locked head row and a
 * position is signed at most once (UNIQUE (chain, seq)).
 */
export async function checkpointAllChains(db: Db, store: KeyStore | null = activeKeyStore()): Promise<{ signed: number }> {
  if (!store) return { signed: 0 };
  const pending = (
    await db.execute<{ chain: string }>(sql`SELECT chain FROM audit_chain_heads WHERE last_seq > checkpoint_seq ORDER BY chain`)
  ).rows;
  let signed = 0;
  for (const { chain } of pending) {
    const did = await db.transaction(async (tx) => {
      const head = (
        await tx.execute<{ last_seq: number; last_hash: string; checkpoint_seq: number }>(
          sql`SELECT last_seq, last_hash, checkpoint_seq FROM audit_chain_heads WHERE chain = ${chain} FOR UPDATE`,
        )
      ).rows[0];
      if (!head || Number(head.last_seq) <= Number(head.checkpoint_seq)) return false;
      return signCheckpoint(tx, chain, Number(head.last_seq), head.last_hash, store);
    });
    if (did) signed++;
  }
  return { signed };
}

/** Run the job now and then every `minutes`; returns the function that stops it. */
export function startCheckpointTimer(db: Db, minutes: number, log: (m: string) => void): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { signed } = await checkpointAllChains(db);
      if (signed) log(`signed ${signed} audit checkpoint(s)`);
    } catch (err) {
      log(`audit checkpoint job failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

export interface StoredCheckpoint extends CheckpointFields {
  signature: string;
}

export async function chainCheckpoints(db: DbOrTx, chain: string): Promise<StoredCheckpoint[]> {
  const rows = (
    await db.execute<{ seq: number; row_hash: string; at: string; key_fingerprint: string; signature: string }>(sql`
      SELECT seq, row_hash, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, key_fingerprint, signature
      FROM audit_checkpoints WHERE chain = ${chain} ORDER BY seq`)
  ).rows;
  return rows.map((r) => ({ chain, seq: Number(r.seq), hash: r.row_hash, at: r.at, key: r.key_fingerprint, signature: r.signature }));
}
