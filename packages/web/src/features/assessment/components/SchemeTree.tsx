/**
 * The scheme's indicator tree with its running sum; in a draft the county edits it here (add a
 * top-level item or a sub-item, edit, remove), each change saved at once (and audited). After
 * publication the county revises it: the changes are made on a copy and sent together as a new
 * version with its reason (the offices are notified).
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { publishProblem, topLevelWeightSum } from '@township-office/domain/assessment';
import { revisionSchema } from '@township-office/domain/assessment.api';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import { useMetrics, usePutIndicators, useRevise, type IndicatorOut, type SchemeDetail } from '../api/assessment.ts';
import { IndicatorModal, fromValues, toValues, type IndicatorValues } from './IndicatorModal.tsx';
import { indicatorTree, withDescendants, type TreeRow } from './tree.ts';

type Editing = { mode: 'add'; parentCode?: string } | { mode: 'edit'; code: string };

export function SchemeTree({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const rule = useZodRule();
  const metrics = useMetrics();
  const put = usePutIndicators(scheme.id);
  const revise = useRevise(scheme.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  // The copy being revised (a published scheme), or null.
  const [revision, setRevision] = useState<IndicatorOut[] | null>(null);
  const [sending, setSending] = useState(false);
  const editable = scheme.allowedActions.includes('editIndicators') || revision !== null;
  const items = revision ?? scheme.indicators;
  const clean = (xs: IndicatorOut[]) => xs.map((i) => fromValues(toValues(i)));
  const save = async (next: IndicatorOut[]) => {
    if (revision) setRevision(next);
    else await put.mutateAsync({ indicators: clean(next) });
  };
  const problem = publishProblem(items);
  const sum = revision ? topLevelWeightSum(revision) : scheme.weightSum;

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
          <Tag color={sum === 100 ? 'green' : 'red'} data-testid="weight-sum">
            {t('assessment.tree.sum', { sum })}
          </Tag>
          {scheme.version > 0 && <Tag data-testid="scheme-version">{t('assessment.versions.current', { version: scheme.version })}</Tag>}
          {scheme.allowedActions.includes('revise') && !revision && (
            <Button data-testid="revise-start" onClick={() => setRevision(scheme.indicators)}>
              {t('assessment.versions.revise')}
            </Button>
          )}
          {revision && (
            <>
              <Button type="primary" data-testid="revise-send" disabled={!!problem} onClick={() => setSending(true)}>
                {t('assessment.versions.send')}
              </Button>
              <Button data-testid="revise-cancel" onClick={() => setRevision(null)}>
                {t('assessment.versions.cancel')}
              </Button>
            </>
          )}
          {editable && (
            <Button type="primary" data-testid="indicator-add" onClick={() => setEditing({ mode: 'add' })}>
              {t('assessment.tree.addTop')}
            </Button>
          )}
        </Space>
      }
    >
      {revision && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('assessment.versions.editing')} />}
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
      {sending && revision && (
        <FormModal<{ reason: string }>
          open
          onClose={() => setSending(false)}
          title={t('assessment.versions.send')}
          onSubmit={async (v) => {
            await revise.mutateAsync({ reason: v.reason, indicators: clean(revision) });
            setRevision(null);
          }}
          successMessage={t('assessment.versions.sent')}
          okTestId="revise-save"
        >
          <Typography.Paragraph type="secondary">{t('assessment.versions.notifyHelp')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('assessment.versions.reason')}
            rules={[rule(revisionSchema.shape.reason, t('assessment.versions.reason'))]}
          >
            <Input.TextArea rows={3} data-testid="revise-reason" />
          </Form.Item>
        </FormModal>
      )}
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
