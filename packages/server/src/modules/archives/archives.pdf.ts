/**
 * The archived item as a PDF: its parts in filing order on the GB/T 9704 grid (22 lines of 28
 * characters), with the archive stamp (归档章) in red in the top margin of the first page.
 * pdfkit cannot import the documents module's own PDF, so the item is laid out here from the
 * filed content; its page count is the same pure function that set the item's 页数.
 */
import { gridLines, LINES_PER_PAGE, RETENTION_LABELS, CLASS_KIND_LABELS } from '@township-office/domain/archives';
import { MM, newPdf, pdfBuffer, type Pdf } from '../../platform/print/pdf.ts';
import type { ArchiveItemRow } from './archives.tables.ts';

const RED = '#d7000f';
const BLOCK = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
const LINE = BLOCK.height / LINES_PER_PAGE;
const SIZE = 16;

/** 归档章: two rows of three boxes, 全宗号 年度 保管期限 / 件号 机构(问题) 页数, centred in the top margin. */
export function drawStamp(
  doc: Pdf,
  item: Pick<ArchiveItemRow, 'fondsCode' | 'year' | 'retention' | 'itemNo' | 'classCode' | 'classKind' | 'pages'>,
  className: string,
) {
  const cellW = 22 * MM;
  const cellH = 8 * MM;
  const x0 = (doc.page.width - cellW * 3) / 2;
  const y0 = 10 * MM;
  const cells = [
    [item.fondsCode, String(item.year), RETENTION_LABELS[item.retention]],
    [String(item.itemNo), className || item.classCode, String(item.pages)],
  ];
  doc.save().lineWidth(1).strokeColor(RED).fillColor(RED);
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 3; c++) {
      const x = x0 + c * cellW;
      const y = y0 + r * cellH;
      doc.rect(x, y, cellW, cellH).stroke();
      const text = cells[r]![c]!;
      doc.font('song').fontSize(text.length > 6 ? 7.5 : 10);
      doc.text(text, x, y + (cellH - doc.currentLineHeight()) / 2, { width: cellW, align: 'center', lineBreak: false });
    }
  }
  doc.restore();
  return { x: x0, y: y0, width: cellW * 3, height: cellH * 2, kindLabel: CLASS_KIND_LABELS[item.classKind] };
}

export async function renderArchivedItem(item: ArchiveItemRow, className: string): Promise<Buffer> {
  const doc = newPdf({ title: `${item.archivalCode} ${item.title}` });
  let pageNo = 0;
  const newPage = () => {
    if (pageNo > 0) doc.addPage({ size: 'A4', margin: 0 });
    pageNo++;
  };
  for (const part of item.components) {
    const lines: { text: string; font: 'heading' | 'title' | 'body' }[] = [
      { text: `【${part.label}】`, font: 'heading' },
      { text: part.title, font: 'title' },
      ...(part.fields ?? []).map(([k, v]) => ({ text: [...`${k}：${v}`].slice(0, 28).join(''), font: 'body' as const })),
      ...gridLines(part.paragraphs ?? []).map((t) => ({ text: t, font: 'body' as const })),
    ];
    for (let p = 0; p < part.pages; p++) {
      newPage();
      if (pageNo === 1) drawStamp(doc, item, className);
      const pageLines = lines.slice(p * LINES_PER_PAGE, (p + 1) * LINES_PER_PAGE);
      pageLines.forEach((l, i) => {
        doc
          .font(l.font)
          .fontSize(l.font === 'title' ? 18 : SIZE)
          .fillColor('black');
        doc.text(l.text, BLOCK.left, BLOCK.top + i * LINE, {
          width: BLOCK.width,
          lineBreak: false,
          align: l.font === 'title' ? 'center' : 'left',
        });
      });
      doc
        .font('song')
        .fontSize(14)
        .fillColor('black')
        .text(`— ${pageNo} —`, BLOCK.left, BLOCK.top + BLOCK.height + 7 * MM, { width: BLOCK.width, align: 'center', lineBreak: false });
    }
  }
  return pdfBuffer(doc);
}
