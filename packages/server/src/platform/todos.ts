/**
 * The one small interface through which a module contributes to the workbench (工作台): given the
 * signed-in actor, the records the actor must act on now. A provider scopes in SQL exactly as the
 * module's own lists do (own org; county-wide only for the county office's roles) and returns at
 * most `TODO_LIMIT` rows per kind, the most urgent first (or every row when asked with `null`: the
 * reminder engine, which must see every deadline, not the first 200 of a busy office). The workbench module gathers every
 * provider, computes the groups and never reads a module's tables itself, so a new module adds its
 * to-dos by writing `<module>.todos.ts` and one line in `modules/workbench/workbench.providers.ts`.
 */
import type { SQL } from 'drizzle-orm';
import type { Action } from '@township-office/domain/permissions';
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

/**
 * What the reminder engine gives a set-based provider (`everyone`): the sweep's instant and SQL
 * pieces, so the provider writes one query for every person at once instead of one per person.
 */
export interface SweepScope {
  now: Date;
  /** `now`'s China calendar day, YYYY-MM-DD. */
  today: string;
  /**
   * A derived table `(user_id, org_id, role, display_name)` of the sweep's people who may take `action`
   * in their own right, or (with `delegated`) also for a leader they act for today (委托), as `principalsHolding`.
   */
  people(action: Action, opts?: { delegated?: boolean }): SQL;
  /** Every person of the sweep, `(user_id, org_id, role, display_name)`. */
  everybody: SQL;
  /**
   * True for a deadline day (a `date` column) one of whose reminder points — `REMINDER_DAYS_BEFORE`
   * days before, the day, the moment it passes — falls after the last sweep and by `now`; true for
   * every day that calls for a reminder when there was no last sweep. Served by an index on the column.
   */
  dayDue(day: SQL): SQL;
  /**
   * The same for a deadline instant `at + plusHours` (a timestamptz column, e.g. a delivery's
   * `sent_at` and its 24 hours): the ranges are written on the column, so its index serves them.
   */
  instantDue(at: SQL, plusHours: number): SQL;
  /** True for a record created after the last sweep (always, when there was none): a new record whose reminder point passed before it existed. */
  createdSince(at: SQL): SQL;
  /**
   * True for a record written since the last sweep, as the audit trail has it: `id` is the record's
   * id and `entities` the audit entities whose rows name it (always true when there was no last sweep).
   */
  changedSince(entities: readonly string[], id: SQL): SQL;
  /** The instant a deadline day ends, 23:59:59.999 China time (`endOfChinaDay` in SQL). */
  endOfDay(day: SQL): SQL;
}

/**
 * A provider's to-dos of every person at once, for the reminder engine: queries whose rows are
 * `(user_id uuid, org_id uuid, role text, todo_kind text, record_id uuid, title text, subject text,
 * href text, due_at timestamptz, news boolean)`, the same to-dos `todos` gives each person; `news`
 * is true where the row is read because its record was created or written since the last sweep
 * (`createdSince`/`changedSince`), so its arrival may be news, and false where only a deadline
 * window brought it (it was there at the last sweep, its news already told). Rows of kinds that are
 * neither news (`NEWS_KINDS`) nor deadlines may be left out, and deadline rows may be limited to
 * `dayDue`/`createdSince`: the engine only needs what may be an event now.
 */
export interface EveryoneTodos {
  queries(scope: SweepScope): SQL[];
  /**
   * The rows are every to-do of every person, read whole each sweep (no window, `news` always true),
   * exactly what `todos` gives each person: their events are always checked against the keys stored,
   * as those of a provider read person by person are. For providers with few rows and no deadline
   * index to window on (发文 steps, duty, assessment): one query instead of one per person.
   */
  whole?: boolean;
}

export interface TodoProvider {
  module: TodoModule;
  todos(db: DbOrTx, actor: Actor, now: Date, limit?: TodoLimit): Promise<Todo[]>;
  /** Set-based to-dos for the reminder engine (optional: without it the engine calls `todos` for each person). */
  everyone?: EveryoneTodos;
  /** The audit entities this module writes whose records it can name (e.g. `document`, `delivery`). */
  entities?: readonly string[];
  /** Title and page of the actor's readable records among `ids` of `entity`; records the actor may no longer read are left out. */
  describe?(db: DbOrTx, actor: Actor, entity: string, ids: string[]): Promise<Map<string, DoneRef>>;
}
