import { Table, Tooltip } from 'antd';
import { Link } from 'react-router';
import { cellDrill } from '@township-office/domain/dashboard';
import { useLabel } from '../../../app/i18n/labels.ts';
import type { CountyDashboard, StandardColumn, TownshipRow } from '../api/supervision.ts';

/** UI colours: green met, amber needs attention, red a gap, grey no data yet. */
export const STATUS_COLOR: Record<string, { bg: string; fg: string }> = {
  ok: { bg: '#f6ffed', fg: '#237804' },
  warn: { bg: '#fffbe6', fg: '#ad6800' },
  gap: { bg: '#fff1f0', fg: '#a8071a' },
  nodata: { bg: '#fafafa', fg: '#8c8c8c' },
};

/** Townships per page of the grid (a county has 18–40; the benchmark's 2,000). */
export const GRID_PAGE_SIZE = 50;

/** Townships as rows, standards as columns; each cell is coloured by its status and links to its records (`cellDrill`). */
export function StandardGrid({
  data,
  lang,
  townshipHref = (r) => `/supervision/townships/${r.orgId}?year=${data.year}`,
  cellHref = (r, _cell, column) => cellDrill(r.orgId, column, data.year),
}: {
  data: CountyDashboard;
  lang: string;
  /** Where a township's name leads (the province's drill-down has its own standing page). */
  townshipHref?: (r: TownshipRow) => string;
  /** Where a cell leads: its records by default. */
  cellHref?: (r: TownshipRow, cell: TownshipRow['cells'][StandardColumn], column: StandardColumn) => string;
}) {
  // Column names from the label tables: zh-CN, English and the build's zh-TW alike.
  const label = useLabel();
  return (
    <Table<TownshipRow>
      rowKey="orgId"
      size="small"
      bordered
      // A county of 2,000 townships renders a page of them at a time, not 26,000 cells at once.
      pagination={{ pageSize: GRID_PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
      scroll={{ x: 1500, y: 560 }}
      dataSource={data.rows}
      data-testid="standard-grid"
      columns={[
        {
          title: lang === 'en' ? 'Township' : '乡镇（区）',
          dataIndex: 'name',
          fixed: 'left',
          width: 130,
          render: (name: string, r) => <Link to={townshipHref(r)}>{name}</Link>,
        },
        ...data.columns.map((c) => ({
          title: label('STANDARD_COLUMN', c.key),
          key: c.key,
          width: 118,
          onCell: (r: TownshipRow) => ({ style: { background: STATUS_COLOR[r.cells[c.key].status]?.bg, padding: 0 } }),
          render: (_: unknown, r: TownshipRow) => {
            const cell = r.cells[c.key];
            return (
              <Tooltip title={`${r.name} · ${label('STANDARD_COLUMN', c.key)}`}>
                <Link
                  to={cellHref(r, cell, c.key)}
                  data-testid={`cell-${r.code}-${c.key}`}
                  data-status={cell.status}
                  style={{ display: 'block', padding: '6px 8px', color: STATUS_COLOR[cell.status]?.fg }}
                >
                  {cell.value}
                </Link>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}
