/**
 * The hot statements named (db/client.ts `executeNamed`, the session read's drizzle `.prepare`):
 * prepared once on a connection and reused there, never on a transaction or with named statements
 * off (a transaction-mode pooler); and `inTurn`, which queues one office's creates in the process.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect, executeNamed } from '../../src/db/client.ts';
import { inTurn } from '../../src/platform/in-turn.ts';
import { testDatabase } from '../helpers.ts';
import { TEST_CONNECT_OPTIONS } from '../support/connect-options.ts';

const base = await testDatabase('bare');

/** The named statements of the one connection of a one-connection pool. */
async function preparedOn(pool: import('pg').Pool): Promise<string[]> {
  const r = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
  return r.rows.map((x) => x.name);
}

describe('named statements', () => {
  it('are prepared once on a connection and reused, one name per text', async () => {
    const one = connect(base.url, 'external', 1, TEST_CONNECT_OPTIONS);
    try {
      const a = await executeNamed<{ n: number }>(one.db, 'test.add', sql`SELECT ${2}::int + ${3}::int AS n`);
      const b = await executeNamed<{ n: number }>(one.db, 'test.add', sql`SELECT ${5}::int + ${3}::int AS n`);
      expect([a.rows[0]!.n, b.rows[0]!.n]).toEqual([5, 8]);
      const other = await executeNamed<{ n: number }>(one.db, 'test.add', sql`SELECT ${5}::int * ${3}::int AS n`);
      expect(other.rows[0]!.n).toBe(15);
      const names = await preparedOn(one.pool);
      expect(names).toHaveLength(2);
      expect(names.every((n) => /^test\.add\.[0-9a-f]{12}$/.test(n))).toBe(true);
    } finally {
      await one.close();
    }
  });

  it('are not used on a transaction, nor when turned off', async () => {
    const one = connect(base.url, 'external', 1, TEST_CONNECT_OPTIONS);
    const off = connect(base.url, 'external', 1, { ...TEST_CONNECT_OPTIONS, namedStatements: false });
    try {
      const inTx = await one.db.transaction((tx) => executeNamed<{ n: number }>(tx, 'test.tx', sql`SELECT ${7}::int AS n`));
      expect(inTx.rows[0]!.n).toBe(7);
      expect(await preparedOn(one.pool)).toEqual([]);
      const plain = await executeNamed<{ n: number }>(off.db, 'test.off', sql`SELECT ${9}::int AS n`);
      expect(plain.rows[0]!.n).toBe(9);
      expect(await preparedOn(off.pool)).toEqual([]);
    } finally {
      await one.close();
      await off.close();
    }
  });
});

describe('inTurn', () => {
  it('runs the work of one key one at a time in arrival order; a failure does not stop the next', async () => {
    const log: string[] = [];
    let running = 0;
    const step =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setImmediate(r));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([inTurn('k', step('a')), inTurn('k', step('b', true)), inTurn('k', step('c'))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different keys run side by side', async () => {
    let both = false;
    let releaseA!: () => void;
    const a = inTurn('x', () => new Promise<void>((r) => (releaseA = r)));
    // b on another key starts while a still waits.
    await inTurn('y', async () => {
      both = true;
    });
    releaseA();
    await a;
    expect(both).toBe(true);
  });
});
