/**
 * Text on a fixed character grid, the way GB/T 9704 sets a 公文: every Chinese character and
 * full-width mark takes one cell, a Latin letter or digit half a cell, so each line holds exactly
 * its cells and the measurement holds on every page. After an odd number of half-width glyphs the
 * line goes on half a cell over (as a word processor's grid does) rather than leave a gap in
 * "2026年1月5日". Line breaking follows 避头尾 by pushing a
 * character down to the next line (挤出), which keeps every glyph on the grid; Latin words and
 * numbers are never split.
 */
import type { FontRole } from './fonts.ts';
import { NO_LINE_END, NO_LINE_START } from './pdf.ts';

/** A run of text in one face (a heading part and the body text of one paragraph). */
export interface GridRun {
  text: string;
  role: FontRole;
}

/** One glyph placed on the grid; `at` and `span` count half cells from the line's left edge. */
export interface GridGlyph {
  ch: string;
  role: FontRole;
  at: number;
  span: 1 | 2;
}

export interface GridLayoutOptions {
  /** Half cells per line (28 characters = 56). */
  halves: number;
  /** Indent of the first line, in half cells (two characters = 4). */
  firstIndent?: number;
  /** Indent of the following lines, in half cells. */
  indent?: number;
  /** Whether a character takes a full cell in its face (else half). */
  isFull: (ch: string, role: FontRole) => boolean;
}

const LATIN = /[A-Za-z0-9\-_./@%+#&]/;

interface Piece {
  chars: { ch: string; role: FontRole; span: 1 | 2 }[];
}

function pieces(runs: GridRun[], isFull: GridLayoutOptions['isFull']): Piece[] {
  const out: Piece[] = [];
  for (const run of runs) {
    for (const ch of run.text) {
      const span: 1 | 2 = isFull(ch, run.role) ? 2 : 1;
      const last = out[out.length - 1];
      const prev = last?.chars[last.chars.length - 1];
      if (last && prev && LATIN.test(ch) && LATIN.test(prev.ch)) last.chars.push({ ch, role: run.role, span });
      else out.push({ chars: [{ ch, role: run.role, span }] });
    }
  }
  return out;
}

/** Places a piece at half position `at`. */
function place(piece: Piece, at: number): { glyphs: GridGlyph[]; end: number } {
  const glyphs: GridGlyph[] = [];
  let pos = at;
  for (const c of piece.chars) {
    glyphs.push({ ch: c.ch, role: c.role, at: pos, span: c.span });
    pos += c.span;
  }
  return { glyphs, end: pos };
}

const startsBad = (p: Piece | undefined) => !!p && NO_LINE_START.has(p.chars[0]!.ch);
const endsBad = (p: Piece | undefined) => !!p && NO_LINE_END.has(p.chars[p.chars.length - 1]!.ch);

/** Lays one paragraph out on the grid: a list of lines, each a list of placed glyphs. */
export function layoutGrid(runs: GridRun[], opts: GridLayoutOptions): GridGlyph[][] {
  let rest = pieces(runs, opts.isFull).flatMap((p) => {
    // A Latin word longer than a line is the one thing that is split.
    const w = p.chars.reduce((s, c) => s + c.span, 0);
    return w > opts.halves - Math.max(opts.firstIndent ?? 0, opts.indent ?? 0) ? p.chars.map((c) => ({ chars: [c] })) : [p];
  });
  const lines: GridGlyph[][] = [];
  let first = true;
  while (rest.length > 0) {
    const start = first ? (opts.firstIndent ?? 0) : (opts.indent ?? 0);
    let n = 0;
    let pos = start;
    while (n < rest.length) {
      const { end } = place(rest[n]!, pos);
      if (end > opts.halves) break;
      pos = end;
      n++;
    }
    if (n === 0) n = 1;
    if (n < rest.length) {
      let k = n;
      while (k > 1 && (startsBad(rest[k]) || endsBad(rest[k - 1]))) k--;
      if (!(startsBad(rest[k]) || endsBad(rest[k - 1]))) n = k;
    }
    const glyphs: GridGlyph[] = [];
    pos = start;
    for (const p of rest.slice(0, n)) {
      const placed = place(p, pos);
      glyphs.push(...placed.glyphs);
      pos = placed.end;
    }
    lines.push(glyphs.filter((g) => g.ch !== ' ' || g.at !== start));
    rest = rest.slice(n);
    first = false;
  }
  return lines;
}

/** Width in half cells of text set on the grid from position 0. */
export function gridWidth(runs: GridRun[], isFull: GridLayoutOptions['isFull']): number {
  let pos = 0;
  for (const p of pieces(runs, isFull)) pos = place(p, pos).end;
  return pos;
}

/** Places a single line of text from half position `at` (no wrapping). */
export function gridLine(runs: GridRun[], at: number, isFull: GridLayoutOptions['isFull']): GridGlyph[] {
  const glyphs: GridGlyph[] = [];
  let pos = at;
  for (const p of pieces(runs, isFull)) {
    const placed = place(p, pos);
    glyphs.push(...placed.glyphs);
    pos = placed.end;
  }
  return glyphs;
}
