import { sql, type SQL } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] as ONE bound parameter (drizzle would spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error('not a uuid');
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
