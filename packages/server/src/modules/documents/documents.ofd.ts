/**
 * The official document as OFD (GB/T 33190-2016, the national fixed-layout format): the same
 * GB/T 9704 layout the PDF draws (`documents.layout.ts`), written by `platform/print/ofd.ts` with
 * the faces the PDF prints in embedded as subsets. No OFD signature (GB/T 38540) yet.
 */
import { chinaToday } from '@township-office/domain/dates';
import type { OfficialDocumentInput } from '@township-office/domain/print';
import { resolveFonts, type FontConfig } from '../../platform/print/fonts.ts';
import { renderOfd } from '../../platform/print/ofd.ts';
import { newPdf } from '../../platform/print/pdf.ts';
import { layoutOfficialDocument } from './documents.layout.ts';

export interface OfdDocumentOptions {
  /** The record's id: the OFD's DocID (a UUID without hyphens), the same for every rendering of it. */
  id: string;
  fonts?: FontConfig;
  /** YYYY-MM-DD; today in China by default. */
  creationDate?: string;
}

export function renderOfficialDocumentOfd(input: OfficialDocumentInput, opts: OfdDocumentOptions): Buffer {
  // The PDFKit document only measures: the layout's widths come from the same faces it embeds.
  const measure = newPdf({ title: input.title, fonts: opts.fonts });
  const pages = layoutOfficialDocument(measure, input);
  return renderOfd(pages, {
    title: input.title,
    docId: opts.id.replace(/-/g, ''),
    creationDate: opts.creationDate ?? chinaToday(),
    page: { width: 210, height: 297 },
    fonts: resolveFonts(opts.fonts),
  });
}
