import { CommonErrors } from '@township-office/domain/errors';
import { roleMay } from '@township-office/domain/permissions';
import { TrainingErrors } from '@township-office/domain/training.errors';
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
