// The Drizzle schema index: every module's tables, one line each.
export * from '../modules/orgs/orgs.tables.ts';
export * from '../modules/accounts/accounts.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/documents/documents.tables.ts';
export * from '../modules/documents/revisions.tables.ts';
export * from '../modules/documents/signatures.tables.ts';
export * from '../modules/personnel/personnel.tables.ts';
export * from '../modules/training/training.tables.ts';
export * from '../modules/environment/environment.tables.ts';
export * from '../modules/meetings/meetings.tables.ts';
export * from '../modules/information/information.tables.ts';
export * from '../modules/duty/duty.tables.ts';
export * from '../modules/reception/reception.tables.ts';
export * from '../modules/archives/archives.tables.ts';
export * from '../modules/assessment/assessment.tables.ts';
export * from '../modules/notifications/notifications.tables.ts';
export * from '../modules/search/search.tables.ts';
