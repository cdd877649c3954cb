/** /supervision/province/counties/:countyId — one county's township grid, opened from the province overview. */
import { Button, InputNumber, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLang, useT } from '../../../app/i18n/I18nProvider.tsx';
import { PageHeader } from '../../../app/layout/PageHeader.tsx';
import { useCountyGrid } from '../api/supervision.ts';
import { StandardGrid } from '../components/StandardGrid.tsx';

export default function ProvinceCountyPage() {
  const t = useT();
  const [lang] = useLang();
  const { countyId } = useParams();
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || new Date().getFullYear());
  const q = useCountyGrid(countyId, year);
  const d = q.data;
  const townshipHref = (orgId: string, tab?: string) => `/supervision/province/townships/${orgId}?year=${year}${tab ? `&tab=${tab}` : ''}`;
  return (
    <>
      <PageHeader
        title={d ? t('supervision.province.countyHeading', { county: d.county.name }) : t('supervision.province.countyTitle')}
        subtitle={
          d ? t('supervision.province.countySubtitle', { townships: d.townships, allMet: d.rows.filter((r) => r.gaps === 0).length }) : null
        }
        extra={
          <Space>
            <Link to={`/supervision/province?year=${year}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('supervision.province.back')}</Button>
            </Link>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          </Space>
        }
      />
      {d ? (
        <StandardGrid
          data={d}
          lang={lang}
          townshipHref={(r) => townshipHref(r.orgId)}
          cellHref={(r, _cell, column) => townshipHref(r.orgId, column)}
        />
      ) : null}
    </>
  );
}
