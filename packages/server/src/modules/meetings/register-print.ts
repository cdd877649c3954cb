/**
 * Adapter from the daily registers (meetings, duty, reception) to the platform's one print/export
 * mechanism. Until platform/print exposes renderRegister/renderForm, a print request answers a
 * clear 409 instead of inventing a second layout.
 */
import type { FastifyReply } from 'fastify';
import { defineErrors } from '@township-office/domain/errors';
import { AppError } from '../../platform/errors.ts';

export interface RegisterColumn {
  key: string;
  header: string;
  width: number;
}
export interface RegisterSpecInput {
  title: string;
  subtitle?: string;
  columns: RegisterColumn[];
  rows: Record<string, string>[];
}
export interface FormSpecInput {
  title: string;
  fields: { label: string; value: string }[];
  sections: { heading: string; paragraphs: string[] }[];
  footer?: string;
}

const PrintErrors = defineErrors({
  PRINT_NOT_AVAILABLE: { status: 409, zh: '导出与打印功能尚在部署中，请先使用列表查看，稍后再试。', en: 'Export and printing are not available yet; use the list for now and try again later.' },
});

export function printUnavailable(): never {
  throw new AppError(PrintErrors.PRINT_NOT_AVAILABLE);
}

export function sendRegisterSpec(_reply: FastifyReply, _format: 'xlsx' | 'pdf', _fileName: string, _spec: RegisterSpecInput): never {
  printUnavailable();
}

export function sendFormSpec(_reply: FastifyReply, _fileName: string, _spec: FormSpecInput): never {
  printUnavailable();
}
