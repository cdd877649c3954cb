/**
 * The year-end self-assessment (自评): an office writes a short summary beside its evidence for the
 * self-reported items, and its leader in charge confirms it; new evidence or a new summary asks for
 * the confirmation again. The county sees every office's state, an unconfirmed one flagged.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { selfAssessmentSchema } from '@township-office/domain/assessment.api';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useZodRule } from '../../../lib/zod-rule.ts';
import {
  useConfirmSelfAssessment,
  useSelfAssessments,
  useSubmitSelfAssessment,
  type SchemeDetail,
  type SelfAssessmentItem,
} from '../api/assessment.ts';

/** Steps from which the self-assessment exists. */
export const SELF_STEPS = ['self_assessment', 'scoring', 'notice', 'final'];

const STATE_COLOR = { missing: 'red', unconfirmed: 'orange', confirmed: 'green' } as const;

export function SelfStateTag({ item }: { item: Pick<SelfAssessmentItem, 'state'> }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[item.state]} data-testid="self-state">
      {t(`assessment.selfAssessment.state.${item.state}`)}
    </Tag>
  );
}

export function SelfAssessmentCard({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const rule = useZodRule();
  const list = useSelfAssessments(scheme.id);
  const submit = useSubmitSelfAssessment(scheme.id);
  const confirm = useConfirmSelfAssessment(scheme.id);
  const [writing, setWriting] = useState(false);
  const may = (a: string) => scheme.allowedActions.includes(a);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  const own = items.length === 1 ? items[0]! : null;
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

  const detail = (x: SelfAssessmentItem) => (
    <>
      {x.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} data-testid="self-summary">
          {x.summary}
        </Typography.Paragraph>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {x.submittedAt ? t('assessment.selfAssessment.sentBy', { name: x.submittedByName ?? '', at: when(x.submittedAt) }) : null}
        {x.confirmedAt
          ? ` · ${t('assessment.selfAssessment.confirmedBy', { name: x.confirmedByName ?? '', at: when(x.confirmedAt) })}`
          : null}
      </Typography.Text>
    </>
  );

  return (
    <Card
      title={t('assessment.selfAssessment.title')}
      style={{ marginTop: 16 }}
      data-testid="self-assessment"
      extra={
        <Space wrap>
          {may('selfAssess') && (
            <Button data-testid="self-summary-btn" onClick={() => setWriting(true)}>
              {own?.summary ? t('assessment.selfAssessment.rewrite') : t('assessment.selfAssessment.write')}
            </Button>
          )}
          {/* Hidden as soon as the list says confirmed, not only once the scheme's actions refetch. */}
          {may('confirmSelfAssessment') && own?.state !== 'confirmed' && (
            <Button type="primary" data-testid="self-confirm" loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('assessment.selfAssessment.confirm')}
            </Button>
          )}
        </Space>
      }
    >
      {own ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <SelfStateTag item={own} />
            {own.state === 'unconfirmed' && <Typography.Text type="warning">{t('assessment.selfAssessment.waiting')}</Typography.Text>}
          </Space>
          {own.summary ? detail(own) : <Typography.Paragraph type="secondary">{t('assessment.selfAssessment.none')}</Typography.Paragraph>}
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="self-counts">
            {t('assessment.selfAssessment.counts', {
              confirmed: items.filter((x) => x.state === 'confirmed').length,
              unconfirmed: items.filter((x) => x.state === 'unconfirmed').length,
              missing: items.filter((x) => x.state === 'missing').length,
            })}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={items}
            renderItem={(x) => (
              <List.Item data-testid={`self-org-${x.orgId}`}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{x.orgName}</span>
                      <SelfStateTag item={x} />
                    </Space>
                  }
                  description={x.summary ? detail(x) : null}
                />
              </List.Item>
            )}
          />
        </>
      )}
      {writing && (
        <FormModal<{ summary: string }>
          open
          onClose={() => setWriting(false)}
          title={t('assessment.selfAssessment.write')}
          initialValues={{ summary: own?.summary ?? '' }}
          onSubmit={(v) => submit.mutateAsync(v)}
          successMessage={t('assessment.selfAssessment.sent')}
          okTestId="self-summary-save"
        >
          <Form.Item
            name="summary"
            label={t('assessment.selfAssessment.summary')}
            extra={t('assessment.selfAssessment.summaryHelp')}
            rules={[rule(selfAssessmentSchema.shape.summary, t('assessment.selfAssessment.summary'))]}
          >
            <Input.TextArea rows={6} data-testid="self-summary-text" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
