/**
 * Single-record forms on portrait A4, laid out like the paper slips: a ruled grid of labelled
 * boxes (发文笺, 文件处理笺, 接待清单, 卷内目录 cover), opinion boxes with the signer's name and
 * date (拟办 / 批示 / 签发), and running text (会议记录). Every module prints its slip through this.
 */
import type { FormSpec } from '@township-office/domain/print';
import type { FontConfig } from './fonts.ts';

export type { FormSpec, FormSection, FormCell } from '@township-office/domain/print';

/** Renders one form as a portrait A4 PDF (continues on further pages when long). */
export async function renderForm(spec: FormSpec, fonts?: FontConfig): Promise<Buffer> {
  void spec;
  void fonts;
  throw new Error('renderForm: being implemented');
}
