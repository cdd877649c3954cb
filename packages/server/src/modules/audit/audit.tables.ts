import { bigint, bigserial, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  /** Position of the chain's latest signed checkpoint (0: none yet). */
  checkpointSeq: bigint('checkpoint_seq', { mode: 'number' }).notNull().default(0),
});

/** Signed checkpoints of the chains (platform/audit-checkpoints.ts); the private key is never here. */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    rowHash: text('row_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    keyFingerprint: text('key_fingerprint').notNull(),
    publicKey: text('public_key').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [unique().on(t.chain, t.seq)],
);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  chain: text('chain').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorUsername: text('actor_username'),
  actorRole: text('actor_role'),
  orgId: uuid('org_id'),
  ip: text('ip'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
export type AuditRow = typeof auditLog.$inferSelect;

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
