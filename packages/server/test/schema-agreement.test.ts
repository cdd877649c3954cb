/**
 * The migrations are hand-written SQL and the Drizzle tables in each module's *.tables.ts describe
 * the same tables for typed queries (db/migrate.ts). This test holds the two together: every Drizzle
 * table and column exists in the migrated database with the same nullability and a matching type,
 * and every table the migrations create is described in Drizzle.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/db/schema.ts';
import { testDatabase } from './helpers.ts';

/** Drizzle's SQL type names as information_schema spells them. */
function normalise(sqlType: string): string {
  const t = sqlType.toLowerCase().replace(/\(.*\)/, '');
  const aliases: Record<string, string> = {
    'timestamp with time zone': 'timestamp with time zone',
    timestamp: 'timestamp without time zone',
    'timestamp without time zone': 'timestamp without time zone',
    varchar: 'character varying',
    'character varying': 'character varying',
    char: 'character',
    serial: 'integer',
    bigserial: 'bigint',
    smallserial: 'smallint',
    int: 'integer',
    int4: 'integer',
    int8: 'bigint',
    decimal: 'numeric',
    'double precision': 'double precision',
    float8: 'double precision',
    real: 'real',
    bool: 'boolean',
  };
  return aliases[t] ?? t;
}

const drizzleTables = Object.values(schema)
  .filter((v) => v instanceof PgTable)
  .map((t) => getTableConfig(t as PgTable));

describe('Drizzle tables and the SQL migrations', () => {
  it('agree on every table, column, type and nullability', async () => {
    const database = await testDatabase('bare');
    const { rows } = await database.pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
    }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public'`,
    );
    const sql = new Map<string, Map<string, (typeof rows)[number]>>();
    for (const r of rows) {
      if (!sql.has(r.table_name)) sql.set(r.table_name, new Map());
      sql.get(r.table_name)!.set(r.column_name, r);
    }

    // Guard against a vacuous pass: the schema index must actually yield the tables.
    expect(drizzleTables.length).toBeGreaterThan(40);
    expect(sql.size).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const table of drizzleTables) {
      const columns = sql.get(table.name);
      if (!columns) {
        problems.push(`${table.name}: in Drizzle, not in the migrations`);
        continue;
      }
      for (const col of table.columns) {
        const found = columns.get(col.name);
        if (!found) {
          problems.push(`${table.name}.${col.name}: in Drizzle, not in the migrations`);
          continue;
        }
        const drizzleType = normalise(col.getSQLType());
        const sqlType =
          found.data_type === 'ARRAY'
            ? `${normalise(found.udt_name.replace(/^_/, ''))}[]`
            : found.data_type === 'USER-DEFINED'
              ? found.udt_name
              : found.data_type;
        const drizzleArray = drizzleType.endsWith('[]') ? `${normalise(drizzleType.slice(0, -2))}[]` : drizzleType;
        if (drizzleArray !== sqlType) problems.push(`${table.name}.${col.name}: Drizzle ${col.getSQLType()}, SQL ${sqlType}`);
        // A column Drizzle thinks nullable but SQL forbids is harmless for reads and caught by the
        // database on writes; the other way round would let Drizzle type a NULL as never-null.
        if (col.notNull && found.is_nullable === 'YES' && !col.primary)
          problems.push(`${table.name}.${col.name}: NOT NULL in Drizzle, nullable in SQL`);
      }
    }
    const described = new Set(drizzleTables.map((t) => t.name));
    for (const name of sql.keys()) {
      if (name === 'schema_migrations') continue; // db/migrate.ts's own bookkeeping
      if (!described.has(name)) problems.push(`${name}: created by the migrations, not described in Drizzle`);
    }
    expect(problems).toEqual([]);
  });
});
