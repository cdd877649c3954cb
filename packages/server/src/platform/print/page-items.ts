/**
 * A laid-out page as positioned items: text runs and rules, in PDF points from the page's top-left
 * corner. A layout (the GB/T 9704 document) is computed once into these, and each output format
 * draws them: `drawPdfPages` here onto PDFKit, `platform/print/ofd.ts` into an OFD package.
 */
import type { FontRole } from './fonts.ts';
import type { Pdf } from './pdf.ts';

export interface TextRunItem {
  kind: 'text';
  text: string;
  role: FontRole;
  /** Font size in points. */
  size: number;
  /** Left edge of the first glyph's advance box. */
  x: number;
  /** Alphabetic baseline, from the page top. */
  baseline: number;
  /** CSS hex colour, e.g. '#e60012'. */
  color: string;
  /** Each character's advance at `size` in the run's face, before spacing and scaling. */
  advances: number[];
  /** Extra space after every character (PDF Tc), in points. */
  characterSpacing?: number;
  /** Horizontal scaling in per cent (PDF Tz), for condensed mastheads. */
  horizontalScaling?: number;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in points. */
  width: number;
  color: string;
}

/** A picture (the seal): PNG bytes drawn into the box whose top-left corner is (x, y), in points. */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  png: Uint8Array;
}

export type PageItem = TextRunItem | RuleItem | ImageItem;

export interface LaidOutPage {
  items: PageItem[];
}

/** The position of each character's origin along a run, from its x (spacing and scaling applied as PDF does). */
export function glyphOffsets(run: TextRunItem): number[] {
  const k = (run.horizontalScaling ?? 100) / 100;
  const out: number[] = [];
  let pos = 0;
  for (const w of run.advances) {
    out.push(pos);
    pos += (w + (run.characterSpacing ?? 0)) * k;
  }
  return out;
}

/** Draws the pages onto a PDFKit document whose first page already exists (A4, no margins). */
export function drawPdfPages(doc: Pdf, pages: LaidOutPage[]): void {
  pages.forEach((page, i) => {
    if (i > 0) doc.addPage({ size: 'A4', margin: 0 });
    let fill: string | null = null;
    for (const item of page.items) {
      if (item.kind === 'rule') {
        doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.color).stroke();
        continue;
      }
      if (item.kind === 'image') {
        doc.image(Buffer.from(item.png), item.x, item.y, { width: item.width, height: item.height });
        continue;
      }
      doc.font(item.role).fontSize(item.size);
      if (item.color !== fill) doc.fillColor((fill = item.color));
      const options: PDFKit.Mixins.TextOptions & { horizontalScaling?: number } = { lineBreak: false, baseline: 'alphabetic' };
      if (item.characterSpacing !== undefined) options.characterSpacing = item.characterSpacing;
      // PDFKit supports horizontalScaling (the Tz operator); its type definitions lag behind.
      if (item.horizontalScaling !== undefined) options.horizontalScaling = item.horizontalScaling;
      doc.text(item.text, item.x, item.baseline, options);
    }
  });
}
