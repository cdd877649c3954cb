/**
 * The rules of a filed item (件) and of a loan (借阅), written once: the services call `authorize(...)`
 * and the presenters send `allowedActions(...)`. Order of the checks: role → own organisation (404,
 * another org's record is not revealed) → the record's state.
 */
import { ArchiveErrors } from '@township-office/domain/archives.errors';
import { CommonErrors } from '@township-office/domain/errors';
import { roleMay } from '@township-office/domain/permissions';
import type { Actor } from '../../platform/context.ts';
import type { ARCHIVE_ITEM_ACTIONS, ARCHIVE_LOAN_ACTIONS } from '@township-office/domain/archives.api';
import { allow, allowIf, definePolicy, deny, firstDenial, type Decision } from '../../platform/policy.ts';
import type { ArchiveItemRow, ArchiveLoanRow } from './archives.tables.ts';

const manage = (actor: Actor, orgId: string): Decision =>
  firstDenial(
    () => allowIf(roleMay(actor.role, 'archives.manage'), CommonErrors.FORBIDDEN_ROLE),
    () => allowIf(actor.orgId === orgId, CommonErrors.NOT_FOUND),
  );

/** An item with what the rules read beyond its row: the open loan, if any. */
export type ItemForPolicy = Pick<ArchiveItemRow, 'orgId'> & { onLoan: { borrower: string } | null };

export const archiveItemPolicy = definePolicy<ItemForPolicy>()({
  annotate: (actor, item) => manage(actor, item.orgId),
  lend: (actor, item) =>
    firstDenial(
      () => manage(actor, item.orgId),
      () => (item.onLoan ? deny(ArchiveErrors.ARCHIVE_ITEM_ON_LOAN, { borrower: item.onLoan.borrower }) : allow),
    ),
  // Filed items never change: the clerk adds an annotation instead.
  edit: (actor) =>
    firstDenial(
      () => allowIf(roleMay(actor.role, 'archives.manage'), CommonErrors.FORBIDDEN_ROLE),
      () => deny(ArchiveErrors.ARCHIVE_IMMUTABLE),
    ),
});
export type ArchiveItemAction = (typeof archiveItemPolicy.actions)[number];

export const archiveLoanPolicy = definePolicy<Pick<ArchiveLoanRow, 'orgId' | 'returnedAt'>>()({
  return: (actor, loan) =>
    firstDenial(
      () => manage(actor, loan.orgId),
      () => allowIf(!loan.returnedAt, ArchiveErrors.ARCHIVE_LOAN_RETURNED),
    ),
});
export type ArchiveLoanAction = (typeof archiveLoanPolicy.actions)[number];

// The action names the API publishes (domain/archives.api.ts) are exactly the policies' own.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ITEM_ACTIONS_PUBLISHED: Same<ArchiveItemAction, (typeof ARCHIVE_ITEM_ACTIONS)[number]> = true;
export const LOAN_ACTIONS_PUBLISHED: Same<ArchiveLoanAction, (typeof ARCHIVE_LOAN_ACTIONS)[number]> = true;
