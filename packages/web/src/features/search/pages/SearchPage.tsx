/** /search?q=… — results over every register, with the matched words marked, filtered by register. */
import { Card, Empty, Input, List, Pagination, Segmented, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SEARCH_MODULES, SEARCH_QUERY_MAX, useSearch, type SearchModule } from '../api/search.ts';

/** The text with each of `words` marked; plain text only (no HTML from the server is ever rendered). */
function Marked({ text, words }: { text: string; words: string[] }) {
  const ws = words.filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  if (ws.length === 0) return <>{text}</>;
  const escaped = ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p))}</>;
}

export default function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const module = (params.get('module') ?? undefined) as SearchModule | undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const result = useSearch(q, module, page);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p);
  };
  return (
    <>
      <PageHeader title={t('search.title', { q })} />
      <Card>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          maxLength={SEARCH_QUERY_MAX}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          data-testid="search-input"
          style={{ marginBottom: 12, maxWidth: 480 }}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
        />
        <Segmented
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={module ?? 'all'}
          onChange={(v) => set({ module: v === 'all' ? undefined : String(v), page: undefined })}
          options={[{ value: 'all', label: t('search.all') }, ...SEARCH_MODULES.map((m) => ({ value: m, label: t(`search.module.${m}`) }))]}
        />
        {!q.trim() ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.enter')} />
        ) : result.data && result.data.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />
        ) : (
          <>
            {result.data ? (
              <div style={{ margin: '0 0 4px' }}>
                <Typography.Text type="secondary" data-testid="search-count" data-exact={String(result.data.totalExact)}>
                  {t(result.data.totalExact ? 'search.count' : 'search.countMore', { n: result.data.total.toLocaleString() })}
                </Typography.Text>
              </div>
            ) : null}
            <List
              loading={result.isPending}
              dataSource={result.data?.items ?? []}
              rowKey={(h) => `${h.module}:${h.recordId}`}
              data-testid="search-results"
              renderItem={(h) => (
                <List.Item>
                  <div style={{ minWidth: 0 }}>
                    <Tag>{t(`search.module.${h.module}`)}</Tag>
                    <Link to={h.href} style={{ overflowWrap: 'anywhere' }}>
                      <Marked text={h.title} words={h.highlights} />
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        <Marked text={h.snippet} words={h.highlights} />
                      </Typography.Text>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[h.orgName, h.year].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
            {(result.data?.total ?? 0) > 20 && (
              <Pagination
                style={{ marginTop: 12 }}
                current={page}
                pageSize={20}
                total={result.data?.total ?? 0}
                showSizeChanger={false}
                onChange={(p) => set({ page: String(p) })}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
