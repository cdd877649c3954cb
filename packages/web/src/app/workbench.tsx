/**
 * Cards on the workbench (工作台): each module adds one line with a lazy card that shows the
 * user's to-dos in that module (e.g. 待我签发 3 件). Shown to roles that have `action`.
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
