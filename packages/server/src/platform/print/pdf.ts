/**
 * The PDFKit plumbing every renderer shares: a document with the role fonts registered, its
 * bytes as a Buffer, cached glyph widths, and a Chinese line breaker (避头尾: no line starts with
 * a closing mark, none ends with an opening one; Latin words and numbers stay whole).
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { registerFonts, type FontConfig, type FontRole } from './fonts.ts';

// PDFKit (with fontkit under it) is loaded at the first PDF rather than when the server starts:
// its import takes ~0.5 s of a restart. A synchronous require keeps newPdf synchronous.
const requireCjs = createRequire(import.meta.url);
let PDFDocument: typeof PDFKitDocument | undefined;
function pdfKit(): typeof PDFKitDocument {
  return (PDFDocument ??= requireCjs('pdfkit') as typeof PDFKitDocument);
}

export type Pdf = PDFKit.PDFDocument;

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Marks that may not begin a line (行首禁则). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』”’】〕〉〗｝…—·%‰,.;:?!)]}>～']);
/** Marks that may not end a line (行尾禁则). */
export const NO_LINE_END = new Set([...'（《「『“‘【〔〈〖｛([{<']);

export interface NewPdfOptions {
  layout?: 'portrait' | 'landscape';
  title: string;
  fonts?: FontConfig;
  /** Keep pages in memory so page numbers "of N" can be written at the end. */
  bufferPages?: boolean;
}

/** An A4 PDFKit document with no flow margins (every renderer places its text itself). */
export function newPdf(opts: NewPdfOptions): Pdf {
  const doc = new (pdfKit())({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margin: 0,
    autoFirstPage: true,
    bufferPages: opts.bufferPages ?? false,
    info: { Title: opts.title, Creator: 'township-office', Producer: 'township-office (PDFKit)' },
    lang: 'zh-CN',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  registerFonts(doc, opts.fonts);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const widthCache = new Map<string, Map<string, number>>();

/** Advance width of one character in a role's face at a size, cached (layout is the slow part). */
export function charWidth(doc: Pdf, role: FontRole, size: number, ch: string): number {
  const key = `${role}@${size}`;
  let m = widthCache.get(key);
  if (!m) widthCache.set(key, (m = new Map()));
  let w = m.get(ch);
  if (w === undefined) {
    doc.font(role).fontSize(size);
    w = doc.widthOfString(ch);
    m.set(ch, w);
  }
  return w;
}

export function textWidth(doc: Pdf, role: FontRole, size: number, text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(doc, role, size, ch);
  return w;
}

const LATIN = /[A-Za-z0-9\-_./@:%+#&]/;

const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Splits text into unbreakable pieces: one CJK character, or a Latin word / number; with `words`,
 * whole Chinese words (ICU's dictionary), for titles that must not break inside a word (词意完整).
 */
export function breakUnits(text: string, words = false): string[] {
  if (words) {
    // ICU cuts suffixes off (办公|室, 规范|化): a lone Han character joins the word before it.
    const segs: string[] = [];
    for (const { segment } of wordSegmenter.segment(text)) {
      const prev = segs[segs.length - 1];
      if (prev && /^\p{Script=Han}$/u.test(segment) && /\p{Script=Han}$/u.test(prev)) segs[segs.length - 1] = prev + segment;
      else segs.push(segment);
    }
    return segs;
  }
  const out: string[] = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    if (last !== undefined && LATIN.test(ch) && LATIN.test(last[last.length - 1]!)) out[out.length - 1] = last + ch;
    else out.push(ch);
  }
  return out;
}

/**
 * Wraps text to a width, line by line (a '\n' forces a break). Applies 避头尾 by pushing the last
 * unit of a line down to the next one; a unit wider than the line is cut by character.
 */
export function wrapText(text: string, maxWidth: number, width: (unit: string) => number, words = false): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let units: string[] = [];
    for (const u of breakUnits(para, words)) {
      if (width(u) > maxWidth) units.push(...u);
      else units.push(u);
    }
    if (units.length === 0) {
      lines.push('');
      continue;
    }
    while (units.length > 0) {
      let w = 0;
      let n = 0;
      while (n < units.length && w + width(units[n]!) <= maxWidth + 0.01) w += width(units[n++]!);
      if (n === 0) n = 1;
      if (n < units.length) {
        let k = n;
        // Pull units down until the next line does not start with a closing mark and this one
        // does not end with an opening mark; give up (keep n) if that would empty the line.
        while (k > 1 && (NO_LINE_START.has(units[k]![0]!) || NO_LINE_END.has(units[k - 1]!.slice(-1)))) k--;
        if (k > 1 || !(NO_LINE_START.has(units[k]![0]!) || NO_LINE_END.has(units[k - 1]!.slice(-1)))) n = k;
      }
      lines.push(units.slice(0, n).join('').replace(/\s+$/, ''));
      units = units.slice(n);
      while (units[0] === ' ') units.shift();
    }
  }
  return lines;
}
