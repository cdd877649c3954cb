/** A second (and third) server process for the reminder engine's concurrency test: one sweep against the given database, its count on stdout. */
import { connect } from '../../src/db/client.ts';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';

const [url, now] = process.argv.slice(2);
const database = connect(url!, 'external', 2);
try {
  process.stdout.write(`${await runReminderSweep(database.db, new Date(now!))}\n`);
} finally {
  await database.close();
}
