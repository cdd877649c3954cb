import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parseArchivalCode } from '@township-office/domain/archives';
import { archivedShareByOrg } from '../../src/modules/archives/archives.metrics.ts';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const town = await as(app, 'town09.clerk');
const town2 = await as(app, 'town10.clerk');
const county = await as(app, 'county.clerk');

const manual = (title: string, extra: Record<string, unknown> = {}) => ({
  retention: 'Y',
  classCode: 'BGS',
  source: { kind: 'manual', year, responsible: '青石乡人民政府', title, date: `${year}-03-01`, pages: 3, ...extra },
});

async function configure(c = town, fondsCode = 'Z109', scheme: 'unit' | 'subject' = 'unit') {
  const res = await c.put('/api/archives/config', {
    fondsCode,
    scheme,
    classes: [
      { kind: 'unit', code: 'BGS', name: '办公室' },
      { kind: 'subject', code: 'DJ', name: '党建' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('the set-up as the API publishes it', () => {
  it('sends the 全宗号, the scheme and the classes, and none of the table columns behind them', async () => {
    await configure();
    const res = await town.get('/api/archives/config');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['classes', 'config']);
    expect(body.config).toEqual({ fondsCode: 'Z109', scheme: 'unit' });
    expect(body.classes).toContainEqual({ kind: 'subject', code: 'DJ', name: '党建' });
    for (const c of body.classes) expect(Object.keys(c).sort()).toEqual(['code', 'kind', 'name']);
  });
});

describe('filing and the archival code', () => {
  it('files an item with the 档号 of the rule', async () => {
    await configure();
    const res = await town.post('/api/archives/items', manual('关于开展春季植树活动的通知'));
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item.archivalCode).toMatch(new RegExp(`^Z109-WS·${year}-Y-BGS-\\d{4}$`));
    expect(parseArchivalCode(item.archivalCode)).toMatchObject({
      fondsCode: 'Z109',
      year,
      retention: 'Y',
      classCode: 'BGS',
      itemNo: item.itemNo,
    });
  });

  it('200 concurrent archive requests yield gap-free item numbers', async () => {
    await configure();
    const first = (await town.post('/api/archives/items', { ...manual('并发前一件'), retention: 'D10' })).json().itemNo as number;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => town.post('/api/archives/items', { ...manual(`并发归档第${i + 1}件`), retention: 'D10' })),
    );
    expect(
      results.every((r) => r.statusCode === 201),
      results.find((r) => r.statusCode !== 201)?.body,
    ).toBe(true);
    const numbers = results.map((r) => r.json().itemNo as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => first + 1 + i));
    const codes = new Set(results.map((r) => r.json().archivalCode));
    expect(codes.size).toBe(200);
  });

  it('refuses to edit an archived item (409) and the database refuses too; corrections are annotations', async () => {
    await configure();
    const item = (await town.post('/api/archives/items', manual('待更正的一件'))).json();
    const before = await tableDigest(database);
    const put = await town.put(`/api/archives/items/${item.id}`, { title: '改过的题名' });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('ARCHIVE_IMMUTABLE');
    expect((await town.patch(`/api/archives/items/${item.id}`, { title: 'x' })).statusCode).toBe(409);
    expect(await tableDigest(database)).toBe(before);
    await expect(database.pool.query("UPDATE archive_items SET title = 'x' WHERE id = $1", [item.id])).rejects.toThrow(/immutable/);
    await expect(database.pool.query('DELETE FROM archive_items WHERE id = $1', [item.id])).rejects.toThrow(/immutable/);
    const note = await town.post(`/api/archives/items/${item.id}/annotations`, { field: 'title', note: '题名应为“待更正的一件文件”' });
    expect(note.statusCode, note.body).toBe(201);
    const cat = (await town.get(`/api/archives/catalogue?year=${year}&retention=Y&unitCode=BGS`)).json();
    expect(cat.items.find((r: { id: string }) => r.id === item.id).remark).toContain('更正');
  });

  it('a catalogue naming both 机构 and 问题 is 400; filing a subject into a year filed by unit is 409; nothing written', async () => {
    await configure();
    await town.post('/api/archives/items', manual('按机构归档的一件'));
    const before = await tableDigest(database);
    const both = await town.get(`/api/archives/catalogue?year=${year}&retention=Y&unitCode=BGS&subjectCode=DJ`);
    expect(both.statusCode).toBe(400);
    const asSubject = await town.get(`/api/archives/catalogue?year=${year}&retention=Y&subjectCode=BGS`);
    expect(asSubject.statusCode).toBe(409);
    expect(asSubject.json().error.code).toBe('ARCHIVE_SCHEME_MISMATCH');
    await configure(town, 'Z109', 'subject');
    const afterConfig = await tableDigest(database);
    const mixed = await town.post('/api/archives/items', { ...manual('按问题归档的一件'), classCode: 'DJ' });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toContain('不能混用');
    expect(await tableDigest(database)).toBe(afterConfig);
    expect(before).not.toBe(afterConfig);
    await configure();
  });

  it("hides another org's item", async () => {
    await configure();
    const item = (await town.post('/api/archives/items', manual('本乡的一件'))).json();
    expect((await town2.get(`/api/archives/items/${item.id}`)).statusCode).toBe(404);
    expect((await county.get(`/api/archives/items/${item.id}`)).statusCode).toBe(200);
  });
});

describe('closed documents of the demo county', () => {
  it('the previous year is archived, reply/slip/document in order, and the share metric counts it', async () => {
    const share = await archivedShareByOrg(database.db, year - 1);
    const total = share.reduce((s, r) => s + r.closed, 0);
    expect(total).toBeGreaterThan(50);
    expect(share.every((r) => r.archived === r.closed)).toBe(true);
    const list = (await county.get(`/api/archives/items?year=${year - 1}&pageSize=200`)).json();
    const incoming = list.items.find((i: { sourceKind: string }) => i.sourceKind === 'incoming');
    expect(incoming.components[0].role === 'reply' || incoming.components[0].role === 'processing_slip').toBe(true);
    const outgoing = list.items.find((i: { sourceKind: string }) => i.sourceKind === 'outgoing');
    expect(outgoing.components.map((c: { role: string }) => c.role)).toEqual(['final', 'drafting_slip']);
  });

  it('archives a closed document of this year once; twice is 409', async () => {
    const cands = (await county.get(`/api/archives/candidates?year=${year}`)).json().items;
    expect(cands.length).toBeGreaterThan(0);
    const c = cands[0];
    const res = await county.post('/api/archives/items', { retention: 'D30', classCode: 'BGS', source: { kind: c.kind, id: c.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().archivalCode).toMatch(/-WS·\d{4}-D30-BGS-\d{4}$/);
    const again = await county.post('/api/archives/items', { retention: 'D30', classCode: 'BGS', source: { kind: c.kind, id: c.id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ARCHIVE_ALREADY_ARCHIVED');
    // a township cannot file the county's document
    expect(
      (await town.post('/api/archives/items', { retention: 'D30', classCode: 'BGS', source: { kind: cands[1].kind, id: cands[1].id } }))
        .statusCode,
    ).toBe(404);
  });

  it('prints a stamped item: the 归档章 in the top margin of page one, and the catalogue as xlsx and pdf', async () => {
    const list = (await county.get(`/api/archives/items?year=${year - 1}&retention=Y&pageSize=5`)).json();
    const item = list.items[0];
    const pdf = await county.get(`/api/archives/items/${item.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload) }).promise;
    expect(doc.numPages).toBe(item.pages);
    const page = await doc.getPage(1);
    const height = page.getViewport({ scale: 1 }).height;
    const texts = (await page.getTextContent()).items as { str: string; transform: number[] }[];
    const stamp = texts.filter((t) =>
      [item.fondsCode, String(item.year), '永久', String(item.itemNo), '办公室', String(item.pages)].includes(t.str),
    );
    expect(stamp.length).toBeGreaterThanOrEqual(6);
    // top margin: above 37 mm from the top edge
    for (const t of stamp) expect(height - t.transform[5]!).toBeLessThan((37 * 72) / 25.4);
    for (const format of ['xlsx', 'pdf']) {
      const res = await county.get(`/api/archives/catalogue?year=${year - 1}&retention=Y&unitCode=BGS&format=${format}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
    const json = (await county.get(`/api/archives/catalogue?year=${year - 1}&retention=Y&unitCode=BGS`)).json();
    expect(json.items.map((r: { seq: number }) => r.seq)).toEqual(json.items.map((_: unknown, i: number) => i + 1));
  });
});

describe('lending, expiry, transfer', () => {
  it('lends once, refuses a second loan, returns once', async () => {
    await configure();
    const item = (await town.post('/api/archives/items', manual('借阅用的一件'))).json();
    const loan = await town.post('/api/archives/loans', {
      itemId: item.id,
      borrower: '张三',
      purpose: '查阅历史文件',
      dueOn: `${year + 1}-01-15`,
    });
    expect(loan.statusCode, loan.body).toBe(201);
    expect(
      (await town.post('/api/archives/loans', { itemId: item.id, borrower: '李四', purpose: '查阅', dueOn: `${year + 1}-01-15` }))
        .statusCode,
    ).toBe(409);
    expect((await town.post(`/api/archives/loans/${loan.json().id}/return`)).json().returnedAt).not.toBeNull();
    expect((await town.post(`/api/archives/loans/${loan.json().id}/return`)).statusCode).toBe(409);
    expect(
      (await town.post('/api/archives/loans', { itemId: item.id, borrower: '王五', purpose: '过期', dueOn: '2000-01-01' })).statusCode,
    ).toBe(400);
  });

  it('lists expired retention and transfers permanent and 30-year items once', async () => {
    await configure();
    await town.post('/api/archives/items', {
      ...manual('十年前的一件', { year: year - 12, date: `${year - 12}-05-01` }),
      retention: 'D10',
    });
    const exp = (await town.get('/api/archives/expiring')).json().items;
    expect(exp.some((i: { title: string }) => i.title === '十年前的一件')).toBe(true);
    const t = await town.post('/api/archives/transfers', { year, receiver: '清溪县档案馆' });
    expect(t.statusCode, t.body).toBe(201);
    expect((await town.post('/api/archives/transfers', { year })).statusCode).toBe(409);
  });
});

describe('bad payloads', () => {
  it('never answers 5xx and changes no row', async () => {
    await configure();
    const item = (await town.post('/api/archives/items', manual('模糊测试用'))).json();
    const before = await tableDigest(database);
    const junk = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.dictionary(
        fc.constantFrom(
          'retention',
          'classCode',
          'source',
          'kind',
          'id',
          'year',
          'itemId',
          'borrower',
          'purpose',
          'dueOn',
          'fondsCode',
          'scheme',
          'classes',
          'note',
          'sources',
        ),
        fc.anything(),
      ),
      fc.record({
        retention: fc.constantFrom('Y', 'D20', ''),
        classCode: fc.constantFrom('BGS', 'NOPE', '办公室'),
        source: fc.record({ kind: fc.constantFrom('manual', 'outgoing', 'x'), id: fc.uuid() }),
      }),
    );
    const targets = [
      (b: unknown) => town.post('/api/archives/items', b),
      (b: unknown) => town.post('/api/archives/batch', b),
      (b: unknown) => town.put('/api/archives/config', b),
      (b: unknown) => town.put(`/api/archives/items/${item.id}`, b),
      (b: unknown) => town.post(`/api/archives/items/${item.id}/annotations`, typeof b === 'object' && b ? { ...b, note: 1 } : b),
      (b: unknown) => town.post('/api/archives/loans', b),
      (b: unknown) => town.post('/api/archives/transfers', typeof b === 'object' && b ? { ...b, year: 1900 } : b),
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), junk, async (t, body) => {
        const res = await targets[t]!(body);
        if (res.statusCode >= 500 || res.statusCode < 400) throw new Error(`target ${t} answered ${res.statusCode}: ${res.body}`);
      }),
      { numRuns: 150 },
    );
    for (const q of [
      'year=x&retention=Y&unitCode=BGS',
      `year=${year}&retention=Q&unitCode=BGS`,
      `year=${year}&retention=Y`,
      `year=${year}&retention=Y&unitCode=bgs`,
    ])
      expect((await town.get(`/api/archives/catalogue?${q}`)).statusCode).toBe(400);
    expect(await tableDigest(database)).toBe(before);
  });
});
