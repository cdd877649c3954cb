/** Every module's workbench provider, one line each: a new module adds its to-dos here and nowhere else. */
import type { TodoProvider } from '../../platform/todos.ts';
import { documentsTodos, outgoingTodos } from '../documents/documents.todos.ts';
import { meetingsTodos } from '../meetings/meetings.todos.ts';
import { receptionTodos } from '../reception/reception.todos.ts';
import { dutyTodos } from '../duty/duty.todos.ts';
import { personnelTodos } from '../personnel/personnel.todos.ts';
import { informationTodos } from '../information/information.todos.ts';
import { archivesTodos } from '../archives/archives.todos.ts';
import { assessmentTodos } from '../assessment/assessment.todos.ts';

export const TODO_PROVIDERS: readonly TodoProvider[] = [
  documentsTodos,
  outgoingTodos,
  meetingsTodos,
  receptionTodos,
  dutyTodos,
  personnelTodos,
  informationTodos,
  archivesTodos,
  assessmentTodos,
];
