/**
 * The seal (issue 13), measured in the PDF (the image's box from the operator list's transform) and
 * the OFD (the ImageObject and its MultiMedia), against GB/T 9704-2012:
 * 7.3.5.1 加盖印章的公文 — "成文日期一般右空四字编排 … 以成文日期为准居中编排发文机关署名，印章端正、居中下压
 * 发文机关署名和成文日期，使发文机关署名和成文日期居印章中心偏下位置，印章顶端应当上距正文（或附件说明）一行之内。"
 * 7.3.5.2 不加盖印章的公文 — "在正文（或附件说明）下空一行右空二字编排发文机关署名，在发文机关署名下一行编排
 * 成文日期，首字比发文机关署名首字右移二字".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { renderOfficialDocument } from '../../src/modules/documents/documents.pdf.ts';
import { renderOfficialDocumentOfd } from '../../src/modules/documents/documents.ofd.ts';
import { SEAL_MM } from '../../src/modules/documents/documents.layout.ts';
import { linesOf, MM, readPdf, type ReadPage } from './pdf-reader.ts';
import { readOfd } from './ofd-reader.ts';
import { readImages } from './pdf-images.ts';
import { sampleNotice } from './sample-notice.ts';
import { makePng } from '../support/png.ts';

const LEFT = 28 * MM;
const TOP = 37 * MM;
const RIGHT = LEFT + 156 * MM;
const BOTTOM = TOP + 225 * MM;
const LINE = (225 * MM) / 22;
const CELL = (156 * MM) / 28;
const emTop = (l: { baseline: number }, size = 16) => l.baseline - 0.88 * size;
const bodyLines = (p: ReadPage) => linesOf(p, 16).filter((l) => emTop(l) >= TOP - 1 && emTop(l) < BOTTOM);

const seal = makePng({ width: 320, height: 320 });
let sealed: Buffer;
let plain: Buffer;

beforeAll(async () => {
  sealed = await renderOfficialDocument({ ...sampleNotice, seal });
  plain = await renderOfficialDocument({ ...sampleNotice, seal: null });
});

describe('GB/T 9704-2012 7.3.5.1: with the org seal', () => {
  it('presses the seal, 40 mm, centred on the date, over the 署名 and date below its centre, its top within a line of the text', async () => {
    const images = await readImages(sealed);
    expect(images).toHaveLength(1);
    const img = images[0]!;
    const pages = await readPdf(sealed);
    const lines = bodyLines(pages[img.page]!);
    const date = lines.find((l) => l.text === '2026年1月5日')!;
    const name = lines.find((l) => l.text === '中共清溪县委办公室')!;
    expect(date, 'the date is on the seal’s page').toBeDefined();
    // 成文日期右空四字; 署名 centred on the date, one line above it.
    expect(Math.abs(date.right - (RIGHT - 4 * CELL))).toBeLessThanOrEqual(1 * MM);
    expect(Math.abs((name.left + name.right) / 2 - (date.left + date.right) / 2)).toBeLessThanOrEqual(CELL);
    expect(date.baseline - name.baseline).toBeCloseTo(LINE, 1);
    // The seal: its printed size, square, centred on the date (端正、居中).
    expect(img.width / MM).toBeCloseTo(SEAL_MM, 1);
    expect(img.height / MM).toBeCloseTo(SEAL_MM, 1);
    expect(Math.abs(img.x + img.width / 2 - (date.left + date.right) / 2)).toBeLessThanOrEqual(0.5 * MM);
    // 下压: the 署名 and the date lie inside the seal, both below its centre (居印章中心偏下位置).
    const centreY = img.top + img.height / 2;
    for (const l of [name, date]) {
      const mid = emTop(l) + 8;
      expect(mid, l.text).toBeGreaterThan(centreY);
      expect(emTop(l) + 16, l.text).toBeLessThan(img.top + img.height);
      // A 署名 wider than the seal is pressed across its middle.
      expect(l.left).toBeLessThan(img.x + img.width / 2);
      expect(l.right).toBeGreaterThan(img.x + img.width / 2);
    }
    // 印章顶端应当上距正文（或附件说明）一行之内: the last line of text above is at most one line above the seal's top.
    const above = lines.filter((l) => l.baseline < name.baseline).at(-1)!;
    const gap = img.top - (emTop(above) + 16);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(LINE);
    // Inside the text block (the seal does not cross into the margin).
    expect(img.x + img.width).toBeLessThanOrEqual(RIGHT);
    expect(img.top + img.height).toBeLessThanOrEqual(BOTTOM + 0.5);
  });

  it('places the same seal at the same place in the OFD', async () => {
    const pdfImg = (await readImages(sealed))[0]!;
    const ofd = readOfd(renderOfficialDocumentOfd({ ...sampleNotice, seal }, { id: '00000000-0000-4000-8000-000000000001' }));
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'ofd:MultiMedia' });
    const doc = parser.parse(new TextDecoder().decode(ofd.files['Doc_0/Document.xml']!))['ofd:Document'];
    expect(doc['ofd:CommonData']['ofd:DocumentRes']).toBe('DocumentRes.xml');
    const res = parser.parse(new TextDecoder().decode(ofd.files['Doc_0/DocumentRes.xml']!))['ofd:Res'];
    const media = res['ofd:MultiMedias']['ofd:MultiMedia'];
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ '@Type': 'Image', '@Format': 'PNG' });
    const file = `Doc_0/${res['@BaseLoc']}/${media[0]['ofd:MediaFile']}`;
    expect(Buffer.from(ofd.files[file]!).equals(seal)).toBe(true);
    const content = new TextDecoder().decode(ofd.files[ofd.pages[pdfImg.page]!.loc]!);
    const m = /<ofd:ImageObject ID="\d+" Boundary="([^"]+)" CTM="([^"]+)" ResourceID="(\d+)"\/>/.exec(content);
    expect(m, 'an ImageObject on the seal page').not.toBeNull();
    expect(m![3]).toBe(String(media[0]['@ID']));
    const [x, y, w, h] = m![1]!.split(' ').map(Number);
    expect(Math.abs(x! - pdfImg.x / MM)).toBeLessThan(0.5);
    expect(Math.abs(y! - pdfImg.top / MM)).toBeLessThan(0.5);
    expect(w).toBeCloseTo(SEAL_MM, 1);
    expect(h).toBeCloseTo(SEAL_MM, 1);
    expect(m![2]!.split(' ').map(Number)).toEqual([w, 0, 0, h, 0, 0]);
  });
});

describe('GB/T 9704-2012 7.3.5.2: without a seal', () => {
  it('sets the 署名 right two characters one line under the text, the date on the next line two characters further right, no image', async () => {
    expect(await readImages(plain)).toHaveLength(0);
    const pages = await readPdf(plain);
    const all = pages.map((p) => bodyLines(p));
    const k = all.findIndex((ls) => ls.some((l) => l.text === '2026年1月5日'));
    const lines = all[k]!;
    const date = lines.find((l) => l.text === '2026年1月5日')!;
    const name = lines.find((l) => l.text === '中共清溪县委办公室')!;
    expect(Math.abs(name.right - (RIGHT - 2 * CELL))).toBeLessThanOrEqual(0.5 * MM);
    expect(Math.abs(date.left - name.left - 2 * CELL)).toBeLessThanOrEqual(0.5 * MM);
    expect(date.baseline - name.baseline).toBeCloseTo(LINE, 1);
    // 下空一行: one empty line between the text above and the 署名.
    const above = lines.filter((l) => l.baseline < name.baseline).at(-1)!;
    expect(name.baseline - above.baseline).toBeCloseTo(2 * LINE, 1);
  });

  it('a joint document without every issuer’s seal is set unsealed', async () => {
    const names = ['中共清溪县委办公室', '清溪县财政局'];
    for (const issuerSeals of [undefined, [seal, null]]) {
      const joint = await renderOfficialDocument({ ...sampleNotice, seal, signatureNames: names, ...(issuerSeals ? { issuerSeals } : {}) });
      expect(await readImages(joint)).toHaveLength(0);
    }
  });
});

describe('GB/T 9704-2012 7.3.5.1, 联合行文: every issuer’s seal', () => {
  it('puts the seals in one row in the issuers’ order, each over its 署名, the last over the date, apart and inside the text block', async () => {
    const second = makePng({
      width: 300,
      height: 300,
      pixel: (x, y) => (Math.hypot(x - 150, y - 150) < 140 && Math.hypot(x - 150, y - 150) > 120 ? [230, 0, 18, 255] : [0, 0, 0, 0]),
    });
    const names = ['中共清溪县委办公室', '清溪县财政局'];
    const buf = await renderOfficialDocument({ ...sampleNotice, signatureNames: names, seal, issuerSeals: [seal, second] });
    const images = await readImages(buf);
    expect(images).toHaveLength(2);
    const [a, b] = images as [(typeof images)[0], (typeof images)[0]];
    expect(a.page).toBe(b.page);
    const lines = bodyLines((await readPdf(buf))[a.page]!);
    const date = lines.find((l) => l.text === '2026年1月5日')!;
    // Both 署名 on one line (整齐排列), the lead org left.
    const row = lines.find((l) => l.text.includes('中共清溪县委办公室'))!;
    expect(row.text).toMatch(/^中共清溪县委办公室\s*清溪县财政局$/);
    const lead = row.items.filter((i) => '中共清溪县委办公室'.includes(i.str));
    const co = row.items.filter((i) => '清溪县财政局'.includes(i.str) && i.x > lead.at(-1)!.x);
    const mid = (items: { x: number; width: number }[]) => (items[0]!.x + items.at(-1)!.x + items.at(-1)!.width) / 2;
    // 一一对应、居中下压: the lead seal centred on its 署名; the last centred on the date, its 署名 within a grid step of it.
    expect(Math.abs(a.x + a.width / 2 - mid(lead))).toBeLessThanOrEqual(0.5 * MM);
    expect(Math.abs(b.x + b.width / 2 - mid(co))).toBeLessThanOrEqual(CELL);
    // The last seal over the date (成文日期右空四字), the row level, the seals apart (互不相交或相切).
    expect(Math.abs(date.right - (RIGHT - 4 * CELL))).toBeLessThanOrEqual(1 * MM);
    expect(Math.abs(b.x + b.width / 2 - (date.left + date.right) / 2)).toBeLessThanOrEqual(0.5 * MM);
    expect(Math.abs(a.top - b.top)).toBeLessThan(0.01);
    expect(b.x - (a.x + a.width)).toBeGreaterThan(1 * MM);
    expect(a.x).toBeGreaterThanOrEqual(LEFT);
    expect(b.x + b.width).toBeLessThanOrEqual(RIGHT);
    // 首排印章顶端应当上距正文一行之内; the 署名 and date below the seals' centre.
    const above = lines.filter((l) => l.baseline < row.baseline).at(-1)!;
    expect(a.top - (emTop(above) + 16)).toBeGreaterThanOrEqual(0);
    expect(a.top - (emTop(above) + 16)).toBeLessThanOrEqual(LINE);
    expect(emTop(row) + 8).toBeGreaterThan(a.top + a.height / 2);
    expect(emTop(date) + 16).toBeLessThan(b.top + b.height);
  });

  it('falls back to 7.3.5.2 when the 署名 do not fit one row', async () => {
    const names = ['中共清溪县委办公室', '清溪县人民政府办公室', '清溪县财政局'];
    const buf = await renderOfficialDocument({ ...sampleNotice, signatureNames: names, seal, issuerSeals: [seal, seal, seal] });
    expect(await readImages(buf)).toHaveLength(0);
  });
});
