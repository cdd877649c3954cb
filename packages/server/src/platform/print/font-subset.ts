/**
 * A font file to embed in a package (the OFD's Res folder). A TrueType face becomes a subset holding
 * only the characters a document uses, as a standalone font a reader can load: fontkit (PDFKit's
 * font engine) makes the subset for PDF embedding, without the cmap, OS/2, name and post tables a
 * standalone font needs, so they are added here. The npm faces are ~14.8 MB each; a subset of one
 * document's characters is tens of KB. A face with CFF outlines (.otf, Debian's Noto CJK) goes in
 * whole, 20–26 MB; a face of a collection (.ttc, chosen by PostScript name as PDFKit does) comes
 * out as a font of its own.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { fontBytes, type ResolvedFont } from './fonts.ts';

// fontkit is loaded at the first OFD rather than when the server starts (the same copy PDFKit requires).
const requireCjs = createRequire(import.meta.url);
let fontkit: typeof Fontkit | undefined;
function fontkitModule(): typeof Fontkit {
  return (fontkit ??= requireCjs('fontkit') as typeof Fontkit);
}

export interface EmbeddedFont {
  bytes: Buffer;
  /** File extension for the package: ttf (TrueType outlines) or otf (CFF outlines). */
  ext: 'ttf' | 'otf';
  postscriptName: string;
  familyName: string;
}

const parsed = new Map<string, Fontkit.Font>();

function openFace(font: ResolvedFont): Fontkit.Font {
  const key = `${font.file}#${font.family ?? ''}`;
  let face = parsed.get(key);
  if (!face) {
    const opened = fontkitModule().create(fontBytes(font.file), font.family);
    face = 'fonts' in opened ? opened.fonts[0]! : opened;
    parsed.set(key, face);
  }
  return face;
}

/** The font to embed for `text` (every character the document sets in this face). */
export function embedFont(font: ResolvedFont, text: string): EmbeddedFont {
  const face = openFace(font);
  const names = { postscriptName: face.postscriptName, familyName: face.familyName };
  const original = fontBytes(font.file);
  const raw = (tag: string) => {
    const t = face.directory.tables[tag];
    return t ? Buffer.from(original.subarray(t.offset, t.offset + t.length)) : null;
  };
  if (!face.directory.tables.glyf) {
    // CFF outlines: the face whole. fontkit's CFF subsets are made for PDF and not every reader
    // takes them standalone (Chromium's sanitizer refused one of Noto Sans CJK's Top DICT).
    if (original.toString('latin1', 0, 4) !== 'ttcf') return { bytes: original, ext: 'otf', ...names };
    const tables = new Map(Object.keys(face.directory.tables).map((tag) => [tag, raw(tag)!]));
    return { bytes: writeSfnt(tables, 0x4f54544f), ext: 'otf', ...names };
  }
  const subset = face.createSubset();
  const map = new Map<number, number>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    const glyph = face.glyphForCodePoint(cp);
    if (glyph.id !== 0) map.set(cp, subset.includeGlyph(glyph));
  }
  const tables = readTables(Buffer.from(subset.encode()));
  tables.set('cmap', cmapTable(map));
  for (const tag of ['OS/2', 'name']) {
    const t = raw(tag);
    if (t) tables.set(tag, t);
  }
  const post = raw('post');
  if (post && post.length >= 32) {
    // Version 3: the header's metrics without glyph names (the subset renumbers the glyphs).
    const header = post.subarray(0, 32);
    header.writeUInt32BE(0x00030000, 0);
    tables.set('post', header);
  }
  return { bytes: writeSfnt(tables, 0x00010000), ext: 'ttf', ...names };
}

function readTables(font: Buffer): Map<string, Buffer> {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    tables.set(tag, Buffer.from(font.subarray(offset, offset + length)));
  }
  return tables;
}

/** cmap with a format 4 subtable (BMP, 3/1) and a format 12 one (all planes, 3/10), one segment per character. */
function cmapTable(map: Map<number, number>): Buffer {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = entries.filter(([cp]) => cp < 0xffff);
  const segs = [...bmp.map(([cp, gid]) => ({ start: cp, end: cp, delta: (gid - cp) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const n = segs.length;
  const f4 = Buffer.alloc(16 + 8 * n);
  const pow = 2 ** Math.floor(Math.log2(n));
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(0, 4);
  f4.writeUInt16BE(n * 2, 6);
  f4.writeUInt16BE(pow * 2, 8);
  f4.writeUInt16BE(Math.log2(pow), 10);
  f4.writeUInt16BE(n * 2 - pow * 2, 12);
  segs.forEach((s, i) => {
    f4.writeUInt16BE(s.end, 14 + i * 2);
    f4.writeUInt16BE(s.start, 16 + n * 2 + i * 2);
    f4.writeUInt16BE(s.delta, 16 + n * 4 + i * 2);
    f4.writeUInt16BE(0, 16 + n * 6 + i * 2);
  });
  const f12 = Buffer.alloc(16 + 12 * entries.length);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(entries.length, 12);
  entries.forEach(([cp, gid], i) => {
    f12.writeUInt32BE(cp, 16 + i * 12);
    f12.writeUInt32BE(cp, 20 + i * 12);
    f12.writeUInt32BE(gid, 24 + i * 12);
  });
  const header = Buffer.alloc(4 + 8 * 2);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(2, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(header.length, 8);
  header.writeUInt16BE(3, 12);
  header.writeUInt16BE(10, 14);
  header.writeUInt32BE(header.length + f4.length, 16);
  return Buffer.concat([header, f4, f12]);
}

function checksum(b: Buffer): number {
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** An sfnt (TrueType or, with version 'OTTO', CFF) from its tables: sorted directory, 4-byte aligned tables, checksums and head's adjustment. */
function writeSfnt(tables: Map<string, Buffer>, version: number): Buffer {
  const head = tables.get('head');
  if (head) head.writeUInt32BE(0, 8);
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const dir = Buffer.alloc(12 + 16 * n);
  dir.writeUInt32BE(version, 0);
  dir.writeUInt16BE(n, 4);
  dir.writeUInt16BE(pow * 16, 6);
  dir.writeUInt16BE(Math.log2(pow), 8);
  dir.writeUInt16BE(n * 16 - pow * 16, 10);
  const parts: Buffer[] = [dir];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + i * 16;
    dir.write(tag, at, 4, 'latin1');
    dir.writeUInt32BE(checksum(data), at + 4);
    dir.writeUInt32BE(offset, at + 8);
    dir.writeUInt32BE(data.length, at + 12);
    const pad = (4 - (data.length % 4)) % 4;
    parts.push(data, Buffer.alloc(pad));
    offset += data.length + pad;
  });
  const file = Buffer.concat(parts);
  if (head) {
    const headAt = 12 + tags.indexOf('head') * 16;
    file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, file.readUInt32BE(headAt + 8) + 8);
  }
  return file;
}
