/** SQL of 退回, 取回 and 加签: the steps kept, and the person a reviewer adds. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documentFlowSteps, type FlowStepRow } from './flow.tables.ts';

export const flowRepository = {
  async insert(tx: DbOrTx, values: typeof documentFlowSteps.$inferInsert): Promise<FlowStepRow> {
    const [row] = await tx.insert(documentFlowSteps).values(values).returning();
    return row!;
  },
  async list(db: DbOrTx, documentId: string): Promise<FlowStepRow[]> {
    return db
      .select()
      .from(documentFlowSteps)
      .where(eq(documentFlowSteps.documentId, documentId))
      .orderBy(asc(documentFlowSteps.createdAt), asc(documentFlowSteps.id));
  },
  /** An active account of the org (the person a reviewer may add), or undefined. */
  async activeUserOf(db: DbOrTx, orgId: string, userId: string) {
    const [row] = await db
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.orgId, orgId), isNull(users.disabledAt)));
    return row;
  },
};
