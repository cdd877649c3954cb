/**
 * The 收文登记本 and 发文登记本 brought in from Excel (issue 12): every row checked first — dates,
 * numbers in the 〔年〕号 form, known orgs or free sender names, duplicates within the sheet and of what
 * is already registered — then all rows inserted in one transaction and audited as one operation, or
 * none with the list of bad rows and columns. Imported rows carry their batch id and are otherwise
 * rows like any other: the registers, search and metrics read them as they read native ones.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '@township-office/domain/dates';
import {
  CLASSIFICATION_LABELS,
  DOC_TYPES,
  URGENCY_LABELS,
  formatIncomingSerial,
  isClassified,
  parseDocNumber,
  type Classification,
  type DocType,
  type Urgency,
} from '@township-office/domain/documents';
import { INCOMING_IMPORT_COLUMNS, OUTGOING_IMPORT_COLUMNS } from '@township-office/domain/imports';
import type { Db } from '../../db/client.ts';
import { assertMay } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ImportRefused, RowReader, readSheet, templateWorkbook } from '../../platform/sheet-import.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import type { documents, incoming } from './documents.tables.ts';
import { registersImportRepository as repo } from './registers.import.repository.ts';

/** Labels as written in the paper book → keys; blank is 非密 / no urgency. */
const CLASSIFICATION_BY_LABEL: Record<string, Classification> = { 非密: 'none', 无: 'none' };
for (const [k, v] of Object.entries(CLASSIFICATION_LABELS)) if (v) CLASSIFICATION_BY_LABEL[v] = k as Classification;
const URGENCY_BY_LABEL: Record<string, Urgency> = { 普通: 'none', 无: 'none' };
for (const [k, v] of Object.entries(URGENCY_LABELS)) if (v) URGENCY_BY_LABEL[v] = k as Urgency;
const DOC_TYPE_BY_LABEL = Object.fromEntries(DOC_TYPES.map((d) => [d, d])) as Record<string, DocType>;
const CHANNEL_BY_LABEL: Record<string, 'paper' | 'online'> = { 纸质: 'paper', 网上: 'online' };
const SERIAL_RE = /^收〔(\d{4})〕([1-9]\d*)号$/;
const NAME_SPLIT = /[、，,；;\s]+/;

/** The county's orgs by full and short name (中共清溪县委办公室 and 县委办 name the same org). */
async function orgNames(db: Db): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const o of await listOrgs(db)) {
    m.set(o.name, o.id);
    if (o.shortName && !m.has(o.shortName)) m.set(o.shortName, o.id);
  }
  return m;
}

/** A day in China as a timestamp (noon, so no time zone moves it to another day). */
const chinaNoon = (day: string) => new Date(`${day}T12:00:00+08:00`);

export const incomingTemplate = () => templateWorkbook('收文登记本', INCOMING_IMPORT_COLUMNS);
export const outgoingTemplate = () => templateWorkbook('发文登记本', OUTGOING_IMPORT_COLUMNS);

export async function importIncomingRegister(db: Db, ctx: RequestContext, file: { fileName: string; bytes: Buffer }) {
  assertMay(ctx.actor, 'documents.receive');
  const orgId = ctx.actor.orgId;
  const rows = await readSheet(file.bytes, INCOMING_IMPORT_COLUMNS);
  const read = new RowReader(INCOMING_IMPORT_COLUMNS, chinaToday());
  const orgsByName = await orgNames(db);

  type Parsed = Omit<typeof incoming.$inferInsert, 'serial' | 'serialYear' | 'serialSeq'> & { row: number; given?: [number, number] };
  const parsed: Parsed[] = [];
  const serialRow = new Map<string, number>();
  const numberRow = new Map<string, number>();
  for (const r of rows) {
    const before = read.issues.length;
    const receivedDate = read.day(r, 'receivedDate', true, { notFuture: true });
    const senderName = read.text(r, 'senderName', 100, true);
    const docNumber = read.text(r, 'docNumber', 60);
    if (docNumber && !parseDocNumber(docNumber)) read.fail(r.row, 'docNumber', 'BAD_DOC_NUMBER', { value: docNumber });
    const title = read.text(r, 'title', 200, true);
    const docType = r.cells.docType === '' ? undefined : read.choice(r, 'docType', DOC_TYPE_BY_LABEL);
    const classification = read.choice(r, 'classification', CLASSIFICATION_BY_LABEL, 'none');
    const copies = read.int(r, 'copies', 1, 10_000);
    const urgency = read.choice(r, 'urgency', URGENCY_BY_LABEL, 'none');
    const proposal = read.text(r, 'proposal', 2000);
    const instruction = read.text(r, 'instruction', 2000);
    const deadline = read.day(r, 'deadline');
    const closedDate = read.day(r, 'closedDate', false, { notFuture: true });
    if (receivedDate && closedDate && closedDate < receivedDate)
      read.fail(r.row, 'closedDate', 'BEFORE', { other: read.header('receivedDate') });
    let given: [number, number] | undefined;
    const serial = read.text(r, 'serial', 30);
    if (serial) {
      const m = SERIAL_RE.exec(serial);
      if (!m) read.fail(r.row, 'serial', 'BAD_SERIAL', { value: serial });
      else if (receivedDate && Number(m[1]) !== Number(receivedDate.slice(0, 4))) read.fail(r.row, 'serial', 'SERIAL_YEAR');
      else {
        given = [Number(m[1]), Number(m[2])];
        const key = `${given[0]}:${given[1]}`;
        if (serialRow.has(key)) read.fail(r.row, 'serial', 'DUPLICATE_IN_SHEET', { other: serialRow.get(key)! });
        else serialRow.set(key, r.row);
      }
    }
    if (senderName && docNumber) {
      const key = `${senderName}|${docNumber}`;
      if (numberRow.has(key)) read.fail(r.row, 'docNumber', 'DUPLICATE_IN_SHEET', { other: numberRow.get(key)! });
      else numberRow.set(key, r.row);
    }
    if (read.issues.length > before) continue;
    parsed.push({
      row: r.row,
      ...(given ? { given } : {}),
      orgId,
      channel: 'paper',
      senderOrgId: orgsByName.get(senderName!) ?? null,
      senderName: senderName!,
      docNumber: docNumber ?? null,
      title: title!,
      docType: docType ?? null,
      urgency: urgency!,
      classification: classification!,
      copies: copies!,
      receivedDate: receivedDate!,
      receivedBy: ctx.actor.userId,
      receivedAt: chinaNoon(receivedDate!),
      status: closedDate ? 'closed' : 'received',
      proposal: proposal ?? null,
      instruction: instruction ?? null,
      deadline: deadline ?? null,
      closedAt: closedDate ? chinaNoon(closedDate) : null,
    });
  }
  // Against the register: serials and 来文字号 already there.
  const years = [...new Set(parsed.filter((p) => p.given).map((p) => p.given![0]))];
  const [takenSerials, takenNumbers] = await Promise.all([
    repo.incomingSerials(db, orgId, years),
    repo.incomingDocNumbers(db, orgId, [...new Set(parsed.flatMap((p) => (p.docNumber ? [p.docNumber] : [])))]),
  ]);
  for (const p of parsed) {
    if (p.given && takenSerials.has(`${p.given[0]}:${p.given[1]}`))
      read.fail(p.row, 'serial', 'DUPLICATE_IN_REGISTER', { value: formatIncomingSerial(p.given[0], p.given[1]) });
    if (p.docNumber && takenNumbers.has(`${p.senderName}|${p.docNumber}`))
      read.fail(p.row, 'docNumber', 'DUPLICATE_IN_REGISTER', { value: p.docNumber });
  }
  if (read.issues.length > 0) throw new ImportRefused(read.issues);

  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    // Given numbers first (each year's counter moves past the highest), then the blank ones follow in sheet order.
    const maxByYear = new Map<number, number>();
    for (const p of parsed) if (p.given) maxByYear.set(p.given[0], Math.max(maxByYear.get(p.given[0]) ?? 0, p.given[1]));
    for (const [year, max] of maxByYear) await repo.raiseIncomingCounter(tx, orgId, year, max);
    const next = new Map<number, number>();
    const values: (typeof incoming.$inferInsert)[] = [];
    for (const { row: _row, given, ...p } of parsed) {
      const year = given ? given[0] : Number(p.receivedDate.slice(0, 4));
      let seq = given?.[1];
      if (seq === undefined) {
        if (!next.has(year)) next.set(year, (await repo.incomingCounter(tx, orgId, year)) + 1);
        seq = next.get(year)!;
        next.set(year, seq + 1);
      }
      values.push({ ...p, serialYear: year, serialSeq: seq, serial: formatIncomingSerial(year, seq), importBatchId: batchId });
    }
    for (const [year, n] of next) await repo.raiseIncomingCounter(tx, orgId, year, n - 1);
    const imported = await repo.insertIncoming(tx, values);
    await writeAudit(tx, ctx, {
      action: 'incoming.import',
      entity: 'import_batch',
      entityId: batchId,
      orgId,
      after: { register: 'incoming', fileName: file.fileName, imported, first: values[0]?.serial, last: values.at(-1)?.serial },
    });
    return { imported, batchId };
  });
}

/** Recipient names → the county's org ids; names of outside bodies stay as text in the remark. */
function recipients(names: string | undefined, orgsByName: Map<string, string>) {
  const list = (names ?? '').split(NAME_SPLIT).filter(Boolean);
  const ids = list.flatMap((n) => (orgsByName.has(n) ? [orgsByName.get(n)!] : []));
  const others = list.filter((n) => !orgsByName.has(n));
  return { ids: [...new Set(ids)], others };
}

export async function importOutgoingRegister(db: Db, ctx: RequestContext, file: { fileName: string; bytes: Buffer }) {
  assertMay(ctx.actor, 'documents.dispatch');
  const orgId = ctx.actor.orgId;
  const rows = await readSheet(file.bytes, OUTGOING_IMPORT_COLUMNS);
  const read = new RowReader(OUTGOING_IMPORT_COLUMNS, chinaToday());
  const orgsByName = await orgNames(db);
  type Parsed = typeof documents.$inferInsert & { row: number };
  const parsed: Parsed[] = [];
  const numberRow = new Map<string, number>();
  for (const r of rows) {
    const before = read.issues.length;
    const docNumber = read.text(r, 'docNumber', 60, true);
    const number = docNumber ? parseDocNumber(docNumber) : null;
    if (docNumber && !number) read.fail(r.row, 'docNumber', 'BAD_DOC_NUMBER', { value: docNumber });
    if (docNumber && number) {
      if (numberRow.has(docNumber)) read.fail(r.row, 'docNumber', 'DUPLICATE_IN_SHEET', { other: numberRow.get(docNumber)! });
      else numberRow.set(docNumber, r.row);
    }
    const title = read.text(r, 'title', 200, true);
    const docType = read.choice(r, 'docType', DOC_TYPE_BY_LABEL);
    const classification = read.choice(r, 'classification', CLASSIFICATION_BY_LABEL, 'none');
    const urgency = read.choice(r, 'urgency', URGENCY_BY_LABEL, 'none');
    const drafter = read.text(r, 'drafter', 40);
    const signer = read.text(r, 'signer', 40, true);
    const writtenDate = read.day(r, 'writtenDate', true, { notFuture: true });
    const main = recipients(read.text(r, 'mainRecipients', 1000, true), orgsByName);
    if (r.cells.mainRecipients !== '' && main.ids.length === 0)
      read.fail(r.row, 'mainRecipients', 'NO_RECIPIENT_ORG', { value: String(r.cells.mainRecipients) });
    const copy = recipients(read.text(r, 'copyRecipients', 1000), orgsByName);
    const copies = read.int(r, 'copies', 1, 10_000);
    const channel = read.choice(r, 'channel', CHANNEL_BY_LABEL, 'paper');
    if (classification && isClassified(classification) && channel === 'online') read.fail(r.row, 'channel', 'CLASSIFIED_ONLINE');
    const remark = read.text(r, 'remark', 500);
    if (read.issues.length > before) continue;
    const outside = [...main.others, ...copy.others];
    parsed.push({
      row: r.row,
      orgId,
      docType: docType!,
      title: title!,
      urgency: urgency!,
      classification: classification!,
      status: 'dispatched',
      mainRecipientOrgIds: main.ids,
      copyRecipientOrgIds: copy.ids,
      drafterId: ctx.actor.userId,
      draftedAt: chinaNoon(writtenDate!),
      // The signer of an old paper document is a name, not an account: the importer stands as the account.
      signerId: ctx.actor.userId,
      signerName: signer!,
      signedAt: chinaNoon(writtenDate!),
      writtenDate: writtenDate!,
      numberPrefix: number!.prefix,
      numberYear: number!.year,
      numberSeq: number!.seq,
      docNumber: docNumber!,
      numberedBy: ctx.actor.userId,
      numberedAt: chinaNoon(writtenDate!),
      channel: channel!,
      dispatchedBy: ctx.actor.userId,
      dispatchedAt: chinaNoon(writtenDate!),
      copies: copies!,
      remark:
        [drafter ? `拟稿人：${drafter}` : '', outside.length ? `外单位：${outside.join('、')}` : '', remark ?? '']
          .filter(Boolean)
          .join('；') || null,
    });
  }
  const taken = await repo.outgoingNumbers(
    db,
    parsed.map((p) => p.docNumber!),
  );
  for (const p of parsed) if (taken.has(p.docNumber!)) read.fail(p.row, 'docNumber', 'DUPLICATE_IN_REGISTER', { value: p.docNumber! });
  if (read.issues.length > 0) throw new ImportRefused(read.issues);

  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    const maxBy = new Map<string, { prefix: string; year: number; seq: number }>();
    for (const p of parsed) {
      const k = `${p.numberPrefix}|${p.numberYear}`;
      if ((maxBy.get(k)?.seq ?? 0) < p.numberSeq!) maxBy.set(k, { prefix: p.numberPrefix!, year: p.numberYear!, seq: p.numberSeq! });
    }
    for (const m of maxBy.values()) await repo.raiseDocNumberCounter(tx, orgId, m.prefix, m.year, m.seq);
    const imported = await repo.insertDocuments(
      tx,
      parsed.map(({ row: _row, ...p }) => ({ ...p, importBatchId: batchId })),
    );
    await writeAudit(tx, ctx, {
      action: 'documents.import',
      entity: 'import_batch',
      entityId: batchId,
      orgId,
      after: { register: 'outgoing', fileName: file.fileName, imported, first: parsed[0]?.docNumber, last: parsed.at(-1)?.docNumber },
    });
    return { imported, batchId };
  });
}
