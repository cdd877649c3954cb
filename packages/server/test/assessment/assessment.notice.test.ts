/**
 * The scheme issued as a 通知 (关于印发《…》的通知) through the documents flow: an outgoing draft of
 * the county office to the assessed offices with the printed scheme attached, read back as a PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { as, tableDigest, testApp } from '../helpers.ts';
import { readPdf } from '../print/pdf-reader.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';

let app: App;
let database: Database;
type Client = Awaited<ReturnType<typeof as>>;
let admin: Client, clerk: Client, town1: Client;
const year = chinaYear();
let scheme: { id: string; title: string };

beforeAll(async () => {
  ({ app, database } = await testApp());
  [admin, clerk, town1] = await Promise.all([as(app, 'county.admin'), as(app, 'county.clerk'), as(app, 'town01.clerk')]);
  const list = (await admin.get(`/api/assessment/schemes?year=${year}`)).json().items;
  scheme = list.find((i: { targetKind: string }) => i.targetKind === 'township');
});

async function refused(call: () => Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>, status: number) {
  const before = await tableDigest(database);
  const r = await call();
  expect(r.statusCode, JSON.stringify(r.json())).toBe(status);
  expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await tableDigest(database)).toBe(before);
  return r.json().error as { code: string; message: string; details?: { documentId: string } };
}

describe('the scheme issued as a 通知', () => {
  it('only the county admin may issue it, and only once published', async () => {
    await refused(() => clerk.post(`/api/assessment/schemes/${scheme.id}/notice-document`), 403);
    await refused(() => town1.post(`/api/assessment/schemes/${scheme.id}/notice-document`), 403);
    const draft = (
      await admin.post('/api/assessment/schemes', {
        year: year + 7,
        targetKind: 'township',
        title: '草稿细则',
        copyFromSchemeId: scheme.id,
      })
    ).json();
    const e = await refused(() => admin.post(`/api/assessment/schemes/${draft.id}/notice-document`), 409);
    expect(e.code).toBe('ASSESSMENT_NOTICE_NOT_PUBLISHED');
    const en = await admin.post(`/api/assessment/schemes/${draft.id}/notice-document`, undefined, { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/publication/);
  });

  it('creates the county office’s outgoing draft to every assessed office with the printed scheme attached', async () => {
    const r = await admin.post(`/api/assessment/schemes/${scheme.id}/notice-document`);
    expect(r.statusCode, r.body).toBe(201);
    const { documentId } = r.json();
    const doc = (await admin.get(`/api/documents/${documentId}`)).json();
    expect(doc.title).toBe(`关于印发《${scheme.title}》的通知`);
    expect(doc.docType).toBe('通知');
    expect(doc.status).toBe('draft');
    const countyOffice = (await database.pool.query("SELECT id FROM orgs WHERE kind = 'county_office'")).rows[0].id;
    expect(doc.orgId).toBe(countyOffice);
    const targets = (await admin.get(`/api/assessment/schemes/${scheme.id}/results`)).json().items.map((i: { orgId: string }) => i.orgId);
    expect(targets).toHaveLength(18);
    expect([...doc.mainRecipientOrgIds].sort()).toEqual([...targets].sort());
    expect(doc.attachments).toHaveLength(1);
    const att = doc.attachments[0];
    expect(att.mime).toBe('application/pdf');
    const file = await admin.get(`/api/documents/${documentId}/attachments/${att.id}`);
    expect(file.statusCode).toBe(200);
    const pages = await readPdf(file.rawPayload);
    const text = pages.flatMap((p) => p.items.map((i) => i.str)).join('');
    expect(text).toContain(scheme.title);
    const detail = (await admin.get(`/api/assessment/schemes/${scheme.id}`)).json();
    expect(text).toContain(detail.indicators.find((i: { name: string }) => i.name === '分管负责人重视办公室工作情况').name);
    // Audited with the document it made.
    const audit = await database.pool.query("SELECT after FROM audit_log WHERE action = 'assessment.scheme.notice' AND entity_id = $1", [
      scheme.id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.documentId).toBe(documentId);

    // A second call while that draft lives: 409 naming it, nothing written.
    const again = await refused(() => admin.post(`/api/assessment/schemes/${scheme.id}/notice-document`), 409);
    expect(again.code).toBe('ASSESSMENT_NOTICE_EXISTS');
    expect(again.message).toContain(documentId);
    expect(again.details?.documentId).toBe(documentId);
  });

  it('a final scheme is not issued; a body is refused', async () => {
    const last = (await admin.get(`/api/assessment/schemes?year=${year - 1}`))
      .json()
      .items.find((i: { targetKind: string }) => i.targetKind === 'township');
    expect((await refused(() => admin.post(`/api/assessment/schemes/${last.id}/notice-document`), 409)).code).toBe(
      'ASSESSMENT_NOTICE_NOT_PUBLISHED',
    );
    await refused(() => admin.post(`/api/assessment/schemes/${scheme.id}/notice-document`, { title: '别的标题' }), 400);
  });

  it('bad ids: 4xx, nothing written', async () => {
    await refused(() => admin.post('/api/assessment/schemes/nope/notice-document'), 400);
    await refused(() => admin.post('/api/assessment/schemes/00000000-0000-4000-8000-000000000000/notice-document'), 404);
  });
});
