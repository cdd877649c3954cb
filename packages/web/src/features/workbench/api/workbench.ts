/** The workbench (工作台) over /api/workbench: my to-dos, 已办, and the batch 签收 / 阅知. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { batchAcknowledgeSchema, batchReadSchema, BatchResult, DoneItem, TodoItem } from '@township-office/domain/workbench.api';
import { api } from '../../../lib/api.ts';
import { keys, useInvalidatingMutation } from '../../../lib/query.ts';

export type { BatchResult, DoneItem, TodoItem };

export const workbenchKeys = {
  todos: keys.list('workbench', 'todos'),
  done: keys.list('workbench', 'done'),
};

const todos = () => api.get<{ items: TodoItem[] }>('/api/workbench');
const done = () => api.get<{ items: DoneItem[] }>('/api/workbench/done');

export function useTodos() {
  return useQuery({ queryKey: workbenchKeys.todos, queryFn: todos, select: (d) => d.items });
}

export function useDone() {
  return useQuery({ queryKey: workbenchKeys.done, queryFn: done, select: (d) => d.items });
}

/**
 * Asks for the workbench's two reads right after the sign-in, while the signed-in pages' code is
 * still loading, so the page finds them in the cache (or in flight) instead of asking once it has
 * rendered. Silent: should one fail, the page asks again and shows its own error.
 */
export function prefetchWorkbench(client: QueryClient): void {
  void client.prefetchQuery({ queryKey: workbenchKeys.todos, queryFn: todos, meta: { silentError: true } });
  void client.prefetchQuery({ queryKey: workbenchKeys.done, queryFn: done, meta: { silentError: true } });
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
