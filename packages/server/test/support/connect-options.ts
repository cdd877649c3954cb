import type { ConnectOptions } from '../../src/db/client.ts';

/**
 * The test pools' timeouts (server tests, their templates, the browser tests' server): hang guards
 * sized for a loaded two-core CI machine, measuring nothing. A fresh-clone CI run at load ~13 once
 * took more than the product's 5 s to open a connection to a database just cloned from its template.
 */
export const TEST_CONNECT_OPTIONS: ConnectOptions = { connectTimeoutMillis: 60_000, connectionTimeoutMillis: 90_000 };
