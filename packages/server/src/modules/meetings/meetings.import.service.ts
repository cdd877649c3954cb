/**
 * The meeting minutes' index (会议记录索引) brought in from Excel (issue 12): one line per meeting of
 * the paper minute books — date, kind, name, place, host, recorder, attendees, topics and where the
 * paper record is kept. Imported as confirmed minutes (they are on record), all rows or none, through
 * the register's own insert, audited as one operation.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '@township-office/domain/dates';
import { MEETING_IMPORT_COLUMNS } from '@township-office/domain/imports';
import { MEETING_KIND_LABELS, type AgendaItem, type MeetingKind } from '@township-office/domain/meetings';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ImportRefused, RowReader, readSheet, templateWorkbook } from '../../platform/sheet-import.ts';
import { meetingsRepository } from './meetings.repository.ts';
import type { meetings } from './meetings.tables.ts';

const KIND_BY_LABEL: Record<string, MeetingKind> = { 政府常务会: 'executive', 办公会: 'executive' };
for (const [k, v] of Object.entries(MEETING_KIND_LABELS)) KIND_BY_LABEL[v] = k as MeetingKind;
const NAMES = /[、，,\s]+/;
const TOPICS = /[；;\n]+/;

export const meetingTemplate = () => templateWorkbook('会议记录索引', MEETING_IMPORT_COLUMNS);

export async function importMeetingIndex(db: Db, ctx: RequestContext, file: { fileName: string; bytes: Buffer }) {
  assertMay(ctx.actor, 'meetings.record');
  const rows = await readSheet(file.bytes, MEETING_IMPORT_COLUMNS);
  const read = new RowReader(MEETING_IMPORT_COLUMNS, chinaToday());
  const values: (typeof meetings.$inferInsert)[] = [];
  for (const r of rows) {
    const before = read.issues.length;
    const date = read.day(r, 'date', true, { notFuture: true });
    const timeText = read.text(r, 'time', 5) ?? '09:00';
    const time = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/.exec(timeText);
    if (!time) read.fail(r.row, 'time', 'UNKNOWN_VALUE', { allowed: '09:00、14:30' });
    const kind = read.choice(r, 'kind', KIND_BY_LABEL);
    const title = read.text(r, 'title', 200, true);
    const place = read.text(r, 'place', 100, true);
    const hostName = read.text(r, 'hostName', 40, true);
    const recorderName = read.text(r, 'recorderName', 40, true);
    const attendees = (read.text(r, 'attendees', 4000) ?? '').split(NAMES).filter(Boolean);
    const topics = (read.text(r, 'topics', 4000) ?? '')
      .split(TOPICS)
      .map((t) => t.trim())
      .filter(Boolean);
    if (topics.some((t) => Array.from(t).length > 200)) read.fail(r.row, 'topics', 'TOO_LONG', { max: 200 });
    const location = read.text(r, 'location', 200);
    if (read.issues.length > before) continue;
    const startsAt = new Date(`${date}T${time![1]!.padStart(2, '0')}:${time![2]}:00+08:00`);
    const note = location ? `原始记录：${location}` : '原始记录为纸质会议记录本';
    const items: AgendaItem[] = topics.length
      ? topics.map((t, i) => ({ title: t, discussion: i === 0 ? note : '', decisions: [] }))
      : [{ title: '会议记录（纸质）', discussion: note, decisions: [] }];
    values.push({
      orgId: ctx.actor.orgId,
      kind: kind!,
      title: title!,
      startsAt,
      place: place!,
      // Old minutes name their host and recorder; the accounts are the importer's, the names are theirs.
      hostUserId: ctx.actor.userId,
      hostName: hostName!,
      recorderUserId: ctx.actor.userId,
      recorderName: recorderName!,
      attendees,
      items,
      status: 'confirmed',
      finalisedAt: startsAt,
      confirmedAt: startsAt,
      createdBy: ctx.actor.userId,
    });
  }
  if (read.issues.length > 0) throw new ImportRefused(read.issues);
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    for (const v of values) await meetingsRepository.insert(tx, { ...v, importBatchId: batchId });
    await writeAudit(tx, ctx, {
      action: 'meeting.import',
      entity: 'import_batch',
      entityId: batchId,
      orgId: ctx.actor.orgId,
      after: { register: 'meetings', fileName: file.fileName, imported: values.length },
    });
    return { imported: values.length, batchId };
  });
}
