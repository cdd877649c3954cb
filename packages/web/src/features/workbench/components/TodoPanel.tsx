/**
 * My to-dos (我的待办), from GET /api/workbench: grouped overdue (red) / today / this week / later,
 * each with what to do, the record, for or from whom, by when, and a link to the page where it is
 * done. Deliveries and circulations can be ticked and completed together (批量签收 / 批量阅知).
 */
import { useMemo, useState } from 'react';
import { Button, Flex } from 'antd';
import { Link } from 'react-router';
import { BATCH_KINDS, TODO_GROUPS, type TodoGroup } from '@township-office/domain/workbench';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PlainEmpty, PlainList, PlainSkeleton, PlainTag, Txt, type TagColor } from '../../../components/plain.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useBatchAcknowledge, useBatchRead, useTodos, type BatchResult, type TodoItem } from '../api/workbench.ts';
import { useApp } from '../../../lib/app-messages.tsx';

const GROUP_COLOR: Record<TodoGroup, TagColor> = { overdue: 'error', today: 'warning', week: 'processing', later: 'default' };
const isBatch = (i: TodoItem) => (BATCH_KINDS as readonly string[]).includes(i.kind);

export function TodoPanel({ kinds }: { kinds?: readonly string[] }) {
  const t = useT();
  const { message } = useApp();
  const todos = useTodos();
  const ack = useBatchAcknowledge();
  const read = useBatchRead();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const list = useMemo(() => (todos.data ?? []).filter((i) => !kinds || kinds.includes(i.kind)), [todos.data, kinds]);

  if (todos.isPending) return <PlainSkeleton rows={4} />;
  if (todos.isError) return <PlainEmpty description={t('workbench.loadFailed')} />;
  if (list.length === 0) return <PlainEmpty description={t('workbench.noTodos')} data-testid="workbench-empty" />;

  const report = (r: BatchResult) => {
    const ok = r.results.filter((x) => x.ok).length;
    const failed = r.results.filter((x) => !x.ok);
    if (ok) message.success(t(r.kind === 'delivery.acknowledge' ? 'workbench.acknowledged' : 'workbench.markedRead', { count: ok }));
    for (const f of failed) message.error(f.error?.message ?? '');
    setPicked(new Set());
  };
  const run = (kind: 'delivery.acknowledge' | 'incoming.read', ids: string[]) =>
    kind === 'delivery.acknowledge'
      ? ack.mutate({ deliveryIds: ids }, { onSuccess: report })
      : read.mutate({ incomingIds: ids }, { onSuccess: report });
  const pickedOf = (kind: string) => list.filter((i) => i.kind === kind && picked.has(i.recordId)).map((i) => i.recordId);
  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div data-testid="workbench-todos">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {(['delivery.acknowledge', 'incoming.read'] as const).map((kind) =>
          pickedOf(kind).length > 0 ? (
            <Button
              key={kind}
              type="primary"
              loading={ack.isPending || read.isPending}
              onClick={() => run(kind, pickedOf(kind))}
              data-testid={`batch-${kind}`}
            >
              {t(kind === 'delivery.acknowledge' ? 'workbench.batchAcknowledge' : 'workbench.batchRead', { count: pickedOf(kind).length })}
            </Button>
          ) : null,
        )}
      </Flex>
      {TODO_GROUPS.map((group) => {
        const rows = list.filter((i) => i.group === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} data-testid={`workbench-group-${group}`} style={{ marginBottom: 12 }}>
            <Txt strong>
              <PlainTag color={GROUP_COLOR[group]} style={{ marginInlineEnd: 6 }}>
                {rows.length}
              </PlainTag>
              {t(`workbench.group.${group}`)}
            </Txt>
            <PlainList
              items={rows}
              rowKey={(i) => `${i.kind}:${i.recordId}`}
              rowProps={(i) => ({ 'data-testid': 'todo-item', 'data-kind': i.kind })}
              actions={(i) =>
                i.kind === 'delivery.acknowledge' ? (
                  <Button
                    size="small"
                    onClick={() => run('delivery.acknowledge', [i.recordId])}
                    loading={ack.isPending}
                    data-testid="todo-acknowledge"
                  >
                    {t('workbench.acknowledge')}
                  </Button>
                ) : null
              }
              render={(i) => (
                <Flex gap={8} align="flex-start" style={{ minWidth: 0, width: '100%' }}>
                  {isBatch(i) && (
                    // A native box in the theme's colour: antd's Checkbox is the only one on this page.
                    <input
                      type="checkbox"
                      className="plain-check"
                      aria-label={t('workbench.pick', { title: i.title })}
                      checked={picked.has(i.recordId)}
                      onChange={(e) => toggle(i.recordId, e.target.checked)}
                    />
                  )}
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Flex gap={6} wrap align="center">
                      <PlainTag color={i.overdue ? 'error' : 'blue'} style={{ marginInlineEnd: 0 }}>
                        {t(`workbench.kind.${i.kind}`)}
                      </PlainTag>
                      {i.onBehalfOf ? (
                        <PlainTag color="purple" style={{ marginInlineEnd: 0 }} data-testid="todo-on-behalf">
                          {t('workbench.onBehalfOf', { name: i.onBehalfOf })}
                        </PlainTag>
                      ) : null}
                      <Link to={i.href} style={{ overflowWrap: 'anywhere' }}>
                        {i.title}
                      </Link>
                    </Flex>
                    <Txt secondary small>
                      {[i.subject, i.dueAt ? t(i.overdue ? 'workbench.wasDue' : 'workbench.due', { at: formatDateTime(i.dueAt) }) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </Txt>
                  </div>
                </Flex>
              )}
            />
          </section>
        );
      })}
    </div>
  );
}
