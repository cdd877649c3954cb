/**
 * The official document as a PDF to GB/T 9704-2012: the layout of `documents.layout.ts`, drawn
 * by PDFKit. `documents.ofd.ts` draws the same layout as OFD.
 */
import type { OfficialDocumentInput } from '@township-office/domain/print';
import type { FontConfig } from '../../platform/print/fonts.ts';
import { drawPdfPages } from '../../platform/print/page-items.ts';
import { newPdf, pdfBuffer } from '../../platform/print/pdf.ts';
import { layoutOfficialDocument } from './documents.layout.ts';

export type { OfficialDocumentInput } from '@township-office/domain/print';
export { GBT9704, parseBody } from './documents.layout.ts';

/** Renders a document to GB/T 9704-2012; `fonts` lets an org print in its licensed faces. */
export async function renderOfficialDocument(input: OfficialDocumentInput, fonts?: FontConfig): Promise<Buffer> {
  const doc = newPdf({ title: input.title, fonts, bufferPages: true });
  drawPdfPages(doc, layoutOfficialDocument(doc, input));
  return pdfBuffer(doc);
}
