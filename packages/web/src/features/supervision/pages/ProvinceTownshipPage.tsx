/** /supervision/province/townships/:orgId — a township's standing as the province sees it: each standard and each gap with what to do. */
import { Alert, Button, Card, Descriptions, List, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLabel } from '../../../app/i18n/labels.ts';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useStanding } from '../api/supervision.ts';
import { STATUS_COLOR } from '../components/StandardGrid.tsx';

export default function ProvinceTownshipPage() {
  const t = useT();
  const [lang] = useLang();
  const label = useLabel();
  const navigate = useNavigate();
  const { orgId } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const focus = params.get('tab');
  const q = useStanding(orgId, year);
  const d = q.data;
  return (
    <>
      <PageHeader
        title={d ? d.township.name : t('supervision.nav.township')}
        subtitle={d ? t('supervision.province.townshipSubtitle', { year, gaps: d.gaps.length }) : null}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
              {t('supervision.province.backToCounty')}
            </Button>
          </Space>
        }
      />
      {d ? (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small" title={t('supervision.province.standards')}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="province-standing">
              {d.columns.map((c) => {
                const cell = d.row.cells[c.key];
                return (
                  <Descriptions.Item
                    key={c.key}
                    label={label('STANDARD_COLUMN', c.key)}
                    contentStyle={{
                      background: STATUS_COLOR[cell.status]?.bg,
                      color: STATUS_COLOR[cell.status]?.fg,
                      outline: focus === c.key ? '2px solid #1677ff' : undefined,
                    }}
                  >
                    <span data-testid={`standing-${c.key}`} data-status={cell.status}>
                      {cell.value}
                    </span>
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
          </Card>
          <Card size="small" title={t('supervision.province.gapList')}>
            {d.gaps.length === 0 ? (
              <Alert type="success" showIcon message={t('supervision.province.noGaps')} />
            ) : (
              <List
                size="small"
                dataSource={d.gaps}
                data-testid="province-gaps"
                renderItem={(g) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>
                        <Tag color={g.status === 'gap' ? 'red' : 'orange'}>{label('STANDARD_COLUMN', g.column)}</Tag>
                        {g.value}
                      </span>
                      <small>{lang === 'en' ? g.adviceEn : g.advice}</small>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Space>
      ) : null}
    </>
  );
}
