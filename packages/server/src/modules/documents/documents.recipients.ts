/**
 * 主送 / 抄送 with recipient groups (issue 13). A document keeps every recipient org in
 * main/copy_recipient_org_ids (what dispatch, the direction and the 请示 rule read) and the groups it
 * was addressed to, frozen, in main/copy_recipient_groups (what is printed: the group's name).
 */
import { expandRecipients, printedRecipients, type RecipientGroupSnapshot } from '@township-office/domain/orgs';
import { RecipientGroupErrors } from '@township-office/domain/orgs.errors';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { groupsForDocument } from '../orgs/recipient-groups.service.ts';
import type { DocumentRow } from './documents.tables.ts';

export interface RecipientsInput {
  mainRecipientOrgIds?: string[] | undefined;
  copyRecipientOrgIds?: string[] | undefined;
  mainRecipientGroupIds?: string[] | undefined;
  copyRecipientGroupIds?: string[] | undefined;
}

export interface Recipients {
  /** The orgs named one by one (what the checks of a single recipient apply to). */
  mainSingles: string[];
  copySingles: string[];
  /** Every recipient org, once: a 主送 org is not also 抄送. */
  mainRecipientOrgIds: string[];
  copyRecipientOrgIds: string[];
  mainRecipientGroups: RecipientGroupSnapshot[];
  copyRecipientGroups: RecipientGroupSnapshot[];
}

type Addressed = Pick<DocumentRow, 'mainRecipientOrgIds' | 'copyRecipientOrgIds' | 'mainRecipientGroups' | 'copyRecipientGroups'>;

/** The orgs named one by one: those not reached through one of the groups. */
export function singlesOf(orgIds: readonly string[], groups: readonly RecipientGroupSnapshot[]): string[] {
  const via = new Set(groups.flatMap((g) => g.memberOrgIds));
  return orgIds.filter((id) => !via.has(id));
}

/**
 * The recipients of a save: what the input names, the rest as the document has it (`before`, on an
 * edit). Groups named are frozen now, as they stand; groups not named again keep their frozen copy.
 */
export async function resolveRecipients(db: DbOrTx, actor: Actor, input: RecipientsInput, before?: Addressed): Promise<Recipients> {
  const mainGroups = input.mainRecipientGroupIds
    ? await groupsForDocument(db, actor, input.mainRecipientGroupIds)
    : (before?.mainRecipientGroups ?? []);
  const copyGroups = input.copyRecipientGroupIds
    ? await groupsForDocument(db, actor, input.copyRecipientGroupIds)
    : (before?.copyRecipientGroups ?? []);
  const mainSingles = input.mainRecipientOrgIds ?? (before ? singlesOf(before.mainRecipientOrgIds, before.mainRecipientGroups) : []);
  const copySingles = input.copyRecipientOrgIds ?? (before ? singlesOf(before.copyRecipientOrgIds, before.copyRecipientGroups) : []);
  const main = expandRecipients(mainSingles, mainGroups, actor.orgId);
  if (main.length === 0) throw new AppError(RecipientGroupErrors.MAIN_RECIPIENT_REQUIRED);
  const inMain = new Set(main);
  const copy = expandRecipients(copySingles, copyGroups, actor.orgId).filter((id) => !inMain.has(id));
  return {
    mainSingles,
    copySingles,
    mainRecipientOrgIds: main,
    copyRecipientOrgIds: copy,
    mainRecipientGroups: mainGroups,
    copyRecipientGroups: copyGroups,
  };
}

/** Whether a save changed whom the document goes to, or how its 主送 / 抄送 read. */
export function recipientsChanged(before: Addressed, after: Recipients): boolean {
  const key = (d: Addressed) =>
    JSON.stringify([d.mainRecipientOrgIds, d.copyRecipientOrgIds, d.mainRecipientGroups, d.copyRecipientGroups]);
  return key(before) !== key(after);
}

/** 主送 and 抄送 as printed (GB/T 9704-2012 7.3.2, 7.4.2): group names, then the orgs named one by one. */
export function printedRecipientsOf(doc: Addressed, names: Map<string, string>): { main: string[]; copy: string[] } {
  const nameOf = (id: string) => names.get(id) ?? '';
  return {
    main: printedRecipients(doc.mainRecipientOrgIds, doc.mainRecipientGroups, nameOf),
    copy: printedRecipients(doc.copyRecipientOrgIds, doc.copyRecipientGroups, nameOf),
  };
}
