/**
 * The official document (公文) as a PDF to GB/T 9704-2012 《党政机关公文格式》: A4, text block
 * 156 × 225 mm at 37 mm from the top and 28 mm from the binding edge, 22 lines × 28 characters on
 * a fixed grid, red masthead and separator, 版记 on the last even page, page numbers "— 1 —".
 * Input is a plain object (no database): the documents service maps its record onto it.
 */
import type { OfficialDocumentInput } from '@township-office/domain/print';
import type { FontConfig } from '../../platform/print/fonts.ts';

export type { OfficialDocumentInput } from '@township-office/domain/print';

/** Renders a document to GB/T 9704-2012; `fonts` lets an org print in its licensed faces. */
export async function renderOfficialDocument(doc: OfficialDocumentInput, fonts?: FontConfig): Promise<Buffer> {
  void doc;
  void fonts;
  throw new Error('renderOfficialDocument: being implemented');
}
