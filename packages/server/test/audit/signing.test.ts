/**
 * Issue 9: the audit chain had no secret. A superuser could edit a row, recompute the SM3 chain
 * and the head, and `audit verify` said "intact". Checkpoints signed with an SM2 key that lives
 * outside the database must catch that, and catch checkpoints forged with another key.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointAllChains, checkpointMessage } from '../../src/platform/audit-checkpoints.ts';
import { chainHash, verifyAudit, writeAudit, type HashedContent } from '../../src/platform/audit.ts';
import { activeKeyStore, openKeyStore } from '../../src/platform/keys.ts';
import { TEST_KEYS_DIR, testApp } from '../helpers.ts';

const EVERY = 10;
const { database } = await testApp({ config: { auditCheckpointRows: EVERY } });
const keys = activeKeyStore()!;

/** Run SQL as a database superuser would: past the append-only triggers. */
async function asSuperuser(fn: (q: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<void>) {
  const c = await database.pool.connect();
  try {
    await c.query('SET session_replication_role = replica');
    await fn((sql, params) => c.query(sql, params as never[]));
  } finally {
    await c.query('SET session_replication_role = DEFAULT');
    c.release();
  }
}

/** A chain of its own (an org id nobody else writes to), `n` rows long, written as the services write. */
async function freshChain(n: number): Promise<string> {
  const orgId = randomUUID();
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      writeAudit(
        tx,
        { actor: null, ip: '10.9.9.9' },
        { action: 'probe.write', entity: 'probe', entityId: String(i), orgId, after: { i, note: `row ${i}` } },
      ),
    );
  }
  return orgId;
}

/** What a superuser can do without the key: change one row, then recompute every later hash and the head. */
async function editAndRecompute(chain: string, seq: number) {
  await asSuperuser(async (q) => {
    await q(`UPDATE audit_log SET after = jsonb_set(after, '{note}', '"篡改"') WHERE chain = $1 AND seq = $2`, [chain, seq]);
    const rows = (
      await q(
        `SELECT id, chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_username, actor_role, org_id, ip, action, entity, entity_id, before, after, prev_hash
         FROM audit_log WHERE chain = $1 ORDER BY seq`,
        [chain],
      )
    ).rows;
    let prev = rows[0]!.prev_hash as string;
    for (const r of rows) {
      const content: HashedContent = {
        chain: String(r.chain),
        seq: Number(r.seq),
        at: String(r.at),
        actorUserId: r.actor_user_id as string | null,
        actorUsername: r.actor_username as string | null,
        actorRole: r.actor_role as string | null,
        orgId: r.org_id as string | null,
        ip: r.ip as string | null,
        action: String(r.action),
        entity: String(r.entity),
        entityId: r.entity_id as string | null,
        before: r.before ?? null,
        after: r.after ?? null,
      };
      const hash = chainHash(prev, content);
      await q(`UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3`, [prev, hash, r.id]);
      prev = hash;
    }
    await q(`UPDATE audit_chain_heads SET last_hash = $1 WHERE chain = $2`, [prev, chain]);
  });
}

const idAt = async (chain: string, seq: number) =>
  Number((await database.pool.query(`SELECT id FROM audit_log WHERE chain = $1 AND seq = $2`, [chain, seq])).rows[0].id);

describe('the key store', () => {
  it('signs real SM2 signatures that OpenSSL verifies (empty distinguishing ID), from a key in files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm2-interop-'));
    const store = openKeyStore(dir);
    const message = checkpointMessage({ chain: 'c', seq: 1, hash: 'a'.repeat(64), at: '2026-01-01T00:00:00.000Z', key: store.fingerprint });
    fs.writeFileSync(path.join(dir, 'msg'), message);
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(store.sign(message), 'base64'));
    const r = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-rawin',
        '-digest',
        'sm3',
        '-pubin',
        '-inkey',
        path.join(dir, 'audit-signing.pub.pem'),
        '-in',
        path.join(dir, 'msg'),
        '-sigfile',
        path.join(dir, 'sig'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toMatch(/Signature Verified Successfully/);
    // The same store opened again keeps its key; a second folder has another one.
    expect(openKeyStore(dir).fingerprint).toBe(store.fingerprint);
    expect(openKeyStore(fs.mkdtempSync(path.join(os.tmpdir(), 'sm2-other-'))).fingerprint).not.toBe(store.fingerprint);
  });

  it('after a rotation, old checkpoints verify only while the old public key is kept in trusted/', async () => {
    const chain = await freshChain(EVERY);
    expect((await database.pool.query(`SELECT count(*)::int AS n FROM audit_checkpoints WHERE chain = $1`, [chain])).rows[0].n).toBe(1);
    // Rotation as documented in the README: keep the public key in trusted/, remove the private key, restart.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rotated-'));
    fs.copyFileSync(path.join(TEST_KEYS_DIR, 'data.key'), path.join(dir, 'data.key'));
    const rotated = openKeyStore(dir);
    expect(rotated.fingerprint).not.toBe(keys.fingerprint);
    const withoutOld = await verifyAudit(database.db, undefined, rotated);
    expect(withoutOld.ok).toBe(false);
    expect(withoutOld.firstBroken!.reason).toMatch(/does not trust/);
    fs.copyFileSync(
      path.join(TEST_KEYS_DIR, 'audit-signing.pub.pem'),
      path.join(dir, 'trusted', `${keys.fingerprint.slice(0, 16)}.pub.pem`),
    );
    expect((await verifyAudit(database.db, undefined, openKeyStore(dir))).ok).toBe(true);
  });
});

describe('signed checkpoints of the audit chains', () => {
  it('signs a checkpoint inside the writing transaction every N rows of a chain, with a key kept outside the database', async () => {
    const chain = await freshChain(2 * EVERY + 3);
    const cps = (
      await database.pool.query(`SELECT seq, key_fingerprint, public_key, signature FROM audit_checkpoints WHERE chain = $1 ORDER BY seq`, [
        chain,
      ])
    ).rows;
    expect(cps.map((c) => Number(c.seq))).toEqual([EVERY, 2 * EVERY]);
    expect(cps[0].key_fingerprint).toBe(keys.fingerprint);
    // The database holds the signature and the public key, never the private key.
    const privatePem = fs.readFileSync(path.join(TEST_KEYS_DIR, 'audit-signing.key.pem'), 'utf8');
    const everything = JSON.stringify((await database.pool.query(`SELECT * FROM audit_checkpoints`)).rows);
    expect(everything).not.toContain(privatePem.split('\n')[1]);
    expect(fs.statSync(path.join(TEST_KEYS_DIR, 'audit-signing.key.pem')).mode & 0o777).toBe(0o600);
    const result = await verifyAudit(database.db);
    expect(result).toMatchObject({ ok: true, signatures: 'checked' });
    expect(result.checkpointsChecked).toBeGreaterThanOrEqual(2);
  });

  it('the periodic job signs every chain with newer rows, once per position, even when two processes run it at once', async () => {
    const chain = await freshChain(3);
    const [a, b] = await Promise.all([checkpointAllChains(database.db), checkpointAllChains(database.db)]);
    expect(a.signed + b.signed).toBeGreaterThanOrEqual(1);
    const cps = (await database.pool.query(`SELECT seq FROM audit_checkpoints WHERE chain = $1`, [chain])).rows;
    expect(cps.map((c) => Number(c.seq))).toEqual([3]);
    expect((await checkpointAllChains(database.db)).signed).toBe(0);
    const result = await verifyAudit(database.db);
    expect(result.ok).toBe(true);
    expect(result.unsignedRows).toBe(0);
  });

  it('a checkpoint signed by another key fails, naming the first row after the last valid checkpoint', async () => {
    const chain = await freshChain(EVERY + 5);
    const forger = openKeyStore(fs.mkdtempSync(path.join(os.tmpdir(), 'forger-keys-')));
    const row = (await database.pool.query(`SELECT hash FROM audit_log WHERE chain = $1 AND seq = $2`, [chain, EVERY + 5])).rows[0];
    const fields = { chain, seq: EVERY + 5, hash: row.hash as string, at: new Date().toISOString(), key: forger.fingerprint };
    await database.pool.query(
      `INSERT INTO audit_checkpoints (chain, seq, row_hash, at, key_fingerprint, public_key, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [chain, fields.seq, fields.hash, fields.at, fields.key, forger.publicKeyPem, forger.sign(checkpointMessage(fields))],
    );
    const result = await verifyAudit(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chain, seq: EVERY + 1, id: await idAt(chain, EVERY + 1) });
    expect(result.firstBroken!.reason).toMatch(/does not trust/);

    // Claiming the trusted fingerprint does not help: the signature does not verify under it.
    await asSuperuser(async (q) => {
      await q(`UPDATE audit_checkpoints SET key_fingerprint = $1, signature = $2 WHERE chain = $3 AND seq = $4`, [
        keys.fingerprint,
        forger.sign(checkpointMessage({ ...fields, key: keys.fingerprint })),
        chain,
        fields.seq,
      ]);
    });
    const again = await verifyAudit(database.db);
    expect(again.firstBroken).toMatchObject({ chain, seq: EVERY + 1 });
    expect(again.firstBroken!.reason).toMatch(/does not verify/);
    await asSuperuser((q) => q(`DELETE FROM audit_checkpoints WHERE chain = $1 AND seq = $2`, [chain, fields.seq]).then(() => undefined));
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('a row edited by a superuser who recomputes the whole chain and head fails, naming the row after the last valid checkpoint', async () => {
    const chain = await freshChain(3 * EVERY + 2);
    expect((await verifyAudit(database.db)).ok).toBe(true);
    const victimSeq = EVERY + 4;
    await editAndRecompute(chain, victimSeq);
    // Without signatures the recomputed chain passes: this is the hole the checkpoints close.
    const unsigned = await verifyAudit(database.db, undefined, null);
    expect(unsigned.firstBroken?.reason ?? '').not.toMatch(/changed after it was written|link/);
    const result = await verifyAudit(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chain, seq: EVERY + 1, id: await idAt(chain, EVERY + 1) });
    expect(result.firstBroken!.reason).toMatch(
      new RegExp(`rows ${EVERY + 1}–${2 * EVERY} no longer match the checkpoint signed at position ${2 * EVERY}`),
    );
  });
});
