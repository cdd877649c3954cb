import { CommonErrors } from '@township-office/domain/errors';
import { roleMay } from '@township-office/domain/permissions';
import { TrainingErrors } from '@township-office/domain/training.errors';
import { canReadOrg } from '../../platform/access.ts';
import { seesAllTownships } from '@township-office/domain/roles';
import type { Actor } from '../../platform/context.ts';
import { allowIf, definePolicy, firstDenial } from '../../platform/policy.ts';
import type { RotationRow } from './training.tables.ts';

/** A confirmed rotation is completed (topics learned, evaluation) by the county's training managers. */
export const rotationPolicy = definePolicy<RotationRow>()({
  complete: (actor, r) =>
    firstDenial(
      () => allowIf(roleMay(actor.role, 'training.manage'), CommonErrors.FORBIDDEN_ROLE),
      () => allowIf(r.state === 'confirmed', TrainingErrors.ROTATION_NOT_CONFIRMED),
    ),
});

/**
 * Who may be recorded as attending a session the actor records: the county office trains anyone it
 * reads; a township records its own office's training, so only its own people (anyone else answers
 * like a person who does not exist).
 */
export function mayRecordAttendee(actor: Actor, attendeeOrgId: string): boolean {
  return seesAllTownships(actor.role) ? canReadOrg(actor, attendeeOrgId) : attendeeOrgId === actor.orgId;
}
