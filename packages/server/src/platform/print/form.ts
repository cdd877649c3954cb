/**
 * Single-record forms on portrait A4, laid out like the paper slips: a ruled grid of labelled
 * boxes (发文笺, 文件处理笺, 接待清单, 卷内目录 cover), opinion boxes with the signer's name and
 * date (拟办 / 批示 / 签发), and running text (会议记录). Every module prints its slip through this.
 */
import { chineseDate } from '@township-office/domain/dates';
import type {
  FormCell,
  FormGridSection,
  FormOpinionSection,
  FormSpec,
  FormTableSection,
  FormTextSection,
} from '@township-office/domain/print';
import type { FontConfig, FontRole } from './fonts.ts';
import { MM, newPdf, pdfBuffer, textWidth, wrapText, type Pdf } from './pdf.ts';

export type { FormSpec, FormSection, FormCell } from '@township-office/domain/print';

const PAGE = { width: 595.28, height: 841.89 };
const BOX = { left: 25 * MM, right: 595.28 - 20 * MM, top: 20 * MM, bottom: 841.89 - 20 * MM };
const WIDTH = BOX.right - BOX.left;
const SIZE = 11;
const LEAD = SIZE * 1.6;
const PAD = 5;
const LABEL_MIN = SIZE * 4 + 2 * PAD;
const OPINION_LABEL = 26 * MM;

interface Ctx {
  doc: Pdf;
  y: number;
  spec: FormSpec;
}

const wrap = (doc: Pdf, text: string, width: number, role: FontRole = 'song', size = SIZE) =>
  wrapText(text, width, (u) => textWidth(doc, role, size, u));

function put(doc: Pdf, text: string, x: number, top: number, role: FontRole = 'song', size = SIZE) {
  // Glyphs sit in the middle of a line of height LEAD (the em box is 0.88 above the baseline).
  doc
    .font(role)
    .fontSize(size)
    .fillColor('#000')
    .text(text, x, top + (LEAD - size) / 2 + 0.88 * size, { lineBreak: false, baseline: 'alphabetic' });
}

function newPage(c: Ctx) {
  c.doc.addPage({ size: 'A4', margin: 0 });
  c.y = BOX.top;
  put(c.doc, `${c.spec.title}（续）`, BOX.left, c.y, 'heading', SIZE);
  c.y += LEAD + 4;
}

/** Starts a new page when `height` does not fit; returns the height that can be drawn. */
function room(c: Ctx, height: number): void {
  if (c.y + height > BOX.bottom) newPage(c);
}

const valueText = (v: FormCell['value']) => (v === null || v === undefined ? '' : String(v));
const maxLines = Math.floor((BOX.bottom - BOX.top - LEAD * 2) / LEAD) - 1;
const clip = (lines: string[]) => (lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] : lines);

function drawGrid(c: Ctx, section: FormGridSection) {
  const { doc } = c;
  for (const row of section.rows) {
    const spans = row.cells.map((cell) => Math.max(cell.span ?? 1, 0.1));
    const total = spans.reduce((s, n) => s + n, 0);
    const cells = row.cells.map((cell, i) => {
      const width = (spans[i]! / total) * WIDTH;
      const labelW = Math.min(width * 0.45, Math.max(LABEL_MIN, textWidth(doc, 'heading', SIZE, cell.label) + 2 * PAD));
      const labels = clip(wrap(doc, cell.label, labelW - 2 * PAD, 'heading'));
      const values = clip(wrap(doc, valueText(cell.value), width - labelW - 2 * PAD));
      return { cell, width, labelW, labels, values };
    });
    const lines = Math.max(row.minLines ?? 1, ...cells.map((x) => Math.max(x.labels.length, x.values.length)));
    const height = lines * LEAD + 2 * PAD;
    room(c, height);
    let x = BOX.left;
    for (const x0 of cells) {
      doc.lineWidth(0.75).strokeColor('#000');
      doc.rect(x, c.y, x0.labelW, height).stroke();
      doc.rect(x + x0.labelW, c.y, x0.width - x0.labelW, height).stroke();
      const labelTop = c.y + (height - x0.labels.length * LEAD) / 2;
      x0.labels.forEach((l, k) => put(doc, l, x + (x0.labelW - textWidth(doc, 'heading', SIZE, l)) / 2, labelTop + k * LEAD, 'heading'));
      // One-line values sit in the middle like a filled-in box; longer text reads from the top.
      const valueTop = x0.values.length <= 1 ? c.y + (height - LEAD) / 2 : c.y + PAD;
      x0.values.forEach((l, k) => put(doc, l, x + x0.labelW + PAD, valueTop + k * LEAD));
      x += x0.width;
    }
    c.y += height;
  }
}

function opinionDate(d: string | Date | null | undefined): string {
  if (!d) return '';
  if (d instanceof Date || /^\d{4}-\d{2}-\d{2}/.test(d)) return chineseDate(d);
  return d;
}

function drawOpinions(c: Ctx, section: FormOpinionSection) {
  const { doc } = c;
  for (const op of section.opinions) {
    const textW = WIDTH - OPINION_LABEL - 2 * PAD;
    const lines = clip(wrap(doc, op.text ?? '', textW));
    const signature = [op.name ? `签名：${op.name}` : '签名：', opinionDate(op.date) || '年　月　日'].join('　　');
    // Room for a handwritten opinion when the box is still empty, as on the paper slip.
    const height = Math.max(lines.length, 3) * LEAD + LEAD + 2 * PAD;
    room(c, height);
    doc.lineWidth(0.75).strokeColor('#000');
    doc.rect(BOX.left, c.y, OPINION_LABEL, height).stroke();
    doc.rect(BOX.left + OPINION_LABEL, c.y, WIDTH - OPINION_LABEL, height).stroke();
    const labels = wrap(doc, op.label, OPINION_LABEL - 2 * PAD, 'heading');
    const labelTop = c.y + (height - labels.length * LEAD) / 2;
    labels.forEach((l, k) =>
      put(doc, l, BOX.left + (OPINION_LABEL - textWidth(doc, 'heading', SIZE, l)) / 2, labelTop + k * LEAD, 'heading'),
    );
    lines.forEach((l, k) => put(doc, l, BOX.left + OPINION_LABEL + PAD, c.y + PAD + k * LEAD));
    put(doc, signature, BOX.right - PAD - textWidth(doc, 'song', SIZE, signature), c.y + height - PAD - LEAD);
    c.y += height;
  }
}

function drawText(c: Ctx, section: FormTextSection) {
  const { doc } = c;
  c.y += LEAD / 2;
  if (section.heading) {
    room(c, LEAD * 2);
    put(doc, section.heading, BOX.left, c.y, 'heading', SIZE + 1);
    c.y += LEAD;
  }
  for (const para of section.paragraphs) {
    const indent = textWidth(doc, 'song', SIZE, '　　');
    const first = wrap(doc, para, WIDTH - indent);
    const head = first[0] ?? '';
    const rest = wrap(doc, para.slice(head.length).replace(/^\s+/, ''), WIDTH);
    const lines = [head, ...(rest.length === 1 && rest[0] === '' ? [] : rest)];
    lines.forEach((l, k) => {
      room(c, LEAD);
      put(doc, l, BOX.left + (k === 0 ? indent : 0), c.y);
      c.y += LEAD;
    });
  }
}

function drawTable(c: Ctx, section: FormTableSection) {
  const { doc } = c;
  c.y += LEAD / 2;
  if (section.heading) {
    room(c, LEAD * 3);
    put(doc, section.heading, BOX.left, c.y, 'heading', SIZE + 1);
    c.y += LEAD;
  }
  const total = section.columns.reduce((s, col) => s + col.width, 0);
  const widths = section.columns.map((col) => (col.width / total) * WIDTH);
  const drawRow = (cells: (string | null)[], role: FontRole, centred: boolean) => {
    const lines = cells.map((v, i) => clip(wrap(doc, v ?? '', widths[i]! - 2 * PAD, role)));
    const height = Math.max(1, ...lines.map((l) => l.length)) * LEAD + 2 * PAD;
    return { lines, height, role, centred };
  };
  const paint = (row: ReturnType<typeof drawRow>) => {
    let x = BOX.left;
    doc.lineWidth(0.75).strokeColor('#000');
    row.lines.forEach((ls, i) => {
      const w = widths[i]!;
      doc.rect(x, c.y, w, row.height).stroke();
      ls.forEach((l, k) => {
        const lx = row.centred ? x + (w - textWidth(doc, row.role, SIZE, l)) / 2 : x + PAD;
        put(doc, l, lx, c.y + PAD + k * LEAD, row.role);
      });
      x += w;
    });
    c.y += row.height;
  };
  const header = drawRow(
    section.columns.map((col) => col.header),
    'heading',
    true,
  );
  room(c, header.height + LEAD + 2 * PAD);
  paint(header);
  if (section.rows.length === 0 && section.empty) {
    const height = LEAD + 2 * PAD;
    doc.lineWidth(0.75).strokeColor('#000').rect(BOX.left, c.y, WIDTH, height).stroke();
    put(doc, section.empty, BOX.left + PAD, c.y + PAD);
    c.y += height;
  }
  for (const cells of section.rows) {
    const row = drawRow(cells, 'song', false);
    // A row that does not fit goes to the next page under the header again.
    if (c.y + row.height > BOX.bottom) {
      newPage(c);
      paint(header);
    }
    paint(row);
  }
}

/** Renders one form as a portrait A4 PDF (continues on further pages when long). */
export async function renderForm(spec: FormSpec, fonts?: FontConfig): Promise<Buffer> {
  const doc = newPdf({ title: spec.title, fonts, bufferPages: true });
  const c: Ctx = { doc, y: BOX.top, spec };
  // Short slip titles are spaced out (发 文 笺), as printed slips are.
  const titleSize = 22;
  const spacing = [...spec.title].length <= 4 ? titleSize * 0.6 : 0;
  const titleW = textWidth(doc, 'title', titleSize, spec.title) + spacing * ([...spec.title].length - 1);
  doc
    .font('title')
    .fontSize(titleSize)
    .fillColor('#000')
    .text(spec.title, (PAGE.width - titleW) / 2, c.y + 0.88 * titleSize, {
      lineBreak: false,
      baseline: 'alphabetic',
      characterSpacing: spacing,
    });
  c.y += titleSize + 14;
  put(doc, `单位：${spec.orgName}`, BOX.left, c.y);
  if (spec.subtitle) put(doc, spec.subtitle, BOX.right - textWidth(doc, 'song', SIZE, spec.subtitle), c.y);
  c.y += LEAD + 2;

  for (const section of spec.sections) {
    // A table has rows too: its columns tell it from a grid.
    if ('columns' in section) drawTable(c, section);
    else if ('rows' in section) drawGrid(c, section);
    else if ('opinions' in section) drawOpinions(c, section);
    else drawText(c, section);
  }
  if (spec.footer) {
    const lines = wrap(doc, spec.footer, WIDTH);
    c.y += 4;
    for (const l of lines) {
      room(c, LEAD);
      put(doc, l, BOX.left, c.y);
      c.y += LEAD;
    }
  }
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const label = `第 ${i + 1} 页 共 ${range.count} 页`;
      put(doc, label, (PAGE.width - textWidth(doc, 'song', 9, label)) / 2, BOX.bottom + 4 * MM, 'song', 9);
    }
  }
  return pdfBuffer(doc);
}
