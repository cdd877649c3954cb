import { CommonErrors } from '@township-office/domain/errors';
import { roleMay } from '@township-office/domain/permissions';
import { seesAllTownships } from '@township-office/domain/roles';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, firstDenial, type Decision } from '../../platform/policy.ts';

/**
 * County roles correct any township's environment record; a township user keeps only its own.
 * Another township's record answers like one that does not exist.
 */
const editTownship = (actor: Actor, r: { orgId: string }): Decision =>
  firstDenial(
    () => allowIf(roleMay(actor.role, 'environment.edit'), CommonErrors.FORBIDDEN_ROLE),
    () => allowIf(seesAllTownships(actor.role) || actor.orgId === r.orgId, CommonErrors.NOT_FOUND),
  );

/** A township's rooms, equipment, expenses, rules and posts: one edit rule for each kind of record. */
export const townshipRecordPolicy = definePolicy<{ orgId: string }>()({ edit: editTownship });
