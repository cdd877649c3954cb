/** `township-office serve`: open the database, migrate, seed the demo county on first start, listen. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config.ts';
import { migrateDatabase, openDatabase } from './db/open.ts';
import { takeOverStopSignals } from './db/embedded.ts';
import { buildApp } from './app.ts';
import { databaseIsEmpty, seedDemo } from './seed/index.ts';
import { DEMO_PASSWORD, isDemoSeeded } from './seed/demo-county.ts';
import { progressBar } from './platform/progress.ts';
import { startCheckpointTimer } from './platform/audit-checkpoints.ts';
import { keysDirOf, openKeyStore, setActiveKeyStore } from './platform/keys.ts';
import { sealPlaintextTotpSecrets, unreadableTotpSecrets } from './modules/accounts/totp-secrets.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function serve(opts: { demo: boolean; config?: Partial<Config> }): Promise<void> {
  const t0 = Date.now();
  const config = loadConfig({ webDist: WEB_DIST, ...opts.config });
  const log = (m: string) => console.log(`[township-office] ${m}`);
  const opened = await openDatabase(config, log, { role: 'serve' });
  const { database } = opened;
  await migrateDatabase(config, database, log);
  if (opts.demo && (await databaseIsEmpty(database.db))) {
    // The key store first: the demo's documents dispatched online are signed like any others.
    setActiveKeyStore(openKeyStore(keysDirOf(config), log));
    const bar = progressBar('seeding the demo county');
    const report = await seedDemo(database.db, { onProgress: (d, t, l) => bar.update(d, t, l), indexSearch: false });
    bar.stop();
    log(`demo county seeded: ${report.orgs} orgs, ${report.users} accounts${report.steps.length ? `, ${report.steps.join(', ')}` : ''}`);
    log('the search job indexes the demo records in the background (a search finds them within a minute)');
  }
  const app = await buildApp({ config, database, logger: true });
  const sealed = await sealPlaintextTotpSecrets(database.db);
  if (sealed) log(`sealed ${sealed} TOTP secret(s) stored before encryption at rest`);
  const unreadable = await unreadableTotpSecrets(database.db);
  if (unreadable.length)
    log(
      `WARNING: ${unreadable.length} account(s) have an authenticator sealed under another data key (${unreadable.slice(0, 10).join(', ')}${unreadable.length > 10 ? ', …' : ''}): restore the original ${keysDirOf(config)}/data.key, or reset their authenticators (system administrator: 账户 › 重置身份验证器, POST /api/users/{id}/totp/reset)`,
    );
  // The stop signals are ours before the port opens: a supervisor (or the start bench) that sends
  // SIGTERM as soon as /api/health answers used to reach async-exit-hook's handler instead, during
  // the query below, and the process stayed up with its PostgreSQL.
  let stopCheckpoints = () => {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stopCheckpoints();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  takeOverStopSignals();
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopCheckpoints = startCheckpointTimer(database.db, config.auditCheckpointMinutes, log);
  // The port actually bound (PORT=0 lets the system choose one, as tests do).
  const bound = app.server.address();
  const port = bound && typeof bound === 'object' ? bound.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  if (await isDemoSeeded(database.db)) {
    // The demo province's two accounts exist only when it was seeded (DEMO_PROVINCE=1).
    const province = (await database.pool.query(`SELECT 1 FROM orgs WHERE kind = 'province' LIMIT 1`)).rowCount
      ? ', province.admin, province.viewer'
      : '';
    log(
      `demo accounts (password ${DEMO_PASSWORD}): county.admin, county.clerk, county.leader, county.head, town01.clerk … town18.clerk, town01.leader … town18.leader, town01.head … town18.head, finance.leader, sysadmin, secadmin, auditor${province}`,
    );
  }
  log(`ready in ${Date.now() - t0} ms at ${url} (database: ${database.kind})`);
}
