/**
 * Reads the GB/T 9704-2012 PDF back (pdfjs-dist text positions and colours) and measures it
 * against the standard: A4, text block 156 × 225 mm at 37 mm / 28 mm, 22 lines × 28 characters on
 * a fixed grid, red masthead and separator, page numbers, 版记. The top of a line is the top of
 * its em box (baseline − 0.88 em, the ideographic em box of a CJK face).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_LINE_START } from '../../src/platform/print/pdf.ts';
import { parseBody, renderOfficialDocument } from '../../src/modules/documents/documents.pdf.ts';
import { gridChars, linesOf, MM, readPdf, type ReadPage, type TextLine } from './pdf-reader.ts';
import { sampleNotice } from './sample-notice.ts';
import { makePng } from '../support/png.ts';

const LEFT = 28 * MM;
const TOP = 37 * MM;
const RIGHT = LEFT + 156 * MM;
const BOTTOM = TOP + 225 * MM;
const LINE = (225 * MM) / 22;
const CELL = (156 * MM) / 28;
/** The text block is centred on the binding-side margin, not the page: 28 mm left, 26 mm right. */
const CENTRE = LEFT + 78 * MM;
const emTop = (l: { baseline: number }, size = 16) => l.baseline - 0.88 * size;
/** Body lines: 3号 text inside the text block. */
const bodyLines = (p: ReadPage) => linesOf(p, 16).filter((l) => emTop(l) >= TOP - 1 && emTop(l) < BOTTOM);

let buf: Buffer;
let pages: ReadPage[];

beforeAll(async () => {
  buf = await renderOfficialDocument(sampleNotice);
  pages = await readPdf(buf);
});

describe('GB/T 9704-2012 geometry', () => {
  it('prints on A4 portrait, a few tens of KB a page', () => {
    expect(pages.length).toBe(4);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
    expect(buf.length / pages.length).toBeLessThan(60_000);
  });

  it('fills a full page with 22 lines starting 37 mm from the top and 28 mm from the left', () => {
    const lines = bodyLines(pages[1]!);
    expect(lines).toHaveLength(22);
    expect(Math.abs(emTop(lines[0]!) - TOP)).toBeLessThanOrEqual(1 * MM);
    expect(Math.abs(Math.min(...lines.map((l) => l.left)) - LEFT)).toBeLessThanOrEqual(1 * MM);
    expect(Math.abs(emTop(lines[21]!) + 16 - BOTTOM)).toBeLessThanOrEqual(LINE);
  });

  it('keeps every body line on the 22-line grid on every page', () => {
    for (const p of pages) {
      for (const l of bodyLines(p)) {
        const k = (emTop(l) - TOP) / LINE;
        expect(Math.abs(k - Math.round(k)), `${l.text} at line ${k}`).toBeLessThan(0.01);
      }
    }
  });

  it('sets at most 28 characters a line, exactly 28 in the lines a paragraph runs through', () => {
    const paragraphs = ['各乡镇党委、政府，县直各部门：', ...parseBody(sampleNotice.body).map((p) => p.text)];
    let full = 0;
    for (const p of pages.slice(0, 3)) {
      const lines = bodyLines(p).filter((l) => l.baseline > 0);
      lines.forEach((l, i) => {
        expect(gridChars(l.text), l.text).toBeLessThanOrEqual(28);
        expect(l.right, l.text).toBeLessThanOrEqual(RIGHT + 0.5 * MM);
        const endsParagraph = paragraphs.some((para) => para.endsWith(l.text)) || !paragraphs.some((para) => para.includes(l.text));
        if (endsParagraph) return;
        const next = lines[i + 1] ?? bodyLines(pages[pages.indexOf(p) + 1]!)[0]!;
        const pushedOut = NO_LINE_START.has([...next.text][1] ?? '');
        const indented = l.left > LEFT + CELL;
        const expected = indented ? 26 : 28;
        if (pushedOut) expect(gridChars(l.text)).toBeGreaterThanOrEqual(expected - 1.5);
        else {
          expect(gridChars(l.text), l.text).toBeGreaterThanOrEqual(expected - 0.5);
          // A line ending in an odd number of half-width glyphs cannot take another full one.
          const slack = gridChars(l.text) % 1 === 0 ? 0 : CELL / 2;
          expect(Math.abs(l.right - RIGHT), l.text).toBeLessThanOrEqual(1 * MM + slack);
          full++;
        }
      });
    }
    expect(full).toBeGreaterThanOrEqual(12);
  });

  it('indents the first line of a paragraph by two characters', () => {
    const first = bodyLines(pages[0]!).find((l) => l.text.startsWith('为深入贯彻'))!;
    expect(first.left - LEFT).toBeCloseTo(2 * CELL, 0);
  });

  it('never starts a line with a closing mark (避头尾)', () => {
    for (const p of pages) for (const l of bodyLines(p)) expect(NO_LINE_START.has(l.text[0]!), l.text).toBe(false);
  });

  it('pushes a character down rather than start a line with a closing mark, keeping the grid', async () => {
    const han = '县委办公室将采取日常检查与年终考核相结合的方式督促检';
    expect(han).toHaveLength(26);
    // With the two-character indent the 27th character would open the next line: it is a 。.
    const doc = await renderOfficialDocument({ ...sampleNotice, body: [`${han}。其余内容照常排列，不受影响。`] });
    const lines = bodyLines((await readPdf(doc))[0]!);
    const i = lines.findIndex((l) => l.text.startsWith('县委办公室'));
    expect(lines[i]!.text).toBe(han.slice(0, 25));
    expect(lines[i + 1]!.text.startsWith('检。其余')).toBe(true);
    expect(lines[i + 1]!.left).toBeCloseTo(LEFT, 0);
  });
});

describe('GB/T 9704-2012 elements', () => {
  it('prints the masthead in red, centred, 35 mm into the text block, over a red rule', () => {
    const p = pages[0]!;
    const masthead = p.items.find((i) => i.str === sampleNotice.issuerName)!;
    expect(masthead.size).toBeGreaterThan(30);
    expect(Math.abs(masthead.x + masthead.width / 2 - CENTRE)).toBeLessThan(2);
    expect(Math.abs(emTop(masthead, masthead.size) - (TOP + 35 * MM))).toBeLessThanOrEqual(1 * MM);
    expect(p.coloredText.find((t) => t.text === sampleNotice.issuerName)?.color).toBe('230,0,18');
    expect(p.strokeColors).toContain('230,0,18');
    expect(p.coloredText.filter((t) => t.color === '230,0,18').map((t) => t.text)).toEqual([sampleNotice.issuerName]);
  });

  it('prints the 发文字号 centred, 份号 and 紧急程度 top-left, and the title in 2号', () => {
    const p = pages[0]!;
    const number = linesOf(p, 16).find((l) => l.text === '清委办发〔2026〕12号')!;
    expect(Math.abs((number.left + number.right) / 2 - CENTRE)).toBeLessThan(CELL / 2 + 1);
    const corner = bodyLines(p).slice(0, 2);
    expect(corner.map((l) => l.text)).toEqual(['000018', '加急']);
    expect(Math.abs(emTop(corner[0]!) - TOP)).toBeLessThanOrEqual(1 * MM);
    expect(
      linesOf(p, 22)
        .map((l) => l.text)
        .join(''),
    ).toBe(sampleNotice.title);
  });

  it('with the org seal (7.3.5.1), right-aligns the date four characters in, with the signature centred over it', async () => {
    // Without a seal the 署名 follows 7.3.5.2 (test/print/seal.test.ts measures both and the seal).
    const sealed = await readPdf(await renderOfficialDocument({ ...sampleNotice, seal: makePng({ width: 300, height: 300 }) }));
    const lines = bodyLines(sealed[2]!);
    const date = lines.find((l) => l.text === '2026年1月5日')!;
    const name = lines.find((l) => l.text === '中共清溪县委办公室')!;
    expect(Math.abs(date.right - (RIGHT - 4 * CELL))).toBeLessThanOrEqual(1 * MM);
    expect(Math.abs((name.left + name.right) / 2 - (date.left + date.right) / 2)).toBeLessThanOrEqual(CELL);
    expect(date.baseline - name.baseline).toBeCloseTo(LINE, 1);
    expect(lines.some((l) => l.text.startsWith('附件：1．'))).toBe(true);
  });

  it('numbers pages "— n —" 7 mm under the block, odd at the right and even at the left', () => {
    pages.forEach((p, i) => {
      const n = i + 1;
      const label = linesOf(p, 14).find((l) => /^—\s*\d+\s*—$/.test(l.text))!;
      expect(label.text.replace(/\s/g, '')).toBe(`—${n}—`);
      expect(Math.abs(emTop(label, 14) + 7 - (BOTTOM + 7 * MM))).toBeLessThanOrEqual(1 * MM);
      if (n % 2 === 1) expect(Math.abs(label.right - (RIGHT - 14))).toBeLessThanOrEqual(1 * MM);
      else expect(Math.abs(label.left - (LEFT + 14))).toBeLessThanOrEqual(1 * MM);
    });
  });

  it('puts the 版记 at the foot of the last page, an even one', () => {
    expect(pages.length % 2).toBe(0);
    const lines = linesOf(pages[pages.length - 1]!, 14);
    const copy = lines.find((l) => l.text.startsWith('抄送：'))!;
    expect(copy.text).toContain('县委各部委，县人大常委会办公室');
    const printed = lines.find((l) => l.text.includes('印发'))!;
    expect(printed.text).toBe('中共清溪县委办公室2026年1月5日印发');
    expect(printed.baseline).toBeGreaterThan(TOP + 21 * LINE);
    expect(printed.baseline).toBeLessThan(BOTTOM);
    expect(printed.right).toBeCloseTo(RIGHT - 14, 0);
    for (const p of pages.slice(0, -1)) expect(linesOf(p, 14).some((l) => l.text.startsWith('抄送'))).toBe(false);
  });

  it('adds a blank unnumbered page when the body fills an even page', async () => {
    // One paragraph that ends low on page 2: the signature fits, the 版记 does not.
    const body = ['规范化建设工作要抓实抓细。'.repeat(46)];
    const doc = await readPdf(await renderOfficialDocument({ ...sampleNotice, body, attachments: [], note: null }));
    expect(doc).toHaveLength(4);
    expect(bodyLines(doc[1]!).map((l) => l.text)).toContain('2026年1月5日');
    expect(doc[2]!.items).toHaveLength(0);
    const last = linesOf(doc[3]!, 14);
    expect(last.some((l) => l.text.startsWith('抄送：'))).toBe(true);
    expect(last.some((l) => /—/.test(l.text))).toBe(false);
    expect(linesOf(doc[1]!, 14).map((l) => l.text.replace(/\s/g, ''))).toEqual(['—2—']);
  });

  it('prints 签发人 right of a left-aligned 发文字号 on upward documents', async () => {
    const doc = await readPdf(
      await renderOfficialDocument({ ...sampleNotice, docNumber: '清溪发〔2026〕3号', signer: '李华', urgency: 'none', copyNo: null }),
    );
    const line = linesOf(doc[0]!, 16).find((l) => l.text.includes('签发人'))! as TextLine;
    expect(line.text).toBe('清溪发〔2026〕3号签发人：李华');
    expect(line.left).toBeCloseTo(LEFT + CELL, 0);
    expect(Math.abs(line.right - (RIGHT - CELL))).toBeLessThanOrEqual(1 * MM);
  });
});
