/** Reads a PDF back for the print tests: page sizes, positioned text (pdfjs-dist), fill colours. */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const MM = 72 / 25.4;

export interface TextItem {
  str: string;
  /** Left edge, points from the page's left edge. */
  x: number;
  /** Alphabetic baseline, points from the page's top edge. */
  baseline: number;
  /** Font size (vertical scale of the text matrix). */
  size: number;
  width: number;
}

export interface ReadPage {
  width: number;
  height: number;
  items: TextItem[];
  /** Each text item's fill colour as "r,g,b", in drawing order with its text. */
  coloredText: { color: string; text: string }[];
  strokeColors: string[];
}

export async function readPdf(buf: Buffer): Promise<ReadPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: ReadPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items) {
      // pdfjs inserts space items for gaps; a spaced title (发 文 笺) reads back whole.
      if (!('str' in raw) || raw.str.trim() === '') continue;
      const t = raw.transform as number[];
      items.push({ str: raw.str, x: t[4]!, baseline: height - t[5]!, size: t[3]!, width: raw.width });
    }
    const ops = await page.getOperatorList();
    const coloredText: { color: string; text: string }[] = [];
    const strokeColors: string[] = [];
    let fill = '0,0,0';
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown;
      if (fn === OPS.setFillRGBColor) fill = Object.values(args as Record<string, number>).join(',');
      if (fn === OPS.setStrokeRGBColor) strokeColors.push(Object.values(args as Record<string, number>).join(','));
      if (fn === OPS.showText) {
        const glyphs = (args as [{ unicode?: string }[]])[0];
        coloredText.push({ color: fill, text: glyphs.map((g) => g?.unicode ?? '').join('') });
      }
    });
    pages.push({ width, height, items, coloredText, strokeColors });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

export interface TextLine {
  baseline: number;
  items: TextItem[];
  text: string;
  left: number;
  right: number;
}

/** Groups items of one font size into lines by baseline, left to right. */
export function linesOf(page: ReadPage, size: number, tolerance = 0.5): TextLine[] {
  const lines: TextLine[] = [];
  for (const it of page.items.filter((i) => Math.abs(i.size - size) < 0.01).sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.baseline - it.baseline) < tolerance);
    if (line) line.items.push(it);
    else lines.push({ baseline: it.baseline, items: [it], text: '', left: 0, right: 0 });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    l.text = l.items.map((i) => i.str).join('');
    l.left = l.items[0]!.x;
    l.right = Math.max(...l.items.map((i) => i.x + i.width));
  }
  return lines.sort((a, b) => a.baseline - b.baseline);
}

/** Characters as the standard counts them: a Latin letter or digit is half a character. */
export function gridChars(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return n;
}
