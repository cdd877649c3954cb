/**
 * The versions of a published scheme (the tree as published, then each revision with its reason),
 * and the grade settings: the thresholds of 优秀/良好/合格 and the cap on the share of 优秀, which the
 * county may change until the results are final.
 */
import { useState } from 'react';
import { Button, Card, Form, InputNumber, List, Space, Typography } from 'antd';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { usePutGrades, useVersions, type SchemeDetail } from '../api/assessment.ts';

export function VersionsCard({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const versions = useVersions(scheme.id, scheme.version > 0);
  const items = versions.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('assessment.versions.title')} style={{ marginTop: 16 }} data-testid="scheme-versions">
      <List
        size="small"
        dataSource={[...items].reverse()}
        renderItem={(v) => (
          <List.Item data-testid={`version-${v.version}`}>
            <Space wrap>
              <b>{t('assessment.versions.label', { version: v.version })}</b>
              <span>{v.version === 1 ? t('assessment.versions.first') : v.reason}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.createdByName} {v.createdAt.slice(0, 16).replace('T', ' ')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

type GradeValues = { excellentMin: number; goodMin: number; passMin: number; excellentPercent: number };

export function GradesLine({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const put = usePutGrades(scheme.id);
  const [open, setOpen] = useState(false);
  const g = scheme.grades;
  return (
    <Space wrap data-testid="grades-line">
      <Typography.Text type="secondary">
        {t('assessment.grades.line', {
          excellent: g.excellentMin,
          share: Math.round(g.excellentShare * 1000) / 10,
          good: g.goodMin,
          pass: g.passMin,
        })}
      </Typography.Text>
      {scheme.allowedActions.includes('editGrades') && (
        <Button size="small" type="link" data-testid="grades-edit" onClick={() => setOpen(true)}>
          {t('assessment.edit')}
        </Button>
      )}
      {open && (
        <FormModal<GradeValues>
          open
          onClose={() => setOpen(false)}
          title={t('assessment.grades.title')}
          initialValues={{ ...g, excellentPercent: Math.round(g.excellentShare * 1000) / 10 }}
          onSubmit={(v) =>
            put.mutateAsync({
              excellentMin: v.excellentMin,
              goodMin: v.goodMin,
              passMin: v.passMin,
              excellentShare: Math.round(v.excellentPercent * 10) / 1000,
            })
          }
          successMessage={t('assessment.saved')}
          okTestId="grades-save"
        >
          <Typography.Paragraph type="secondary">{t('assessment.grades.help')}</Typography.Paragraph>
          <Form.Item name="excellentMin" label={t('assessment.grades.excellentMin')} rules={[{ required: true }]}>
            <InputNumber min={0} max={200} data-testid="grades-excellent" />
          </Form.Item>
          <Form.Item name="excellentPercent" label={t('assessment.grades.share')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} addonAfter="%" data-testid="grades-share" />
          </Form.Item>
          <Form.Item name="goodMin" label={t('assessment.grades.goodMin')} rules={[{ required: true }]}>
            <InputNumber min={0} max={200} data-testid="grades-good" />
          </Form.Item>
          <Form.Item name="passMin" label={t('assessment.grades.passMin')} rules={[{ required: true }]}>
            <InputNumber min={0} max={200} data-testid="grades-pass" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
