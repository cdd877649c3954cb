/**
 * Demo county 档案: every org's archive settings (全宗号 Z100…, filed by org unit), and the previous
 * year archived: each closed document of that year filed as an item with its 档号, gap-free per
 * group in date order. Bulk SQL; one audit row.
 */
import { sql } from 'drizzle-orm';
import { formatArchivalCode, type Retention } from '@township-office/domain/archives';
import { writeAudit } from '../platform/audit.ts';
import { archiveSources, type ArchiveDraft } from '../modules/archives/archives.sources.ts';
import type { SeedStep } from './seed-context.ts';

const PERMANENT_TYPES = new Set(['决定', '决议', '请示', '报告', '意见', '纪要', '批复']);

/** Outgoing decisions, requests and reports are kept for good; notices 30 years; the rest 10. */
function retentionOf(d: ArchiveDraft, docType: string | undefined): Retention {
  if (d.kind === 'outgoing') return PERMANENT_TYPES.has(docType ?? '') ? 'Y' : docType === '通知' ? 'D30' : 'D10';
  return 'D10';
}

export const archivesSeed: SeedStep = {
  name: 'archives',
  async run(s) {
    const year = s.year - 1;
    const orgs = [...s.orgs.values()].filter((o) => o.kind !== 'county');
    const configs = orgs.map((o, i) => ({ org_id: o.id, fonds_code: `Z${100 + i}`, scheme: 'unit' }));
    const classes = orgs.flatMap((o) => [
      { org_id: o.id, kind: 'unit', code: 'BGS', name: '办公室' },
      { org_id: o.id, kind: 'unit', code: 'DZB', name: '党政综合办' },
      { org_id: o.id, kind: 'subject', code: 'ZH', name: '综合' },
    ]);
    const drafts = (await archiveSources.closedDrafts(s.db, year)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const types = new Map(
      (await s.db.execute<{ id: string; doc_type: string }>(sql`SELECT id, doc_type FROM documents WHERE number_year = ${year}`)).rows.map(
        (r) => [r.id, r.doc_type],
      ),
    );
    const fonds = new Map(configs.map((c) => [c.org_id, c.fonds_code]));
    const counters = new Map<string, number>();
    const archiver = s.users.get('county.clerk')!.id;
    const items = drafts
      .filter((d) => fonds.has(d.orgId))
      .map((d) => {
        const retention = retentionOf(d, types.get(d.id));
        const key = `${d.orgId}|${retention}`;
        const itemNo = (counters.get(key) ?? 0) + 1;
        counters.set(key, itemNo);
        const fondsCode = fonds.get(d.orgId)!;
        return {
          org_id: d.orgId,
          fonds_code: fondsCode,
          year,
          retention,
          class_kind: 'unit',
          class_code: 'BGS',
          item_no: itemNo,
          archival_code: formatArchivalCode({ fondsCode, year, retention, classCode: 'BGS', itemNo }),
          source_kind: d.kind,
          source_id: d.id,
          doc_number: d.docNumber,
          responsible: d.responsible,
          title: d.title,
          doc_date: d.date,
          classification: d.classification,
          pages: d.pages,
          components: d.components,
          archived_by: archiver,
          archived_at: `${s.year}-01-${String(10 + (itemNo % 15)).padStart(2, '0')}T10:00:00+08:00`,
        };
      });
    s.progress(`${items.length} items of ${year}`);
    await s.db.transaction(async (tx) => {
      await tx.execute(
        sql`INSERT INTO archive_configs (org_id, fonds_code, scheme) SELECT * FROM json_to_recordset(${JSON.stringify(configs)}::json) AS x(org_id uuid, fonds_code text, scheme text)`,
      );
      await tx.execute(
        sql`INSERT INTO archive_classes (org_id, kind, code, name) SELECT * FROM json_to_recordset(${JSON.stringify(classes)}::json) AS x(org_id uuid, kind text, code text, name text)`,
      );
      const usedOrgs = [...new Set(items.map((i) => i.org_id))];
      await tx.execute(
        sql`INSERT INTO archive_year_schemes (org_id, year, class_kind) SELECT unnest(string_to_array(${usedOrgs.join(',')}, ',')::uuid[]), ${year}, 'unit'`,
      );
      const counterRows = [...counters].map(([k, n]) => ({ org_id: k.split('|')[0], retention: k.split('|')[1], last_no: n }));
      await tx.execute(sql`INSERT INTO archive_counters (org_id, year, retention, class_code, last_no)
        SELECT org_id, ${year}, retention, 'BGS', last_no FROM json_to_recordset(${JSON.stringify(counterRows)}::json) AS x(org_id uuid, retention text, last_no int)`);
      await tx.execute(sql`INSERT INTO archive_items (org_id, fonds_code, year, retention, class_kind, class_code, item_no, archival_code, source_kind, source_id, doc_number,
          responsible, title, doc_date, classification, pages, components, archived_by, archived_at)
        SELECT org_id, fonds_code, year, retention, class_kind, class_code, item_no, archival_code, source_kind, source_id, doc_number,
          responsible, title, doc_date, classification, pages, components, archived_by, archived_at
        FROM json_to_recordset(${JSON.stringify(items)}::json) AS x(org_id uuid, fonds_code text, year int, retention text, class_kind text, class_code text, item_no int,
          archival_code text, source_kind text, source_id uuid, doc_number text, responsible text, title text, doc_date date, classification text, pages int,
          components jsonb, archived_by uuid, archived_at timestamptz)`);
      await writeAudit(tx, s.ctx, {
        action: 'seed.archives',
        entity: 'archive_item',
        orgId: s.orgs.get('XWB')!.id,
        after: { year, items: items.length, orgs: configs.length },
      });
    });
  },
};
