/** The workbench (工作台): GET /api/workbench, GET /api/workbench/done, and the two batch actions. */
import {
  batchAcknowledgeSchema,
  batchReadSchema,
  batchResultSchema,
  doneListSchema,
  workbenchSchema,
} from '@township-office/domain/workbench.api';
import type { RouteModule } from '../../platform/app-types.ts';
import { acknowledgeDeliveries, doneList, markCirculationsRead, workbench } from './workbench.service.ts';

export const workbenchRoutes: RouteModule = (app, { db }) => {
  const tags = ['workbench'];
  app.get(
    '/api/workbench',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: 'everything the signed-in user must act on, most urgent first', response: { 200: workbenchSchema } },
    },
    async (req) => ({ items: await workbench(db, req.ctx) }),
  );
  app.get(
    '/api/workbench/done',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: '已办: what the signed-in user did recently', response: { 200: doneListSchema } },
    },
    async (req) => ({ items: await doneList(db, req.ctx) }),
  );
  app.post(
    '/api/workbench/acknowledge',
    {
      config: { action: 'documents.receive' },
      schema: { tags, summary: '签收 several deliveries', body: batchAcknowledgeSchema, response: { 200: batchResultSchema } },
    },
    async (req) => acknowledgeDeliveries(db, req.ctx, req.body.deliveryIds),
  );
  app.post(
    '/api/workbench/read',
    {
      config: { action: 'business.read' },
      schema: { tags, summary: '阅知 several circulations', body: batchReadSchema, response: { 200: batchResultSchema } },
    },
    async (req) => markCirculationsRead(db, req.ctx, req.body.incomingIds),
  );
};
