/**
 * mapPgError against real PostgreSQL errors (issue 9: constraint violations become the catalogued
 * 409 in one place). The errors come from a real server, raised through the pool and through
 * Drizzle (which wraps the driver's error in its own), so the test fails if either path stops
 * carrying the SQLSTATE and the constraint name.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PersonnelErrors } from '@township-office/domain/personnel.errors';
import { AppError, mapPgError, withPgErrors } from '../src/platform/errors.ts';
import { testDatabase } from './helpers.ts';

const database = await testDatabase('bare');

beforeAll(async () => {
  await database.pool.query(`CREATE TABLE map_probe (
    id int PRIMARY KEY,
    org text NOT NULL,
    current boolean NOT NULL,
    n int NOT NULL CONSTRAINT map_probe_n_ck CHECK (n >= 0)
  )`);
  await database.pool.query('CREATE UNIQUE INDEX map_probe_current_uq ON map_probe (org) WHERE current');
  await database.pool.query(`INSERT INTO map_probe VALUES (1, 'town01', true, 1)`);
});

const map = { map_probe_current_uq: PersonnelErrors.LEADER_CHANGED };

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the operation to fail');
}

describe('mapPgError', () => {
  it('turns a unique violation raised through the pool into its catalogued 409', async () => {
    const err = await caught(() => withPgErrors(map, () => database.pool.query(`INSERT INTO map_probe VALUES (2, 'town01', true, 1)`)));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).def).toBe(PersonnelErrors.LEADER_CHANGED);
    expect((err as AppError).def.status).toBe(409);
  });

  it('finds the constraint inside the error Drizzle wraps around the driver', async () => {
    const err = await caught(() =>
      database.db.transaction(async (tx) => {
        try {
          await tx.execute(sql`INSERT INTO map_probe VALUES (3, 'town01', true, 1)`);
        } catch (e) {
          mapPgError(e, map);
        }
      }),
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).def).toBe(PersonnelErrors.LEADER_CHANGED);
  });

  it('rethrows a violation of a constraint the map does not name, unchanged', async () => {
    const err = await caught(() => withPgErrors(map, () => database.pool.query(`INSERT INTO map_probe VALUES (1, 'town02', false, 1)`)));
    expect(err).not.toBeInstanceOf(AppError);
    expect((err as { code?: string }).code).toBe('23505');
    expect((err as { constraint?: string }).constraint).toBe('map_probe_pkey');
  });

  it('rethrows an error that is not a constraint violation even when a constraint is named', async () => {
    const err = await caught(() =>
      withPgErrors({ map_probe_n_ck: PersonnelErrors.LEADER_CHANGED }, () => database.pool.query(`SELECT 1/0`)),
    );
    expect(err).not.toBeInstanceOf(AppError);
    expect((err as { code?: string }).code).toBe('22012');
  });

  it('maps a check violation it names', async () => {
    const err = await caught(() =>
      withPgErrors({ map_probe_n_ck: PersonnelErrors.LEADER_CHANGED }, () =>
        database.pool.query(`INSERT INTO map_probe VALUES (4, 'town03', false, -1)`),
      ),
    );
    expect(err).toBeInstanceOf(AppError);
  });

  it('leaves the rows as they were', async () => {
    const { rows } = await database.pool.query('SELECT id FROM map_probe ORDER BY id');
    expect(rows).toEqual([{ id: 1 }]);
  });
});
