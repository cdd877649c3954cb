/**
 * Extra cards on the workbench (工作台). The to-dos themselves come from one server query
 * (GET /api/workbench, fed by each server module's `<module>.todos.ts` provider) and are shown by
 * features/workbench; a card here is for something that is not a to-do (a chart, a shortcut).
 * Shown to roles that have `action`.
 */
import type { ComponentType } from 'react';
import type { Action } from '@township-office/domain/permissions';

export interface WorkbenchCard {
  key: string;
  action: Action;
  /** Usually lazy(() => import('../features/<m>/components/XTodoCard.tsx')). */
  Component: ComponentType;
}

export const WORKBENCH_CARDS: WorkbenchCard[] = [];
