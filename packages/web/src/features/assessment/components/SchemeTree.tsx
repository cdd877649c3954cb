/**
 * The scheme's indicator tree with its running sum; in a draft the county edits it here (add a
 * top-level item or a sub-item, edit, remove), each change saved at once (and audited).
 */
import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { publishProblem } from '@township-office/domain/assessment';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useMetrics, usePutIndicators, type IndicatorOut, type SchemeDetail } from '../api/assessment.ts';
import { IndicatorModal, fromValues, toValues, type IndicatorValues } from './IndicatorModal.tsx';
import { indicatorTree, withDescendants, type TreeRow } from './tree.ts';

type Editing = { mode: 'add'; parentCode?: string } | { mode: 'edit'; code: string };

export function SchemeTree({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const editable = scheme.allowedActions.includes('editIndicators');
  const metrics = useMetrics();
  const put = usePutIndicators(scheme.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const items = scheme.indicators;
  const save = (next: IndicatorOut[]) => put.mutateAsync({ indicators: next.map((i) => fromValues(toValues(i))) });
  const problem = publishProblem(items);

  const submit = async (v: IndicatorValues) => {
    const ind = fromValues(v) as IndicatorOut;
    if (editing?.mode === 'edit') {
      const old = editing.code;
      await save(items.map((i) => (i.code === old ? ind : i.parentCode === old ? { ...i, parentCode: ind.code } : i)));
    } else await save([...items, ind]);
  };
  const remove = (code: string) => {
    const gone = withDescendants(items, code);
    return save(items.filter((i) => !gone.has(i.code)));
  };
  const current = editing?.mode === 'edit' ? items.find((i) => i.code === editing.code) : undefined;
  const blocked = editing?.mode === 'edit' ? withDescendants(items, editing.code) : new Set<string>();

  return (
    <Card
      title={t('assessment.tree.title')}
      extra={
        <Space wrap>
          <Tag color={scheme.weightSum === 100 ? 'green' : 'red'} data-testid="weight-sum">
            {t('assessment.tree.sum', { sum: scheme.weightSum })}
          </Tag>
          {editable && (
            <Button type="primary" data-testid="indicator-add" onClick={() => setEditing({ mode: 'add' })}>
              {t('assessment.tree.addTop')}
            </Button>
          )}
        </Space>
      }
    >
      {editable && problem && (
        <Typography.Paragraph type="danger" data-testid="publish-problem">
          {problem.key === 'WEIGHTS_NOT_100'
            ? t('assessment.tree.not100', { sum: problem.sum })
            : t('assessment.tree.childSum', { code: problem.code, sum: problem.sum, weight: problem.weight })}
        </Typography.Paragraph>
      )}
      <Table<TreeRow>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={indicatorTree(items)}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('assessment.col.code'), dataIndex: 'code' },
          {
            title: t('assessment.col.name'),
            dataIndex: 'name',
            render: (n: string, r) => (
              <span>
                {n}
                {r.description ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.description}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          { title: t('assessment.col.weight'), dataIndex: 'weight' },
          {
            title: t('assessment.col.method'),
            dataIndex: 'method',
            // A category's score is its sub-items' sum, whatever method it was stored with.
            render: (m: string, r) => (r.children?.length ? t('assessment.sumOfChildren') : t(`assessment.method.${m}`)),
          },
          {
            title: t('assessment.col.metric'),
            dataIndex: 'metric',
            render: (m: string | null, r) =>
              m ? (
                <span title={t(`assessment.metricFormula.${m}`)}>
                  {t(`assessment.metric.${m}`)}
                  {r.rule ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.rule.kind === 'per_event'
                        ? t('assessment.ruleText.per_event', { points: r.rule.points, cap: r.rule.cap })
                        : r.rule.kind === 'linear'
                          ? t('assessment.ruleText.linear', { floor: r.rule.floor, target: r.rule.target })
                          : t('assessment.ruleText.target', { target: r.rule.target })}
                    </Typography.Text>
                  ) : null}
                </span>
              ) : (
                '—'
              ),
          },
          ...(editable
            ? [
                {
                  title: t('assessment.col.actions'),
                  key: 'actions',
                  render: (_: unknown, r: TreeRow) => (
                    <Space size={0} wrap>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing({ mode: 'edit', code: r.code })}
                        data-testid={`edit-${r.code}`}
                      >
                        {t('assessment.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setEditing({ mode: 'add', parentCode: r.code })}>
                        {t('assessment.tree.addChild')}
                      </Button>
                      <Popconfirm title={t('assessment.tree.removeConfirm')} onConfirm={() => remove(r.code)}>
                        <Button type="link" size="small" danger>
                          {t('assessment.tree.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <IndicatorModal
          open
          onClose={() => setEditing(null)}
          title={editing.mode === 'edit' ? t('assessment.tree.editTitle') : t('assessment.tree.addTitle')}
          initial={current ? toValues(current) : { parentCode: editing.mode === 'add' ? editing.parentCode : undefined }}
          parents={items.filter((i) => !blocked.has(i.code)).map((i) => ({ code: i.code, name: i.name }))}
          metrics={metrics.data?.items ?? []}
          onSubmit={submit}
        />
      )}
    </Card>
  );
}
