/** 流转记录: the slip's 退回, 取回 and 加签, oldest first, each with who, when, to whom and why. */
import { Card, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import type { DocumentRecord } from '../api/types.ts';

type Step = DocumentRecord['flowSteps'][number];

export function FlowSteps({ steps }: { steps: Step[] }) {
  const t = useT();
  if (steps.length === 0) return null;
  const target = (s: Step) => s.targetName ?? t(`documents.flow.toStatus_${s.toStatus === 'returned' ? 'returned' : 'in_review'}`);
  const line = (s: Step) =>
    s.kind === 'return'
      ? t('documents.flow.stepReturn', { user: s.userName, target: target(s), reason: s.reason ?? '' })
      : s.kind === 'recall'
        ? t('documents.flow.stepRecall', { user: s.userName })
        : t('documents.flow.stepAdd', { user: s.userName, target: s.targetName ?? '' });
  return (
    <Card size="small" className="doc-section" title={t('documents.flow.history')} style={{ marginTop: 12 }} data-testid="flow-steps">
      <Timeline
        items={steps.map((s) => ({
          color: s.kind === 'return' ? 'red' : s.kind === 'recall' ? 'gray' : 'blue',
          children: (
            <>
              <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>{' '}
              <Typography.Text strong>{t(`documents.flow.kind_${s.kind}`)}</Typography.Text> <span>{line(s)}</span>
              {s.kind === 'addReviewer' && s.reason ? <Typography.Text type="secondary"> — {s.reason}</Typography.Text> : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}
