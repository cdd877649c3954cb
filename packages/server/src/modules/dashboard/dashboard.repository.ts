/**
 * The dashboard's own query: the townships it ranks (orgs, which every repository may read). Every
 * figure comes from the owning module's metrics (personnel/training/environment.metrics.ts here in
 * the service, the other modules through dashboard.sources), never from another module's tables.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Rows<T> = Promise<T[]>;
const rows = async <T>(p: Promise<{ rows: unknown[] }>): Rows<T> => (await p).rows as T[];

export const dashboardRepository = {
  townships: (db: DbOrTx, orgIds: string[] | null) =>
    rows<{ id: string; code: string; name: string }>(
      db.execute(sql`SELECT id, code, name FROM orgs WHERE kind = 'township' AND disabled_at IS NULL
        ${
          orgIds
            ? sql`AND id IN (${sql.join(
                orgIds.map((x) => sql`${x}::uuid`),
                sql`, `,
              )})`
            : sql``
        } ORDER BY sort_order, name`),
    ),
};
