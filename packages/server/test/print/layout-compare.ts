/** Compares an OFD read back (ofd-reader.ts) with the PDF of the same layout read by pdfjs (pdf-reader.ts), in millimetres. */
import { expect } from 'vitest';
import type { OfdPageRead, OfdRead, OfdText } from './ofd-reader.ts';
import { linesOf, MM, type ReadPage } from './pdf-reader.ts';

/** How far apart the two renderings of one line may be. */
export const TOLERANCE_MM = 0.5;

export interface Line {
  text: string;
  left: number;
  baseline: number;
}

/** OFD text of one size (pt) grouped into lines by baseline, left to right. */
export function ofdLines(page: OfdPageRead, sizePt: number): Line[] {
  const lines: { baseline: number; items: OfdText[] }[] = [];
  for (const t of page.texts.filter((x) => Math.abs(x.size - sizePt / MM) < 0.01).sort((p, q) => p.baseline - q.baseline || p.x - q.x)) {
    const line = lines.find((l) => Math.abs(l.baseline - t.baseline) < 0.2);
    if (line) line.items.push(t);
    else lines.push({ baseline: t.baseline, items: [t] });
  }
  return lines.map((l) => {
    const items = l.items.sort((p, q) => p.x - q.x);
    return { text: items.map((i) => i.text).join(''), left: items[0]!.x, baseline: l.baseline };
  });
}

/** PDF lines of one size (pdfjs reads points). */
export const pdfLines = (page: ReadPage, sizePt: number): Line[] =>
  linesOf(page, sizePt).map((l) => ({ text: l.text, left: l.left / MM, baseline: l.baseline / MM }));

export const squash = (s: string) => s.replace(/\s/g, '');

export function expectSamePlace(ofdLine: Line | undefined, pdfLine: Line | undefined, what: string) {
  expect(pdfLine, `${what} in the PDF`).toBeDefined();
  expect(ofdLine, `${what} in the OFD`).toBeDefined();
  expect(squash(ofdLine!.text), what).toBe(squash(pdfLine!.text));
  expect(Math.abs(ofdLine!.left - pdfLine!.left), `${what}: x ${ofdLine!.left} vs ${pdfLine!.left} mm`).toBeLessThanOrEqual(TOLERANCE_MM);
  expect(
    Math.abs(ofdLine!.baseline - pdfLine!.baseline),
    `${what}: baseline ${ofdLine!.baseline} vs ${pdfLine!.baseline} mm`,
  ).toBeLessThanOrEqual(TOLERANCE_MM);
}

/** Every line the PDF sets in 3号, 4号 and 2号 (body, 版记 and page numbers, title) is in the OFD at the same place; returns how many. */
export function expectSameLines(ofd: OfdRead, pdf: ReadPage[]): number {
  expect(ofd.pages).toHaveLength(pdf.length);
  let compared = 0;
  pdf.forEach((p, i) => {
    for (const size of [16, 14, 22]) {
      const mine = ofdLines(ofd.pages[i]!, size);
      const theirs = pdfLines(p, size);
      expect(mine.length, `page ${i + 1}, ${size} pt lines`).toBe(theirs.length);
      for (const l of theirs) {
        expectSamePlace(
          mine.find((m) => Math.abs(m.baseline - l.baseline) < 1),
          l,
          `page ${i + 1}: ${l.text}`,
        );
        compared++;
      }
    }
  });
  return compared;
}
