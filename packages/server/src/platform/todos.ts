/**
 * The one small interface through which a module contributes to the workbench (工作台): given the
 * signed-in actor, the records the actor must act on now. A provider scopes in SQL exactly as the
 * module's own lists do (own org; county-wide only for the county office's roles) and returns at
 * most `TODO_LIMIT` rows per kind, the most urgent first (or every row when asked with `null`: the
 * reminder engine, which must see every deadline, not the first 200 of a busy office). The workbench module gathers every
 * provider, computes the groups and never reads a module's tables itself, so a new module adds its
 * to-dos by writing `<module>.todos.ts` and one line in `modules/workbench/workbench.providers.ts`.
 */
import type { TodoKind, TodoModule } from '@township-office/domain/workbench';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from './context.ts';

export const TODO_LIMIT = 200;

/** Rows per kind a provider returns: a number, or `null` for all of them (SQL's `LIMIT NULL`). */
export type TodoLimit = number | null;

export interface Todo {
  kind: TodoKind;
  title: string;
  subject: string | null;
  recordId: string;
  href: string;
  /** The deadline as an instant (a day's deadline ends at 23:59:59 China time: `endOfChinaDay`), or null. */
  dueAt: Date | null;
  /** 委托: the leader for whom the actor takes this step (a delegation in force today); absent or null in one's own right. */
  onBehalfOf?: string | null;
}

/** What a done action (an audit row) was about, for the 已办 list: the record's title and page. */
export interface DoneRef {
  title: string;
  href: string;
}

export interface TodoProvider {
  module: TodoModule;
  todos(db: DbOrTx, actor: Actor, now: Date, limit?: TodoLimit): Promise<Todo[]>;
  /** The audit entities this module writes whose records it can name (e.g. `document`, `delivery`). */
  entities?: readonly string[];
  /** Title and page of the actor's readable records among `ids` of `entity`; records the actor may no longer read are left out. */
  describe?(db: DbOrTx, actor: Actor, entity: string, ids: string[]): Promise<Map<string, DoneRef>>;
}
