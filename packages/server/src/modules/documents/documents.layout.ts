/**
 * The official document (公文) laid out to GB/T 9704-2012 《党政机关公文格式》: A4, text block
 * 156 × 225 mm at 37 mm from the top and 28 mm from the binding edge, 22 lines × 28 characters on
 * a fixed grid, red masthead and separator, 版记 on the last even page, page numbers "— 1 —".
 * The layout is computed once, as positioned items per page (`platform/print/page-items.ts`);
 * `documents.pdf.ts` draws them as PDF and `documents.ofd.ts` as OFD (GB/T 33190-2016).
 * Input is a plain object (no database): the documents service maps its record onto it.
 * Section numbers in comments refer to GB/T 9704. The special formats of its chapter 10 (10.1 信函格式
 * for 函, 10.2 命令（令）格式, 10.3 纪要格式) are chosen by the input's `docType` (`formatOf`).
 */
import { chineseDate } from '@township-office/domain/dates';
import type { BodyParagraph, OfficialDocumentInput } from '@township-office/domain/print';
import type { FontRole } from '../../platform/print/fonts.ts';
import { gridLine, gridWidth, layoutGrid, type GridGlyph, type GridRun } from '../../platform/print/grid.ts';
import type { LaidOutPage, PageItem } from '../../platform/print/page-items.ts';
import { charWidth, MM, textWidth, wrapText, type Pdf } from '../../platform/print/pdf.ts';

/** The geometry of 5.2: text block and grid, in PDF points. */
export const GBT9704 = {
  left: 28 * MM,
  top: 37 * MM,
  width: 156 * MM,
  height: 225 * MM,
  lines: 22,
  chars: 28,
  /** 3号 */
  bodySize: 16,
  /** 2号 */
  titleSize: 22,
  /** 4号 */
  imprintSize: 14,
  /** Where the em box top sits below the alphabetic baseline in a CJK face (ideographic em box). */
  emAscent: 0.88,
  red: '#e60012',
} as const;
const LINE = GBT9704.height / GBT9704.lines;
const CELL = GBT9704.width / GBT9704.chars;
const HALF = CELL / 2;
const HALVES = GBT9704.chars * 2;

/** The formats of GB/T 9704: the standard one of chapter 7, and the special ones of chapter 10. */
export type DocumentFormat = 'standard' | 'letter' | 'order' | 'summary';

/** 函 → 10.1 信函格式, 命令(令) → 10.2 命令（令）格式, 纪要 → 10.3 纪要格式; every other type is standard. */
export function formatOf(docType: string | null | undefined): DocumentFormat {
  const t = (docType ?? '').replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
  if (t === '函') return 'letter';
  if (t === '命令(令)' || t === '命令' || t === '令') return 'order';
  if (t === '纪要') return 'summary';
  return 'standard';
}

/** The issuer's name without the "文件" of the standard masthead (10.1, 10.2, 10.3 do not print it). */
const bareIssuer = (name: string) => name.replace(/文件$/, '');

const HEADING_PATTERNS: [level: 1 | 2 | 3 | 4, re: RegExp][] = [
  [1, /^[一二三四五六七八九十百]+、/],
  [2, /^[（(][一二三四五六七八九十百]+[）)]/],
  [3, /^\d+[.．](?!\d)/],
  [4, /^[（(]\d+[）)]/],
];

/** Splits the body into paragraphs and reads each one's heading level from its number (7.3.3). */
export function parseBody(body: OfficialDocumentInput['body']): Required<BodyParagraph>[] {
  const items = typeof body === 'string' ? body.split(/\r?\n/) : body;
  return items
    .map((p) => (typeof p === 'string' ? { text: p } : p))
    .map((p) => ({ ...p, text: p.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') }))
    .filter((p) => p.text.length > 0)
    .map((p) => ({ text: p.text, level: p.level ?? HEADING_PATTERNS.find(([, re]) => re.test(p.text))?.[0] ?? 0 }));
}

/** 一、 in 黑体 and （一） in 楷体; the heading part ends at its first 。 when text follows it. */
function paragraphRuns(p: Required<BodyParagraph>): GridRun[] {
  const role: FontRole | null = p.level === 1 ? 'heading' : p.level === 2 ? 'kai' : null;
  if (!role) return [{ text: p.text, role: 'body' }];
  const stop = p.text.indexOf('。');
  if (stop < 0 || stop === p.text.length - 1) return [{ text: p.text, role }];
  return [
    { text: p.text.slice(0, stop + 1), role },
    { text: p.text.slice(stop + 1), role: 'body' },
  ];
}

/** `seals`: each seal's top is at this line's top, its centre `centre` half-cells from the block's left (7.3.5.1). */
type FlowLine = { glyphs: GridGlyph[]; keep?: boolean; seals?: { centre: number; png: Uint8Array }[] } | null;

/**
 * The seal's printed size. GB/T 9704-2012 gives none (7.3.5.1 places the seal, it does not size it):
 * 40 mm across, which presses the 署名 and the 成文日期 below its centre as 7.3.5.1 asks.
 */
export const SEAL_MM = 40;

interface Page {
  lines: FlowLine[];
  imprint: boolean;
  numbered: boolean;
}

function fullWidth(doc: Pdf) {
  return (ch: string, role: FontRole) => charWidth(doc, role, GBT9704.bodySize, ch) >= GBT9704.bodySize * 0.9;
}

/** 正文, 附件说明, 署名, 成文日期, 附注 as grid lines; `keep` lines stay with the two lines before. */
function composeFlow(doc: Pdf, input: OfficialDocumentInput, format: DocumentFormat = 'standard'): FlowLine[] {
  const isFull = fullWidth(doc);
  const flow: FlowLine[] = [];
  if (input.mainRecipients) {
    const text = /[：:]$/.test(input.mainRecipients) ? input.mainRecipients.replace(/:$/, '：') : `${input.mainRecipients}：`;
    for (const g of layoutGrid([{ text, role: 'body' }], { halves: HALVES, isFull })) flow.push({ glyphs: g });
  }
  for (const p of parseBody(input.body)) {
    for (const g of layoutGrid(paragraphRuns(p), { halves: HALVES, firstIndent: 4, isFull })) flow.push({ glyphs: g });
  }
  const attachments = input.attachments ?? [];
  if (attachments.length > 0) {
    // 7.3.4: 正文下空一行左空二字 "附件：", numbered when several, continuation aligned with the name.
    flow.push(null);
    attachments.forEach((a, i) => {
      const prefix = i === 0 ? gridLine([{ text: '附件：', role: 'body' }], 4, isFull) : [];
      const numberText = attachments.length > 1 ? `${i + 1}．` : '';
      const numberGlyphs = gridLine([{ text: numberText, role: 'body' }], 10, isFull);
      const nameAt = 10 + gridWidth([{ text: numberText, role: 'body' }], isFull);
      const name = a.name.replace(/[。.，,；;]+$/, '');
      const lines = layoutGrid([{ text: name, role: 'body' }], { halves: HALVES, firstIndent: nameAt, indent: nameAt, isFull });
      lines.forEach((g, k) => flow.push({ glyphs: k === 0 ? [...prefix, ...numberGlyphs, ...g] : g }));
    });
  }
  const date = chineseDate(input.writtenDate);
  if (format === 'order') flow.push(...orderSignature(input, date, isFull));
  else if (format === 'summary') flow.push(...summaryClose(input, date, isFull));
  // 7.3.5.1 with the org's seal (a joint document: with every issuer's seal, when their 署名 fit in one row); 7.3.5.2 otherwise.
  else {
    const joint = input.signatureNames && input.signatureNames.length > 1;
    const sealedJoint = joint ? jointSealedSignature(input, date, isFull) : null;
    if (sealedJoint) flow.push(...sealedJoint);
    else if (input.seal && !joint) flow.push(...sealedSignature(input, input.seal, date, isFull));
    else flow.push(...unsealedSignature(input, date, isFull));
  }
  if (input.note) {
    // 7.3.6: 附注居左空二字加圆括号编排在成文日期下一行.
    for (const g of layoutGrid([{ text: `（${input.note}）`, role: 'body' }], { halves: HALVES, firstIndent: 4, isFull }))
      flow.push({ glyphs: g });
  }
  return flow;
}

type IsFull = ReturnType<typeof fullWidth>;

/**
 * 7.3.5.1 加盖印章的公文: "成文日期一般右空四字编排，印章用红色，不得出现空白印章。单一机关行文时，一般在
 * 成文日期之上、以成文日期为准居中编排发文机关署名，印章端正、居中下压发文机关署名和成文日期，使发文机关
 * 署名和成文日期居印章中心偏下位置，印章顶端应当上距正文（或附件说明）一行之内。" Two lines are left
 * above the 署名; the seal's top is at the first of them (within one line of the text above), its
 * centre on the date's centre, so that the 署名 and the date sit below its centre.
 */
function sealedSignature(input: OfficialDocumentInput, seal: Uint8Array, date: string, isFull: IsFull): FlowLine[] {
  const flow: FlowLine[] = [];
  const dateWidth = gridWidth([{ text: date, role: 'body' }], isFull);
  const dateAt = HALVES - 8 - dateWidth;
  const names = [input.signatureName];
  flow.push({ glyphs: [], keep: true, seals: [{ centre: dateAt + dateWidth / 2, png: seal }] }, { glyphs: [], keep: true });
  for (const name of names) {
    const nameWidth = gridWidth([{ text: name, role: 'body' }], isFull);
    let nameAt = Math.round(dateAt + dateWidth / 2 - nameWidth / 2);
    nameAt = Math.max(0, Math.min(nameAt, HALVES - 4 - nameWidth));
    if (nameAt % 2 === 1) nameAt--;
    flow.push({ glyphs: gridLine([{ text: name, role: 'body' }], nameAt, isFull), keep: true });
  }
  flow.push({ glyphs: gridLine([{ text: date, role: 'body' }], dateAt, isFull), keep: true });
  return flow;
}

/** The space planned between two seals of a row, mm; at least 1 mm is left once the 署名 sit on the grid (7.3.5.1 "互不相交或相切"). */
const SEAL_GAP_MM = 6;

/**
 * 7.3.5.1, 联合行文: "一般将各发文机关署名按照发文机关顺序整齐排列在相应位置，并将印章一一对应、端正、居中
 * 下压发文机关署名，最后一个印章端正、居中下压发文机关署名和成文日期，印章之间排列整齐、互不相交或相切，每排
 * 印章两端不得超出版心，首排印章顶端应当上距正文（或附件说明）一行之内。" One row: the last 署名 and seal
 * centred on the date (右空四字), the others to their left in the issuers' order, each seal centred on its
 * 署名 as the grid places it. Null (the caller sets 7.3.5.2) unless every issuer has a seal, the row
 * stays inside the text block, the seals stay apart and the 署名 do not run into each other.
 */
function jointSealedSignature(input: OfficialDocumentInput, date: string, isFull: IsFull): FlowLine[] | null {
  const names = input.signatureNames ?? [];
  const seals = input.issuerSeals ?? [];
  if (names.length < 2 || seals.length !== names.length || seals.some((x) => !x)) return null;
  const dateWidth = gridWidth([{ text: date, role: 'body' }], isFull);
  const dateAt = HALVES - 8 - dateWidth;
  const sealHalves = (SEAL_MM * MM) / HALF;
  const pitch = ((SEAL_MM + SEAL_GAP_MM) * MM) / HALF;
  const last = dateAt + dateWidth / 2;
  const widths = names.map((n) => gridWidth([{ text: n, role: 'body' }], isFull));
  const starts = names.map((_, i) => {
    const at = Math.round(last - (names.length - 1 - i) * pitch - widths[i]! / 2);
    return at - (at % 2);
  });
  const centres = names.map((_, i) => (i === names.length - 1 ? last : starts[i]! + widths[i]! / 2));
  if (centres[0]! - sealHalves / 2 < 0) return null;
  for (let i = 0; i < names.length; i++) {
    if (starts[i]! < 0 || starts[i]! + widths[i]! > HALVES) return null;
    // One character between neighbouring 署名, 1 mm between neighbouring seals, at least.
    if (i > 0 && starts[i - 1]! + widths[i - 1]! + 2 > starts[i]!) return null;
    if (i > 0 && (centres[i]! - centres[i - 1]! - sealHalves) * HALF < 1 * MM) return null;
  }
  const glyphs = names.flatMap((n, i) => gridLine([{ text: n, role: 'body' }], starts[i]!, isFull));
  return [
    { glyphs: [], keep: true, seals: centres.map((centre, i) => ({ centre, png: seals[i]! })) },
    { glyphs: [], keep: true },
    { glyphs, keep: true },
    { glyphs: gridLine([{ text: date, role: 'body' }], dateAt, isFull), keep: true },
  ];
}

/**
 * 10.2 → 7.3.5.3 (加盖签发人签名章的公文): 正文下空二行右空四字 the 签发人签名章 (printed as the
 * signer's name; the stamp goes over it), 签发人职务 two characters left of it; 成文日期 one line
 * below the 签名章, 右空四字.
 */
function orderSignature(input: OfficialDocumentInput, date: string, isFull: IsFull): FlowLine[] {
  const flow: FlowLine[] = [
    { glyphs: [], keep: true },
    { glyphs: [], keep: true },
  ];
  const name = input.signer ?? '';
  const nameWidth = gridWidth([{ text: name, role: 'body' }], isFull);
  const nameAt = Math.max(0, HALVES - 8 - nameWidth);
  const glyphs = gridLine([{ text: name, role: 'body' }], nameAt, isFull);
  if (input.signerTitle) {
    const titleWidth = gridWidth([{ text: input.signerTitle, role: 'body' }], isFull);
    glyphs.unshift(...gridLine([{ text: input.signerTitle, role: 'body' }], Math.max(0, nameAt - 4 - titleWidth), isFull));
  }
  flow.push({ glyphs, keep: true }, { glyphs: [], keep: true });
  const dateWidth = gridWidth([{ text: date, role: 'body' }], isFull);
  flow.push({ glyphs: gridLine([{ text: date, role: 'body' }], HALVES - 8 - dateWidth, isFull), keep: true });
  return flow;
}

/** The 10.3 lists in their order, each with its label. */
export function summaryLists(input: OfficialDocumentInput): { label: string; names: string[] }[] {
  return [
    { label: '出席', names: input.attendees ?? [] },
    { label: '请假', names: input.absentees ?? [] },
    { label: '列席', names: input.observers ?? [] },
  ].filter((l) => l.names.length > 0);
}

/**
 * 10.3: 正文（或附件说明）下空一行左空二字 "出席" in 3号黑体 and a full-width colon, the names after
 * it in 3号仿宋, continuation lines aligned with the first name; 请假 and 列席 each on a new line the
 * same way. 纪要不加盖印章, so no seal space: 署名 and 成文日期 follow 7.3.5.2 (不加盖印章的公文:
 * 署名右空二字, the date on the next line two characters further right), one line under the lists.
 */
function summaryClose(input: OfficialDocumentInput, date: string, isFull: IsFull): FlowLine[] {
  const flow: FlowLine[] = [];
  const lists = summaryLists(input);
  if (lists.length > 0) {
    flow.push(null);
    for (const l of lists) {
      const label: GridRun = { text: `${l.label}：`, role: 'heading' };
      const indent = 4 + gridWidth([label], isFull);
      const runs: GridRun[] = [label, { text: l.names.join('、'), role: 'body' }];
      for (const g of layoutGrid(runs, { halves: HALVES, firstIndent: 4, indent, isFull })) flow.push({ glyphs: g });
    }
  }
  flow.push(...unsealedSignature(input, date, isFull));
  return flow;
}

/**
 * 7.3.5.2 不加盖印章的公文: "单一机关行文时，在正文（或附件说明）下空一行右空二字编排发文机关署名，在发文机关
 * 署名下一行编排成文日期，首字比发文机关署名首字右移二字，如成文日期长于发文机关署名，应当使成文日期右空二字
 * 编排，并相应增加发文机关署名右空字数。联合行文时，应当先编排主办机关署名，其余发文机关署名依次向下编排。"
 */
function unsealedSignature(input: OfficialDocumentInput, date: string, isFull: IsFull): FlowLine[] {
  const flow: FlowLine[] = [{ glyphs: [], keep: true }];
  const name = input.signatureNames?.length ? input.signatureNames : [input.signatureName];
  const dateWidth = gridWidth([{ text: date, role: 'body' }], isFull);
  const widest = Math.max(...name.map((n) => gridWidth([{ text: n, role: 'body' }], isFull)));
  // A date longer than the 署名 is set 右空二字 and the 署名 moves left to keep the offset.
  let nameAt = dateWidth > widest ? HALVES - 4 - dateWidth - 4 : HALVES - 4 - widest;
  nameAt = Math.max(0, nameAt - (nameAt % 2));
  for (const n of name) flow.push({ glyphs: gridLine([{ text: n, role: 'body' }], nameAt, isFull), keep: true });
  flow.push({ glyphs: gridLine([{ text: date, role: 'body' }], nameAt + 4, isFull), keep: true });
  return flow;
}

/** Fills pages from `firstLine` on page 1; keeps the signature block with the body above it. */
function paginate(flow: FlowLine[], firstLine: number): Page[] {
  const pages: Page[] = [{ lines: Array<FlowLine>(firstLine).fill(null), imprint: false, numbered: true }];
  let page = pages[0]!;
  const newPage = () => {
    page = { lines: [], imprint: false, numbered: true };
    pages.push(page);
  };
  for (let i = 0; i < flow.length; i++) {
    const line = flow[i]!;
    if (line?.keep && flow[i - 1] && !flow[i - 1]!.keep) {
      const block = flow.slice(i).findIndex((l) => !l?.keep);
      const size = block < 0 ? flow.length - i : block;
      if (page.lines.length + size > GBT9704.lines) {
        // 7.3.5: never a page with only the signature; carry two body lines over with it.
        const carried = page.lines.length > 2 ? page.lines.splice(page.lines.length - 2, 2) : [];
        newPage();
        page.lines.push(...carried);
      }
    }
    if (page.lines.length >= GBT9704.lines) newPage();
    if (page.lines.length === 0 && (line === null || (line.glyphs.length === 0 && !line.keep))) continue;
    page.lines.push(line);
  }
  return pages;
}

/** 7.4: the 版记 goes at the foot of the last page, which must be even; added pages get no number. */
function placeImprint(pages: Page[], imprintLines: number): void {
  const last = pages[pages.length - 1]!;
  const free = GBT9704.lines - last.lines.length;
  if (pages.length % 2 === 0 && free >= imprintLines + 1) {
    last.imprint = true;
    return;
  }
  const blankFirst = pages.length % 2 === 0;
  if (blankFirst) pages.push({ lines: [], imprint: false, numbered: false });
  pages.push({ lines: [], imprint: true, numbered: !blankFirst });
}

/**
 * Lays a document out on GB/T 9704-2012 pages. `doc` only measures: a PDFKit document with the
 * role fonts registered (the faces every backend then draws in), on which nothing is drawn.
 */
export function layoutOfficialDocument(doc: Pdf, input: OfficialDocumentInput): LaidOutPage[] {
  const format = formatOf(input.docType);
  const head =
    format === 'letter'
      ? letterHead(doc, input)
      : format === 'order'
        ? orderHead(doc, input)
        : standardHead(doc, format === 'summary' ? summaryMasthead(input) : input);
  const pages = paginate(composeFlow(doc, input, format), head.bodyLine);
  const imprint = imprintLayout(doc, input, format);
  // 10.1: a 信函 without 抄送 has no 版记 at all.
  if (imprint.length > 0) placeImprint(pages, imprint.length + 1);

  return pages.map((page, i) => {
    const out: PageItem[] = [];
    if (i === 0) head.draw(out);
    page.lines.forEach((line, k) => line && drawGlyphs(doc, out, line.glyphs, k));
    // The seal over the 署名 and date it presses (drawn last, so on top; its background is transparent).
    page.lines.forEach((line, k) => {
      const size = SEAL_MM * MM;
      for (const seal of line?.seals ?? [])
        out.push({
          kind: 'image',
          x: GBT9704.left + seal.centre * HALF - size / 2,
          y: lineTop(k),
          width: size,
          height: size,
          png: seal.png,
        });
    });
    if (page.imprint) drawImprint(doc, out, imprint, format !== 'letter');
    // 10.1: 信函格式首页不显示页码.
    if (page.numbered && !(format === 'letter' && i === 0)) drawPageNumber(doc, out, i + 1);
    return { items: out };
  });
}

/** A first page's head: how far down the body starts, and how to draw it. */
interface Head {
  bodyLine: number;
  draw: (out: PageItem[]) => void;
}

function standardHead(doc: Pdf, input: OfficialDocumentInput): Head {
  const head = headLayout(doc, input);
  return { bodyLine: head.bodyLine, draw: (out) => drawHead(doc, out, input, head) };
}

/** 10.3: the 纪要标志 "XXXXX纪要" in the place of the standard masthead (7.2.4), without "文件". */
function summaryMasthead(input: OfficialDocumentInput): OfficialDocumentInput {
  const name = bareIssuer(input.issuerName);
  const joint = input.issuers && input.issuers.length > 1 ? { issuerSuffix: '纪要' } : {};
  return { ...input, ...joint, issuerName: name.endsWith('纪要') ? name : `${name}纪要` };
}

// ---- placing --------------------------------------------------------------------------------

/** Alphabetic baseline of an em box whose top is at `emTop` (points from the page top). */
const baseline = (emTop: number, size: number) => emTop + GBT9704.emAscent * size;
const lineTop = (k: number) => GBT9704.top + k * LINE;

interface RunOptions {
  color?: string;
  characterSpacing?: number;
  horizontalScaling?: number;
}

function run(doc: Pdf, text: string, role: FontRole, size: number, x: number, y: number, opts: RunOptions = {}): PageItem {
  return {
    kind: 'text',
    text,
    role,
    size,
    x,
    baseline: y,
    color: opts.color ?? '#000',
    advances: [...text].map((ch) => charWidth(doc, role, size, ch)),
    ...(opts.characterSpacing !== undefined ? { characterSpacing: opts.characterSpacing } : {}),
    ...(opts.horizontalScaling !== undefined ? { horizontalScaling: opts.horizontalScaling } : {}),
  };
}

function rule(y: number, width: number, color: string, x1: number = GBT9704.left, x2: number = GBT9704.left + GBT9704.width): PageItem {
  return { kind: 'rule', x1, y1: y, x2, y2: y, width, color };
}

/** Places grid glyphs on line k, batching runs of full-width glyphs of one face. */
function drawGlyphs(doc: Pdf, out: PageItem[], glyphs: GridGlyph[], k: number, size: number = GBT9704.bodySize) {
  const y = baseline(lineTop(k), size);
  let i = 0;
  while (i < glyphs.length) {
    const g = glyphs[i]!;
    if (g.span === 1) {
      const w = charWidth(doc, g.role, size, g.ch);
      out.push(run(doc, g.ch, g.role, size, GBT9704.left + g.at * HALF + (HALF - w) / 2, y));
      i++;
      continue;
    }
    let j = i + 1;
    while (j < glyphs.length && glyphs[j]!.span === 2 && glyphs[j]!.role === g.role && glyphs[j]!.at === glyphs[j - 1]!.at + 2) j++;
    const text = glyphs
      .slice(i, j)
      .map((x) => x.ch)
      .join('');
    // Each glyph advances one em; the spacing brings that to the grid's cell width exactly.
    out.push(run(doc, text, g.role, size, GBT9704.left + g.at * HALF, y, { characterSpacing: CELL - charWidth(doc, g.role, size, g.ch) }));
    i = j;
  }
}

function centred(doc: Pdf, text: string, role: FontRole, size: number, emTop: number, color = '#000'): PageItem {
  const w = textWidth(doc, role, size, text);
  return run(doc, text, role, size, GBT9704.left + (GBT9704.width - w) / 2, baseline(emTop, size), { color });
}

interface HeadLayout {
  /** 联合行文: the names stacked, each spread to the widest one's width, "文件" to their right. */
  joint: { names: string[]; suffix: string; nameWidth: number; rowHeight: number } | null;
  mastheadSize: number;
  mastheadScale: number;
  numberLine: number;
  titleLines: string[];
  titleLine: number;
  bodyLine: number;
}

function headLayout(doc: Pdf, input: OfficialDocumentInput): HeadLayout {
  // 7.2.4: 发文机关标志 centred, upper edge 35 mm below the text block; as wide as the block
  // allows, condensed rather than shrunk, the way printed mastheads are.
  let joint: HeadLayout['joint'] = null;
  let mastheadSize: number;
  let mastheadScale = 100;
  let mastheadBottom: number;
  if (input.issuers && input.issuers.length > 1) {
    // 7.2.4: 联合行文 with "文件": the lead org first, "文件" right of the names, centred on them.
    const suffix = input.issuerSuffix ?? '';
    const widest = Math.max(...input.issuers.map((n) => textWidth(doc, 'title', 1, n)));
    const gap = suffix ? 0.5 : 0;
    const total = widest + gap + textWidth(doc, 'title', 1, suffix);
    mastheadSize = Math.min(36, (GBT9704.width * 0.96) / total);
    mastheadScale = Math.min(100, ((GBT9704.width * 0.96) / (total * mastheadSize)) * 100);
    const rowHeight = mastheadSize * 1.2;
    joint = { names: input.issuers, suffix, nameWidth: widest * mastheadSize, rowHeight };
    mastheadBottom = 35 * MM + (input.issuers.length - 1) * rowHeight + mastheadSize;
  } else {
    const natural = textWidth(doc, 'title', 1, input.issuerName);
    mastheadSize = Math.min(56, GBT9704.width / (natural * 0.6));
    mastheadScale = Math.min(100, ((GBT9704.width * 0.96) / (natural * mastheadSize)) * 100);
    mastheadBottom = 35 * MM + mastheadSize;
  }
  // 7.2.5: 发文字号 two lines below the masthead; 7.3.1: the title two lines below the red line.
  const numberLine = Math.ceil(mastheadBottom / LINE) + 2;
  const titleLine = numberLine + 3;
  const titleLines = wrapTitle(doc, input.title);
  const bodyLine = titleLine + titleLines.length + 1;
  return { joint, mastheadSize, mastheadScale, numberLine, titleLines, titleLine, bodyLine };
}

/** 7.3.1: the title in 2号小标宋, balanced lines (梯形/菱形), not a full line over a short one. */
function wrapTitle(doc: Pdf, title: string): string[] {
  const titleWidth = textWidth(doc, 'title', GBT9704.titleSize, title);
  const count = Math.ceil(titleWidth / GBT9704.width);
  const target = Math.min(GBT9704.width, titleWidth / count + GBT9704.titleSize * 1.5);
  return wrapText(title, target, (u) => textWidth(doc, 'title', GBT9704.titleSize, u), true);
}

/** 7.2.1, 7.2.3: 份号 (6 digits) and 紧急程度, the texts stacked in the top-left corner in 3号黑体. */
function cornerMarks(input: OfficialDocumentInput): string[] {
  const marks: string[] = [];
  if (input.copyNo !== undefined && input.copyNo !== null && input.copyNo !== '') marks.push(String(input.copyNo).padStart(6, '0'));
  const urgency = input.urgency === 'extra_urgent' ? '特急' : input.urgency === 'urgent' ? '加急' : null;
  if (urgency) marks.push(urgency);
  return marks;
}

function drawHead(doc: Pdf, out: PageItem[], input: OfficialDocumentInput, head: HeadLayout) {
  const isFull = fullWidth(doc);
  cornerMarks(input).forEach((m, k) => drawGlyphs(doc, out, gridLine([{ text: m, role: 'heading' }], 0, isFull), k));

  if (head.joint) drawJointMasthead(doc, out, head.joint, head.mastheadSize, head.mastheadScale);
  else {
    const mWidth = textWidth(doc, 'title', head.mastheadSize, input.issuerName) * (head.mastheadScale / 100);
    const x = GBT9704.left + (GBT9704.width - mWidth) / 2;
    const y = baseline(GBT9704.top + 35 * MM, head.mastheadSize);
    out.push(run(doc, input.issuerName, 'title', head.mastheadSize, x, y, { color: GBT9704.red, horizontalScaling: head.mastheadScale }));
  }

  const numberText = input.docNumber ?? '';
  if (input.signer) {
    // 7.2.6: upward documents put 发文字号 left and 签发人 right, each one character in.
    drawGlyphs(doc, out, gridLine([{ text: numberText, role: 'body' }], 2, isFull), head.numberLine);
    const runs: GridRun[] = [
      { text: '签发人：', role: 'body' },
      { text: input.signer, role: 'kai' },
    ];
    drawGlyphs(doc, out, gridLine(runs, HALVES - 2 - gridWidth(runs, isFull), isFull), head.numberLine);
  } else if (numberText) {
    const w = gridWidth([{ text: numberText, role: 'body' }], isFull);
    let at = Math.round((HALVES - w) / 2);
    if (at % 2 === 1) at--;
    drawGlyphs(doc, out, gridLine([{ text: numberText, role: 'body' }], at, isFull), head.numberLine);
  }
  // 7.2.7: the red separator 4 mm under the 发文字号, as wide as the text block.
  out.push(rule(lineTop(head.numberLine) + GBT9704.bodySize + 4 * MM, 1.2, GBT9704.red));

  head.titleLines.forEach((t, k) => out.push(centred(doc, t, 'title', GBT9704.titleSize, lineTop(head.titleLine + k))));
}

/**
 * 10.1 信函格式. Figures from the text of 10.1: 发文机关标志 (full name or 规范化简称, without "文件";
 * 联合行文 the lead org's only) centred, upper edge 30 mm from the page's top edge, red 小标宋;
 * 4 mm under it a red double line 上粗下细, and 20 mm above the page's lower edge one 上细下粗, both
 * 170 mm long and centred on the text block. 份号 (and under it 紧急程度) 顶格 at the block's left
 * edge and 发文字号 顶格 at its right edge under the first double line, 3号汉字高度的 7/8 below it;
 * the title two lines under the last element above it. The text gives no size for the masthead
 * and no stroke widths or gap for the double lines: the masthead is at most 30 pt (smaller than
 * the 文件 masthead), and the lines are drawn as 2.25 pt + 0.75 pt with 1.5 pt between.
 */
export const LETTER = {
  mastheadTop: 30 * MM,
  lineGap: 4 * MM,
  /** The lower double line's lower edge, from the page's lower edge. */
  lineBottom: 20 * MM,
  lineWidth: 170 * MM,
  thick: 2.25,
  thin: 0.75,
  between: 1.5,
  pageHeight: 297 * MM,
} as const;

function letterHead(doc: Pdf, input: OfficialDocumentInput): Head {
  const name = bareIssuer(input.issuers?.[0] ?? input.issuerName);
  const size = Math.min(30, (GBT9704.width * 0.96) / textWidth(doc, 'title', 1, name));
  const doubleTop = LETTER.mastheadTop + size + LETTER.lineGap;
  const doubleBottom = doubleTop + LETTER.thick + LETTER.between + LETTER.thin;
  const markTop = doubleBottom + (7 / 8) * GBT9704.bodySize;
  const marks = cornerMarks(input);
  // 10.1 says nothing of 签发人; an upward 函 still carries it (7.2.6), so it goes under the 发文字号.
  const rows = Math.max(marks.length, input.signer ? 2 : 1);
  const lastTop = markTop + (rows - 1) * LINE;
  const titleLine = Math.ceil((lastTop + GBT9704.bodySize - GBT9704.top) / LINE) + 2;
  const titleLines = wrapTitle(doc, input.title);
  const x1 = GBT9704.left + (GBT9704.width - LETTER.lineWidth) / 2;
  const x2 = x1 + LETTER.lineWidth;
  const draw = (out: PageItem[]) => {
    const w = textWidth(doc, 'title', size, name);
    out.push(
      run(doc, name, 'title', size, GBT9704.left + (GBT9704.width - w) / 2, baseline(LETTER.mastheadTop, size), { color: GBT9704.red }),
    );
    // Upper: thick over thin, its top edge 4 mm under the masthead.
    out.push(rule(doubleTop + LETTER.thick / 2, LETTER.thick, GBT9704.red, x1, x2));
    out.push(rule(doubleBottom - LETTER.thin / 2, LETTER.thin, GBT9704.red, x1, x2));
    // Lower: thin over thick, its lower edge 20 mm above the page's lower edge.
    const lowerBottom = LETTER.pageHeight - LETTER.lineBottom;
    out.push(rule(lowerBottom - LETTER.thick - LETTER.between - LETTER.thin / 2, LETTER.thin, GBT9704.red, x1, x2));
    out.push(rule(lowerBottom - LETTER.thick / 2, LETTER.thick, GBT9704.red, x1, x2));
    marks.forEach((m, k) =>
      out.push(run(doc, m, 'heading', GBT9704.bodySize, GBT9704.left, baseline(markTop + k * LINE, GBT9704.bodySize))),
    );
    if (input.docNumber) {
      const nw = textWidth(doc, 'body', GBT9704.bodySize, input.docNumber);
      out.push(run(doc, input.docNumber, 'body', GBT9704.bodySize, GBT9704.left + GBT9704.width - nw, baseline(markTop, GBT9704.bodySize)));
    }
    if (input.signer) {
      const y = baseline(markTop + LINE, GBT9704.bodySize);
      const nameW = textWidth(doc, 'kai', GBT9704.bodySize, input.signer);
      const labelW = textWidth(doc, 'body', GBT9704.bodySize, '签发人：');
      const x = GBT9704.left + GBT9704.width - nameW;
      out.push(run(doc, '签发人：', 'body', GBT9704.bodySize, x - labelW, y), run(doc, input.signer, 'kai', GBT9704.bodySize, x, y));
    }
    titleLines.forEach((t, k) => out.push(centred(doc, t, 'title', GBT9704.titleSize, lineTop(titleLine + k))));
  };
  return { bodyLine: titleLine + titleLines.length + 1, draw };
}

/**
 * 10.2 命令（令）格式, from its text: 发文机关标志 = 发文机关全称加"命令"或"令"字, centred, upper edge
 * 20 mm below the text block's upper edge, red 小标宋 (no size given: sized as the standard
 * masthead); 发文机关标志下空二行居中编排令号 (the 发文字号), 令号下空二行编排正文; 10.2 names no
 * title, no red separator and no 主送机关 line, so none is printed (主送机关 only when given).
 * The 签发人职务、签名章和成文日期 follow 7.3.5.3 (`orderSignature`).
 */
function orderHead(doc: Pdf, input: OfficialDocumentInput): Head {
  const issuer = bareIssuer(input.issuers?.[0] ?? input.issuerName);
  const name = /令$/.test(issuer) ? issuer : `${issuer}令`;
  const natural = textWidth(doc, 'title', 1, name);
  const size = Math.min(56, GBT9704.width / (natural * 0.6));
  const scale = Math.min(100, ((GBT9704.width * 0.96) / (natural * size)) * 100);
  const numberLine = Math.ceil((20 * MM + size) / LINE) + 2;
  const draw = (out: PageItem[]) => {
    const isFull = fullWidth(doc);
    cornerMarks(input).forEach((m, k) => drawGlyphs(doc, out, gridLine([{ text: m, role: 'heading' }], 0, isFull), k));
    const w = textWidth(doc, 'title', size, name) * (scale / 100);
    const y = baseline(GBT9704.top + 20 * MM, size);
    out.push(run(doc, name, 'title', size, GBT9704.left + (GBT9704.width - w) / 2, y, { color: GBT9704.red, horizontalScaling: scale }));
    const numberText = input.docNumber ?? '';
    if (numberText) {
      const nw = gridWidth([{ text: numberText, role: 'body' }], isFull);
      const at = Math.max(0, Math.round((HALVES - nw) / 2));
      drawGlyphs(doc, out, gridLine([{ text: numberText, role: 'body' }], at - (at % 2), isFull), numberLine);
    }
  };
  return { bodyLine: numberLine + 3, draw };
}

/** 7.2.4 联合行文: each name spread to the widest one's width (分散对齐), "文件" right of them, centred on the stack. */
function drawJointMasthead(doc: Pdf, out: PageItem[], joint: NonNullable<HeadLayout['joint']>, size: number, scale: number) {
  const k = scale / 100;
  const suffixWidth = textWidth(doc, 'title', size, joint.suffix) * k;
  const gap = joint.suffix ? size * 0.5 * k : 0;
  const x = GBT9704.left + (GBT9704.width - (joint.nameWidth * k + gap + suffixWidth)) / 2;
  const top = GBT9704.top + 35 * MM;
  const opts = (spacing: number): RunOptions => ({ color: GBT9704.red, horizontalScaling: scale, characterSpacing: spacing });
  joint.names.forEach((name, i) => {
    const chars = [...name].length;
    const spare = (joint.nameWidth - textWidth(doc, 'title', size, name)) / Math.max(1, chars - 1);
    out.push(run(doc, name, 'title', size, x, baseline(top + i * joint.rowHeight, size), opts(chars > 1 ? spare : 0)));
  });
  if (joint.suffix) {
    const middle = top + ((joint.names.length - 1) * joint.rowHeight) / 2;
    out.push(run(doc, joint.suffix, 'title', size, x + joint.nameWidth * k + gap, baseline(middle, size), opts(0)));
  }
}

/** 版记 lines (抄送 wrapped, then 印发), laid out in 4号 with one character in on each side. */
function imprintLayout(
  doc: Pdf,
  input: OfficialDocumentInput,
  format: DocumentFormat = 'standard',
): { left: string; right?: string; indent: number }[] {
  const size = GBT9704.imprintSize;
  const out: { left: string; right?: string; indent: number }[] = [];
  const copyTo = (input.copyTo ?? []).filter((s) => s.trim());
  if (copyTo.length > 0) {
    const label = '抄送：';
    const labelW = textWidth(doc, 'body', size, label);
    const text = `${copyTo.join('，')}。`;
    const lines = wrapText(text, GBT9704.width - 2 * size - labelW, (u) => textWidth(doc, 'body', size, u));
    lines.forEach((l, i) => out.push({ left: i === 0 ? label + l : l, indent: i === 0 ? size : size + labelW }));
  }
  // 10.1: 信函格式的版记不加印发机关和印发日期、分隔线.
  if (format !== 'letter') out.push({ left: input.printedBy, right: `${chineseDate(input.printedDate)}印发`, indent: size });
  return out;
}

function drawImprint(doc: Pdf, out: PageItem[], lines: { left: string; right?: string; indent: number }[], ruled = true) {
  const size = GBT9704.imprintSize;
  const first = GBT9704.lines - lines.length;
  // 7.4.1: first and last rules 0.35 mm, the ones between 0.25 mm; the last on the block's edge.
  const push = (item: PageItem) => (ruled || item.kind !== 'rule') && out.push(item);
  push(rule(lineTop(first), 0.35 * MM, '#000'));
  lines.forEach((l, i) => {
    const band = lineTop(first + i);
    const y = baseline(band + (LINE - size) / 2, size);
    if (i > 0 && (i === lines.length - 1 || l.indent === lines[0]!.indent)) push(rule(band, 0.25 * MM, '#000'));
    out.push(run(doc, l.left, 'body', size, GBT9704.left + l.indent, y));
    if (l.right) {
      const w = textWidth(doc, 'body', size, l.right);
      out.push(run(doc, l.right, 'body', size, GBT9704.left + GBT9704.width - size - w, y));
    }
  });
  push(rule(GBT9704.top + GBT9704.height, 0.35 * MM, '#000'));
}

/** 7.5: "— 1 —" in 4号 half-width digits, 7 mm under the block; odd pages right, even left. */
function drawPageNumber(doc: Pdf, out: PageItem[], n: number) {
  const size = GBT9704.imprintSize;
  const text = `— ${n} —`;
  const w = textWidth(doc, 'song', size, text);
  const x = n % 2 === 1 ? GBT9704.left + GBT9704.width - size - w : GBT9704.left + size;
  // The dashes sit at mid-height of the em box; put that 7 mm under the text block.
  const emTop = GBT9704.top + GBT9704.height + 7 * MM - size / 2;
  out.push(run(doc, text, 'song', size, x, baseline(emTop, size)));
}
