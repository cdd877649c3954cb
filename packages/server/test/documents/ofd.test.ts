/**
 * Issue 13, the document as OFD (GB/T 33190-2016), through HTTP on the demo county: the package is
 * read back the way a reader finds its parts (OFD.xml → DocRoot → Document.xml → PublicRes and
 * pages) and its text is measured against the PDF of the same document, read by pdfjs: the same
 * pages, the same lines at the same places (within 0.5 mm), the red separator where GB/T 9704
 * 7.2.7 puts it. Refusals follow the PDF's rule; a classified record answers the metadata's 409.
 */
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, testApp } from '../helpers.ts';
import { expectSameLines, expectSamePlace, ofdLines, pdfLines, squash, TOLERANCE_MM, type Line } from '../print/layout-compare.ts';
import { MM, readPdf, type ReadPage } from '../print/pdf-reader.ts';
import { OFD_NS, readOfd, type OfdRead } from '../print/ofd-reader.ts';
import { sampleNotice } from '../print/sample-notice.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let docId: string;
let docNumber: string;
let ofdBytes: Buffer;
let ofd: OfdRead;
let pdf: ReadPage[];

const RED = '230 0 18';

/** A signed, numbered notice long enough for several pages, a 版记 and page numbers. */
async function numberedNotice(extra: Record<string, unknown> = {}): Promise<string> {
  const d = await a.clerk.post('/api/documents', {
    docType: '通知',
    title: sampleNotice.title,
    body: (sampleNotice.body as string[]).join('\n'),
    mainRecipientOrgIds: townships.slice(0, 3),
    copyRecipientOrgIds: townships.slice(3, 6),
    urgency: 'urgent',
    classification: 'none',
    remark: '联系人：王明，联系电话：0791-12345678',
    ...extra,
  });
  expectStatus(d, 201);
  const id = d.json().id as string;
  expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
  expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
  expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' }), 200);
  expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
  expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 200);
  return id;
}

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ townships } = await orgIds(a.clerk));
  docId = await numberedNotice();
  docNumber = (await a.clerk.get(`/api/documents/${docId}`)).json().docNumber;
  const res = await a.clerk.get(`/api/documents/${docId}/ofd`);
  expectStatus(res, 200);
  expect(res.headers['content-type']).toBe('application/ofd');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment;.*\.ofd/);
  ofdBytes = res.rawPayload;
  ofd = readOfd(ofdBytes);
  const p = await a.clerk.get(`/api/documents/${docId}/pdf`);
  expectStatus(p, 200);
  pdf = await readPdf(p.rawPayload);
});

describe('the OFD package (GB/T 33190-2016)', () => {
  it('is a zip with OFD.xml at the root pointing to its DocRoot, every part in the ofd namespace', () => {
    expect(ofdBytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(Object.keys(ofd.files)[0]).toBe('OFD.xml');
    const root = ofd.xml('OFD.xml')['ofd:OFD'] as Record<string, unknown>;
    expect(root['@Version']).toBe('1.0');
    expect(root['@DocType']).toBe('OFD');
    const info = (root['ofd:DocBody'] as Record<string, Record<string, unknown>>)['ofd:DocInfo']!;
    expect(info['ofd:DocID']).toBe(docId.replace(/-/g, ''));
    expect(info['ofd:Title']).toBe(sampleNotice.title);
    expect(ofd.docRoot).toBe('Doc_0/Document.xml');
    for (const file of Object.keys(ofd.files).filter((f) => f.endsWith('.xml'))) {
      const [rootName, node] = Object.entries(ofd.xml(file)).find(([k]) => k.startsWith('ofd:'))!;
      expect((node as Record<string, unknown>)['@xmlns:ofd'], `${file} <${rootName}>`).toBe(OFD_NS);
    }
  });

  it('gives every object a unique ID no greater than MaxUnitID', () => {
    const ids = Object.entries(ofd.files)
      .filter(([f]) => f.endsWith('.xml'))
      .flatMap(([, bytes]) => [...new TextDecoder().decode(bytes).matchAll(/\sID="(\d+)"/g)].map((m) => Number(m[1])));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBe(ofd.maxUnitId);
  });

  it('embeds every font it names: a TrueType file in the package whose cmap maps the characters set in it', () => {
    expect(ofd.fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of ofd.fonts) {
      const bytes = ofd.files[f.file];
      expect(bytes, f.file).toBeDefined();
      const magic = Buffer.from(bytes!.subarray(0, 4));
      expect(['00010000', '4f54544f', '74727565']).toContain(magic.toString('hex'));
      // A subset, not the 14.8 MB face.
      expect(bytes!.length).toBeLessThan(1_000_000);
      const face = fontkit.create(Buffer.from(bytes!)) as fontkit.Font;
      expect(face.postscriptName).toBe(f.fontName);
      const chars = new Set(ofd.pages.flatMap((p) => p.texts.filter((t) => t.fontId === f.id).flatMap((t) => [...t.text])));
      expect(chars.size).toBeGreaterThan(0);
      for (const ch of chars) if (ch !== ' ') expect(face.glyphForCodePoint(ch.codePointAt(0)!).id, `${ch} in ${f.fontName}`).not.toBe(0);
    }
    // Every text object refers to one of them.
    const ids = new Set(ofd.fonts.map((f) => f.id));
    for (const p of ofd.pages) for (const t of p.texts) expect(ids.has(t.fontId)).toBe(true);
  });

  it('has A4 pages, as many as the PDF', () => {
    expect(ofd.physicalBox).toEqual([0, 0, 210, 297]);
    expect(pdf.length).toBeGreaterThanOrEqual(2);
    expect(ofd.pages).toHaveLength(pdf.length);
  });
});

describe('the same layout as the PDF', () => {
  it('puts the title, the 发文字号 and the first body line where the PDF does', () => {
    const titleO = ofdLines(ofd.pages[0]!, 22);
    const titleP = pdfLines(pdf[0]!, 22);
    expect(titleO.length).toBe(titleP.length);
    titleP.forEach((l, i) => expectSamePlace(titleO[i], l, `title line ${i + 1}`));
    const number = (lines: Line[]) => lines.find((l) => l.text === docNumber);
    expectSamePlace(number(ofdLines(ofd.pages[0]!, 16)), number(pdfLines(pdf[0]!, 16)), '发文字号');
    const below = (lines: Line[]) => lines.find((l) => l.baseline > titleP[titleP.length - 1]!.baseline);
    expectSamePlace(below(ofdLines(ofd.pages[0]!, 16)), below(pdfLines(pdf[0]!, 16)), 'first body line');
  });

  it('numbers every page where the PDF does', () => {
    pdf.forEach((p, i) => {
      const label = (lines: Line[]) => lines.find((l) => /^—\s*\d+\s*—$/.test(l.text));
      const inPdf = label(pdfLines(p, 14));
      if (!inPdf) return;
      expectSamePlace(label(ofdLines(ofd.pages[i]!, 14)), inPdf, `page number ${i + 1}`);
    });
    expect(ofdLines(ofd.pages[0]!, 14).map((l) => squash(l.text))).toContain('—1—');
  });

  it('sets every line of every page, 版记 included, at the PDF’s place', () => {
    expect(expectSameLines(ofd, pdf)).toBeGreaterThan(40);
    const last = ofdLines(ofd.pages[ofd.pages.length - 1]!, 14).map((l) => l.text);
    expect(last.some((t) => t.startsWith('抄送：'))).toBe(true);
    expect(last.some((t) => t.endsWith('印发'))).toBe(true);
  });

  it('advances full-width body characters by one grid cell (156 mm / 28)', () => {
    const runs = ofd.pages[1]!.texts.filter((t) => Math.abs(t.size - 16 / MM) < 0.01 && [...t.text].length >= 10);
    expect(runs.length).toBeGreaterThan(10);
    for (const t of runs) {
      const steps = t.glyphX.slice(1).map((x, i) => x - t.glyphX[i]!);
      for (const s of steps) expect(s).toBeCloseTo(156 / 28, 2);
    }
  });

  it('prints the masthead alone in red and the red separator 4 mm under the 发文字号, across the text block', () => {
    const page = ofd.pages[0]!;
    const red = page.texts.filter((t) => t.color === RED);
    expect(red.map((t) => t.text)).toEqual([expect.stringMatching(/文件$/)]);
    expect(red[0]!.hScale).toBeLessThanOrEqual(1);
    const rules = page.paths.filter((p) => p.color === RED);
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(rule.y1).toBeCloseTo(rule.y2, 3);
    expect(rule.x1).toBeCloseTo(28, 1);
    expect(rule.x2).toBeCloseTo(28 + 156, 1);
    // 7.2.7: 4 mm under the 发文字号's em box (its top is 0.88 em above the baseline, measured in the PDF).
    const number = pdfLines(pdf[0]!, 16).find((l) => l.text === docNumber)!;
    const expected = number.baseline - (0.88 * 16) / MM + 16 / MM + 4;
    expect(Math.abs(rule.y1 - expected)).toBeLessThanOrEqual(TOLERANCE_MM);
    expect(rule.lineWidth).toBeCloseTo(1.2 / MM, 2);
    expect(pdf[0]!.strokeColors).toContain('230,0,18');
  });
});

describe('what has no OFD', () => {
  let town01: Client;
  let town02: Client;
  beforeAll(async () => {
    town01 = await as(app, 'town01.clerk');
    town02 = await as(app, 'town02.clerk');
  });

  it('answers 409 for a classified record, in zh-CN, zh-TW and English', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于开展保密检查的通知',
      body: null,
      mainRecipientOrgIds: townships,
      classification: 'secret',
    });
    expectStatus(d, 201);
    const secret = d.json().id as string;
    expectStatus(await a.clerk.post(`/api/documents/${secret}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${secret}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.leader.post(`/api/documents/${secret}/sign-off`, { opinion: '同意' }), 200);
    const zh = await a.clerk.get(`/api/documents/${secret}/ofd`);
    expectStatus(zh, 409);
    expect(zh.json().error.code).toBe('CLASSIFIED_NOT_ELECTRONIC');
    expect(zh.json().error.message).toContain('纸质原件');
    const tw = await a.clerk.get(`/api/documents/${secret}/ofd`, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toContain('紙質原件');
    const en = await a.clerk.get(`/api/documents/${secret}/ofd`, { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('exists on paper only');
  });

  it("answers another township's document as the PDF does (404), a bare draft as the PDF does, a bad id with 400", async () => {
    const d = await town01.post('/api/documents', {
      docType: '通知',
      title: '关于值班的通知',
      body: '各村要高度重视。',
      mainRecipientOrgIds: townships.slice(1, 2),
    });
    expectStatus(d, 201);
    const theirs = d.json().id as string;
    const other = await town02.get(`/api/documents/${theirs}/ofd`);
    expectStatus(other, 404);
    expect(other.statusCode).toBe((await town02.get(`/api/documents/${theirs}/pdf`)).statusCode);
    // Audited as the refused PDF is: an access-denied row each, naming the route.
    const denied = await database.pool.query(
      `SELECT after FROM audit_log WHERE action = 'access.denied' AND actor_username = 'town02.clerk' AND after->>'path' LIKE $1 ORDER BY id`,
      [`/api/documents/${theirs}/%`],
    );
    expect(denied.rows.map((r: { after: { route: string; status: number } }) => [r.after.route, r.after.status])).toEqual([
      ['/api/documents/:id/ofd', 404],
      ['/api/documents/:id/pdf', 404],
    ]);
    const draft = await town01.get(`/api/documents/${theirs}/ofd`);
    expect(draft.statusCode).toBe((await town01.get(`/api/documents/${theirs}/pdf`)).statusCode);
    expect(draft.statusCode).toBe(409);
    expectStatus(await a.clerk.get('/api/documents/not-a-uuid/ofd'), 400);
  });

  it('offers the OFD in the slip where the PDF is offered', async () => {
    const slip = (await a.clerk.get(`/api/documents/${docId}`)).json();
    expect(slip.allowedActions).toEqual(expect.arrayContaining(['pdf', 'ofd']));
  });
});
