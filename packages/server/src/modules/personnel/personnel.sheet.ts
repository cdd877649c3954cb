/**
 * The personnel database as an Excel sheet: import with a row-by-row validation report (any
 * invalid row and nothing is imported), and export in the same columns so an export re-imports.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel.ts';
import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  POLITICAL_LABELS,
  STAFF_IMPORT_MAX_BYTES,
  STAFF_IMPORT_MAX_ROWS,
  STAFF_MAX,
  STAFF_SHEET_COLUMNS,
  labelToKey,
  staffParticularsSchema,
  type StaffParticulars,
} from '@township-office/domain/personnel';
import { PersonnelErrors } from '@township-office/domain/personnel.errors';
import { describeIssue, type IssueLike } from '@township-office/domain/validation';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, mapPgError } from '../../platform/errors.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { mayRevealStaffIdNumber } from './personnel.policy.ts';
import { maskStaffIdNumber } from './personnel.presenter.ts';
import { personnelRepository as repo } from './personnel.repository.ts';
import { filingDeadlineDays, listStaff, staffValues } from './personnel.service.ts';

export interface RowReport {
  row: number;
  errors: string[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    return '';
  }
  return String(v).trim();
}

/** The words a sheet's choice columns take (the stored codes are never shown to the person who filled it in). */
const CHOICE_LABELS: Partial<Record<string, Record<string, string>>> = {
  gender: GENDER_LABELS,
  politicalStatus: POLITICAL_LABELS,
  education: EDUCATION_LABELS,
};

/**
 * One cell's fault as the clerk reads it: the column's header and the domain's sentence for the issue
 * (never zod's English or a pattern), the allowed words of a choice column rather than its codes.
 */
function cellError(issue: z.core.$ZodIssue): string {
  const key = String(issue.path[0] ?? '');
  const header = STAFF_SHEET_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const labels = CHOICE_LABELS[key];
  if (labels && issue.code === 'invalid_value') return `“${header}”应为以下之一：${Object.values(labels).join('、')}`;
  return describeIssue({ ...(issue as IssueLike), path: [header] }, 'zh');
}

/** Parse and validate every row; returns the particulars per row or the report of what is wrong. */
async function readSheet(db: Db, buffer: Buffer) {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(PersonnelErrors.IMPORT_NOT_XLSX);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(PersonnelErrors.IMPORT_EMPTY);
  const expected = STAFF_SHEET_COLUMNS.map((c) => c.header);
  const header = expected.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value));
  const extra = cellText(ws.getRow(1).getCell(expected.length + 1).value);
  if (header.join('|') !== expected.join('|') || extra !== '')
    throw new AppError(PersonnelErrors.IMPORT_WRONG_COLUMNS, { expected: expected.join('、') });
  if (ws.rowCount - 1 > STAFF_IMPORT_MAX_ROWS)
    throw new AppError(PersonnelErrors.IMPORT_TOO_LARGE, { limit: `${STAFF_IMPORT_MAX_ROWS} 行` });

  const townships = new Map((await listOrgs(db)).filter((o) => o.kind === 'township').map((o) => [o.code, o]));
  const parsed: { row: number; orgId: string; p: StaffParticulars }[] = [];
  const report: RowReport[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = STAFF_SHEET_COLUMNS.map((_, i) => cellText(ws.getRow(r).getCell(i + 1).value));
    if (cells.every((c) => c === '')) continue;
    const raw = Object.fromEntries(STAFF_SHEET_COLUMNS.map((c, i) => [c.key, cells[i]])) as Record<
      (typeof STAFF_SHEET_COLUMNS)[number]['key'],
      string
    >;
    const errors: string[] = [];
    const org = townships.get(raw.orgCode);
    if (!org) errors.push(`单位代码“${raw.orgCode}”不是本县乡镇`);
    const candidate = {
      ...raw,
      orgCode: undefined,
      gender: labelToKey(GENDER_LABELS, raw.gender) ?? raw.gender,
      politicalStatus: labelToKey(POLITICAL_LABELS, raw.politicalStatus) ?? raw.politicalStatus,
      education: labelToKey(EDUCATION_LABELS, raw.education) ?? raw.education,
    };
    delete candidate.orgCode;
    const result = staffParticularsSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push(cellError(issue));
    }
    const idNumber = raw.idNumber.toUpperCase();
    if (idNumber && seen.has(idNumber)) errors.push(`身份证号与第 ${seen.get(idNumber)} 行重复`);
    else if (idNumber) seen.set(idNumber, r);
    if (errors.length > 0) report.push({ row: r, errors });
    else parsed.push({ row: r, orgId: org!.id, p: result.data! });
  }
  // Against the database: people already filed, and townships pushed past three.
  const known = new Set([
    ...(
      await repo.staffByIdNumbers(
        db,
        parsed.map((x) => x.p.idNumber),
      )
    ).map((s) => s.idNumber),
    ...(await repo.openJoinWithIdNumber(
      db,
      parsed.map((x) => x.p.idNumber),
    )),
  ]);
  const counts = await repo.activeCountsByOrg(db);
  for (const x of parsed) {
    const errors: string[] = [];
    if (known.has(x.p.idNumber)) errors.push(`身份证号 ${x.p.idNumber} 已在人员信息库中`);
    const n = (counts.get(x.orgId) ?? 0) + 1;
    counts.set(x.orgId, n);
    if (n > STAFF_MAX) errors.push(`该乡镇办公室专职人员将达 ${n} 名，超过 ${STAFF_MAX} 名，请通过人员备案写明理由后报送`);
    if (errors.length > 0) report.push({ row: x.row, errors });
  }
  report.sort((a, b) => a.row - b.row);
  return { parsed, report };
}

/** Import a staff sheet: all rows or none. Each imported person enters with an acknowledged join filing. */
export async function importStaffSheet(db: Db, ctx: RequestContext, buffer: Buffer) {
  assertMay(ctx.actor, 'personnel.manage');
  if (buffer.length > STAFF_IMPORT_MAX_BYTES)
    throw new AppError(PersonnelErrors.IMPORT_TOO_LARGE, { limit: `${STAFF_IMPORT_MAX_BYTES / 1048576} MB` });
  const { parsed, report } = await readSheet(db, buffer);
  if (report.length > 0) throw new AppError(PersonnelErrors.IMPORT_INVALID_ROWS, { count: report.length }, { rows: report });
  if (parsed.length === 0) throw new AppError(PersonnelErrors.IMPORT_EMPTY);
  const deadlineDays = await filingDeadlineDays(db);
  try {
    return await db.transaction(async (tx) => {
      const inserted = await repo.insertStaff(
        tx,
        parsed.map((x) => ({ ...staffValues(x.p), orgId: x.orgId })),
      );
      const now = new Date();
      await repo.insertFilings(
        tx,
        inserted.map((s, i) => ({
          orgId: s.orgId,
          staffId: s.id,
          kind: 'join' as const,
          changeDate: parsed[i]!.p.startDate,
          filedBy: ctx.actor.userId,
          particulars: parsed[i]!.p,
          reason: '县委办批量导入',
          state: 'acknowledged' as const,
          deadlineDays,
          // The county's own registration of existing staff, not a township's filing: never late.
          late: false,
          decidedAt: now,
          decidedBy: ctx.actor.userId,
        })),
      );
      await writeAudit(tx, ctx, {
        action: 'personnel.import',
        entity: 'staff',
        after: { count: inserted.length, ids: inserted.map((s) => s.id) },
      });
      return { imported: inserted.length };
    });
  } catch (err) {
    mapPgError(err, {
      staff_id_number_key: PersonnelErrors.IMPORT_ID_NUMBER_FILED,
      staff_filings_open_join_uq: PersonnelErrors.IMPORT_ID_NUMBER_FILED,
    });
  }
}

export async function staffSheetTemplate(): Promise<Buffer> {
  return workbook([]);
}

/**
 * The database as a sheet in the import's columns. ID numbers are whole only for the exporter who
 * may reveal them (personnel.policy.ts), masked otherwise; every export is audited with its filter
 * and row counts.
 */
export async function exportStaffSheet(db: Db, ctx: RequestContext, opts: { orgId?: string }): Promise<Buffer> {
  const rows = await listStaff(db, ctx, { ...opts, status: 'active' });
  const whole = (orgId: string) => mayRevealStaffIdNumber(ctx.actor, orgId);
  const masked = rows.filter(({ staff: s }) => !whole(s.orgId)).length;
  const buffer = await workbook(
    rows.map(({ staff: s, orgCode }) => [
      orgCode,
      s.name,
      (whole(s.orgId) ? s.idNumber : maskStaffIdNumber(s.idNumber)) ?? '',
      GENDER_LABELS[s.gender],
      s.birthDate,
      s.ethnicity,
      POLITICAL_LABELS[s.politicalStatus],
      EDUCATION_LABELS[s.education],
      s.major,
      s.post,
      s.officeRole,
      s.phone,
      s.startDate,
    ]),
  );
  await db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'personnel.export',
      entity: 'staff',
      after: { filters: { orgId: opts.orgId ?? null, status: 'active' }, rows: rows.length, maskedIdNumbers: masked },
    }),
  );
  return buffer;
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('人员信息库');
  ws.addRow(STAFF_SHEET_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 14));
  // ID numbers and dates stay text, so Excel does not round 18 digits or reformat dates.
  ws.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
