/**
 * 修改记录 (痕迹保留): every version of the title and body since submission, who saved it, when and
 * at which step, and the differences between any two (insertions underlined green, deletions
 * struck through red).
 */
import { Alert, Button, Card, Empty, Flex, Select, Spin, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../lib/format.tsx';
import { useRevisionDiff, type RevisionDiff, type Revisions } from '../api/revisions.ts';
import './revisions.css';

export interface Range {
  from: number;
  to: number;
}

function Segments({ segments, testId }: { segments: RevisionDiff['body']; testId: string }) {
  return (
    <div className="rev-text" data-testid={testId}>
      {segments.map((s, i) =>
        s.op === 'insert' ? <ins key={i}>{s.text}</ins> : s.op === 'delete' ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>,
      )}
    </div>
  );
}

function DiffView({ documentId, range }: { documentId: string; range: Range }) {
  const t = useT();
  const q = useRevisionDiff(documentId, range);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  const d = q.data;
  const unchanged = (segs: RevisionDiff['body']) => segs.every((s) => s.op === 'equal');
  return (
    <div className="rev-diff" data-testid="revision-diff">
      <Typography.Text type="secondary">
        {t('documents.revisions.comparing', { from: d.from, to: d.to })}
        {'\u3000'}
        <ins>{t('documents.revisions.legendInsert')}</ins>
        {'\u3000'}
        <del>{t('documents.revisions.legendDelete')}</del>
      </Typography.Text>
      <h4>{t('documents.revisions.titleField')}</h4>
      {unchanged(d.title) ? (
        <Typography.Text type="secondary">{t('documents.revisions.unchanged')}</Typography.Text>
      ) : (
        <Segments segments={d.title} testId="revision-diff-title" />
      )}
      <h4>{t('documents.revisions.bodyField')}</h4>
      {d.body.length === 0 || unchanged(d.body) ? (
        <Typography.Text type="secondary">{t('documents.revisions.unchanged')}</Typography.Text>
      ) : (
        <Segments segments={d.body} testId="revision-diff-body" />
      )}
    </div>
  );
}

export function RevisionHistory({
  documentId,
  revisions,
  draft,
  range,
  onRange,
}: {
  documentId: string;
  /** Not yet submitted: no version is kept while drafting. */
  draft: boolean;
  revisions: Revisions | undefined;
  range: Range | null;
  onRange(r: Range | null): void;
}) {
  const t = useT();
  const items = revisions?.items ?? [];
  const options = items.map((r) => ({ value: r.seq, label: t('documents.revisions.version', { seq: r.seq }) }));
  const latest = items.at(-1)?.seq ?? 0;
  const from = range?.from ?? (latest > 1 ? latest - 1 : undefined);
  const to = range?.to ?? (latest > 1 ? latest : undefined);
  const pick = (next: { from?: number; to?: number }) => {
    const f = next.from ?? from;
    const tt = next.to ?? to;
    if (f !== undefined && tt !== undefined) onRange({ from: f, to: tt });
  };
  return (
    <Card size="small" className="doc-section" data-testid="revisions" title={t('documents.revisions.title')} id="revisions">
      {!revisions ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(draft ? 'documents.revisions.noneDraft' : 'documents.revisions.none')} />
      ) : (
        <>
          <div className="rev-list">
            {items.map((r) => (
              <Flex key={r.seq} className="rev-row" gap={12} wrap align="center" data-testid="revision-row">
                <Typography.Text strong>{t('documents.revisions.version', { seq: r.seq })}</Typography.Text>
                <span className="rev-title">{r.title}</span>
                <Typography.Text type="secondary">
                  {t('documents.revisions.savedBy', {
                    name: r.savedBy.displayName,
                    at: formatDateTime(r.savedAt),
                    step: t(`documents.docStatus.${r.step}`),
                  })}
                </Typography.Text>
                {r.seq > 1 ? (
                  <Button size="small" data-testid="revision-compare-prev" onClick={() => onRange({ from: r.seq - 1, to: r.seq })}>
                    {t('documents.revisions.comparePrevious')}
                  </Button>
                ) : null}
              </Flex>
            ))}
          </div>
          {items.length > 1 ? (
            <Flex gap={8} wrap align="center" className="rev-pick">
              <span>{t('documents.revisions.from')}</span>
              <Select
                id="revision-from"
                data-testid="revision-from"
                style={{ width: 120 }}
                options={options.filter((o) => to === undefined || o.value < to)}
                value={from}
                onChange={(v: number) => pick({ from: v })}
              />
              <span>{t('documents.revisions.to')}</span>
              <Select
                id="revision-to"
                data-testid="revision-to"
                style={{ width: 120 }}
                options={options.filter((o) => from === undefined || o.value > from)}
                value={to}
                onChange={(v: number) => pick({ to: v })}
              />
              {!range ? (
                <Button type="primary" data-testid="revision-compare" onClick={() => pick({})}>
                  {t('documents.revisions.compare')}
                </Button>
              ) : null}
            </Flex>
          ) : null}
          {range ? <DiffView documentId={documentId} range={range} /> : null}
        </>
      )}
    </Card>
  );
}
