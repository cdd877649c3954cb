/** The `township-office` command. */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { THREE_OFFICER_ROLES, type Role } from '@township-office/domain/roles';
import { loadConfig } from './config.ts';
import { migrateDatabase, openDatabase, type OpenedDatabase } from './db/open.ts';
import { backupDatabase, restoreDatabase } from './platform/backup.ts';
import { AppError } from './platform/errors.ts';
import { fileStorageFor } from './platform/files.ts';
import { messageFor } from './platform/i18n.ts';
import { verifyAudit } from './platform/audit.ts';
import { keysDirOf, openKeyStore, type KeyStore } from './platform/keys.ts';
import { systemContext } from './platform/context.ts';
import { progressBar } from './platform/progress.ts';
import { orgsRepository } from './modules/orgs/orgs.repository.ts';
import { insertAccount } from './modules/accounts/users.service.ts';
import { seedDemo } from './seed/index.ts';
import { serve } from './server.ts';

const log = (m: string) => console.log(`[township-office] ${m}`);

async function withDatabase<T>(fn: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openDatabase(config, log);
  try {
    await migrateDatabase(config, opened.database, log);
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

export function buildCli(): Command {
  const program = new Command('township-office').description('乡镇办公室规范化工作平台 — township office platform');

  program
    .command('serve', { isDefault: true })
    .description('run the server (seeds the demo county into an empty database unless --no-demo)')
    .option('--no-demo', 'do not seed the demo county on first start')
    .action(async (o: { demo: boolean }) => serve({ demo: o.demo }));

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() => withDatabase(async () => log('database is up to date')));

  program
    .command('seed')
    .argument('<what>', 'only "demo"')
    .description('seed the demo county into an empty database')
    .action((what: string) =>
      withDatabase(async ({ database }) => {
        if (what !== 'demo') throw new Error('only "seed demo" exists');
        const bar = progressBar('seeding the demo county');
        const report = await seedDemo(database.db, { onProgress: (d, t, l) => bar.update(d, t, l) });
        bar.stop();
        log(`seeded ${report.orgs} orgs and ${report.users} accounts`);
      }),
    );

  program
    .command('create-admin')
    .description('create one of the three administrator accounts (三员), one role per account')
    .requiredOption('--username <name>')
    .requiredOption('--role <role>', THREE_OFFICER_ROLES.join(' | '))
    .option('--display-name <name>')
    .option('--password-env <var>', 'read the password from this environment variable', 'ADMIN_PASSWORD')
    .action((o: { username: string; role: string; displayName?: string; passwordEnv: string }) =>
      withDatabase(async ({ database }) => {
        if (!(THREE_OFFICER_ROLES as readonly string[]).includes(o.role))
          throw new Error(`--role must be one of ${THREE_OFFICER_ROLES.join(', ')}`);
        const password = process.env[o.passwordEnv];
        if (!password) throw new Error(`set the password in the environment variable ${o.passwordEnv}`);
        const office = (await orgsRepository.byCode(database.db, 'XWB')) ?? (await orgsRepository.root(database.db));
        if (!office) throw new Error('there is no org yet: seed the county first');
        const actor = {
          userId: '00000000-0000-0000-0000-000000000000',
          username: 'system:cli',
          displayName: 'CLI',
          role: 'system_admin' as Role,
          orgId: office.id,
        };
        const user = await insertAccount(database.db, systemContext(actor, 'cli'), {
          username: o.username,
          displayName: o.displayName ?? o.username,
          role: o.role as Role,
          orgId: office.id,
          password,
          mustChangePassword: true,
        });
        log(`created ${user.username} (${user.role}); the password must be changed at first sign-in`);
      }),
    );

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('walk the SM3 hash chains, check the SM2-signed checkpoints against the key store, and name the first broken row')
    .action(() =>
      withDatabase(async ({ database }) => {
        const dir = keysDirOf(loadConfig());
        let keys: KeyStore | null = null;
        try {
          keys = openKeyStore(dir, log, { create: false });
        } catch (err) {
          console.error(`township-office: ${(err as Error).message}: the checkpoint signatures cannot be checked`);
        }
        const bar = progressBar('verifying the audit chain');
        const result = await verifyAudit(database.db, (d, t) => bar.update(d, t), keys);
        bar.stop();
        if (!result.ok) {
          const b = result.firstBroken!;
          console.error(`audit chain BROKEN at row id ${b.id} (chain ${b.chain}, position ${b.seq}): ${b.reason}`);
          process.exitCode = 2;
        } else if (!keys) {
          console.error(
            `audit chain links hold (${result.rowsChecked} rows in ${result.chains} chains) but the signatures were NOT checked: a recomputed chain would pass`,
          );
          process.exitCode = 3;
        } else {
          log(
            `audit chain intact: ${result.rowsChecked} rows in ${result.chains} chains, ${result.checkpointsChecked} signed checkpoints verified (key ${keys.fingerprint.slice(0, 16)}…), ${result.unsignedRows} rows after the latest checkpoints`,
          );
        }
      }),
    );

  program
    .command('backup')
    .argument('<file>', 'the backup file to write')
    .description(
      'write a consistent snapshot of the whole database and the file store (gzip with a SHA-256 trailer, restorable with "restore")',
    )
    .action((file: string) =>
      withDatabase(async ({ database }) => {
        const bar = progressBar('backup');
        const r = await backupDatabase(database.pool, fileStorageFor(loadConfig()), path.resolve(file), (d, t, l) => bar.update(d, t, l));
        bar.stop();
        log(`backup of ${r.tables} tables and ${r.files} stored files written to ${path.resolve(file)} (${r.bytes} bytes)`);
      }),
    );

  program
    .command('restore')
    .argument('<file>', 'a file written by "township-office backup"')
    .description(
      'replace the whole database and restore the stored files from a backup; the file is checked whole first, the running servers keep serving',
    )
    .action((file: string) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      return withDatabase(async ({ database }) => {
        const bar = progressBar('restore');
        const r = await restoreDatabase(database.pool, fileStorageFor(loadConfig()), path.resolve(file), {
          onProgress: (d, t, l) => bar.update(d, t, l),
        });
        bar.stop();
        log(`restored ${r.tables} tables and ${r.files} stored files from ${path.resolve(file)}`);
      });
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    // A catalogued error is the operator's to act on: both languages, no stack.
    const message =
      err instanceof AppError
        ? `${messageFor(err.def, 'zh-CN', err.params)} / ${messageFor(err.def, 'en', err.params)}`
        : (err as Error).message;
    console.error(`township-office: ${message}`);
    process.exit(1);
  }
}
