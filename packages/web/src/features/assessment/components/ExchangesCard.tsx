/** The consultation's comments with the county's answers, and the notice's appeals with theirs. */
import { useState } from 'react';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { SchemeDetail } from '../api/assessment.ts';
import { AppealAnswerModal } from './ScoreModals.tsx';
import { CommentAnswerModal, CommentModal } from './OfficeModals.tsx';

export function ConsultationCard({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const [answering, setAnswering] = useState<string | null>(null);
  const [commenting, setCommenting] = useState(false);
  const may = (a: string) => scheme.allowedActions.includes(a);
  if (!scheme.comments.length && !may('comment')) return null;
  return (
    <Card
      title={t('assessment.consult.title')}
      style={{ marginTop: 16 }}
      extra={
        may('comment') ? (
          <Button type="primary" data-testid="comment-add" onClick={() => setCommenting(true)}>
            {t('assessment.consult.comment')}
          </Button>
        ) : null
      }
    >
      {scheme.consultationClosesOn && (
        <Typography.Paragraph type="secondary">{t('assessment.consult.closes', { day: scheme.consultationClosesOn })}</Typography.Paragraph>
      )}
      <List
        dataSource={scheme.comments}
        locale={{ emptyText: t('assessment.consult.none') }}
        renderItem={(c) => (
          <List.Item
            data-testid="comment-item"
            actions={
              may('answerComment') && c.answer === null
                ? [
                    <Button key="a" size="small" data-testid="comment-answer-btn" onClick={() => setAnswering(c.id)}>
                      {t('assessment.consult.answerButton')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{c.orgName}</span>
                  <span>{c.authorName}</span>
                  {c.code && <Tag>{c.code}</Tag>}
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{c.text}</div>
                  {c.answer !== null && (
                    <div data-testid="comment-answered">
                      <Tag color={c.adopted ? 'green' : 'default'}>
                        {c.adopted ? t('assessment.consult.yes') : t('assessment.consult.no')}
                      </Tag>
                      {c.answer}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {commenting && <CommentModal schemeId={scheme.id} indicators={scheme.indicators} onClose={() => setCommenting(false)} />}
      {answering && <CommentAnswerModal commentId={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}

export function AppealsCard({ scheme }: { scheme: SchemeDetail }) {
  const t = useT();
  const [answering, setAnswering] = useState<string | null>(null);
  if (!scheme.appeals.length) return null;
  const byCode = new Map(scheme.indicators.map((i) => [i.code, i]));
  const current = scheme.appeals.find((a) => a.id === answering);
  return (
    <Card title={t('assessment.appeal.list')} style={{ marginTop: 16 }}>
      {scheme.noticeClosesOn && (
        <Typography.Paragraph type="secondary">{t('assessment.appeal.closes', { day: scheme.noticeClosesOn })}</Typography.Paragraph>
      )}
      <List
        dataSource={scheme.appeals}
        renderItem={(a) => (
          <List.Item
            data-testid="appeal-item"
            actions={
              scheme.allowedActions.includes('answerAppeal') && a.answer === null
                ? [
                    <Button key="a" size="small" data-testid="appeal-answer-btn" onClick={() => setAnswering(a.id)}>
                      {t('assessment.appeal.answerButton')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{a.orgName}</span>
                  <Tag>
                    {a.code} {byCode.get(a.code)?.name}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</div>
                  {a.answer !== null ? (
                    <div data-testid="appeal-answered">
                      {t('assessment.appeal.answered')}
                      {a.answer}
                      {a.newScore !== null && ` （${a.oldScore ?? '—'} → ${a.newScore}）`}
                    </div>
                  ) : (
                    <Tag color="orange">{t('assessment.appeal.open')}</Tag>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {current && <AppealAnswerModal appealId={current.id} indicator={byCode.get(current.code)} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
