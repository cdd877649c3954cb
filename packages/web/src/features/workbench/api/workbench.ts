/** The workbench (工作台) over /api/workbench: my to-dos, 已办, and the batch 签收 / 阅知. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { batchAcknowledgeSchema, batchReadSchema, BatchResult, DoneItem, TodoItem } from '@township-office/domain/workbench.api';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { BatchResult, DoneItem, TodoItem };

export const workbenchKeys = {
  todos: keys.list('workbench', 'todos'),
  done: keys.list('workbench', 'done'),
};

export function useTodos() {
  return useQuery({
    queryKey: workbenchKeys.todos,
    queryFn: () => api.get<{ items: TodoItem[] }>('/api/workbench'),
    select: (d) => d.items,
  });
}

export function useDone() {
  return useQuery({
    queryKey: workbenchKeys.done,
    queryFn: () => api.get<{ items: DoneItem[] }>('/api/workbench/done'),
    select: (d) => d.items,
  });
}

// A batch changes the inbox and the incoming register too: refresh their caches with the workbench's.
const touched = { alsoInvalidate: [keys.feature('documents')] };

export const useBatchAcknowledge = () =>
  useInvalidatingMutation(
    'workbench',
    (b: z.infer<typeof batchAcknowledgeSchema>) => api.post<BatchResult>('/api/workbench/acknowledge', b),
    touched,
  );

export const useBatchRead = () =>
  useInvalidatingMutation('workbench', (b: z.infer<typeof batchReadSchema>) => api.post<BatchResult>('/api/workbench/read', b), touched);
