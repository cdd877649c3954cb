/**
 * Sending a rendered file: Content-Type and a Content-Disposition that keeps the Chinese file
 * name (RFC 6266 / RFC 5987 `filename*=UTF-8''…`) with a plain ASCII fallback for old clients.
 */
import type { FastifyReply } from 'fastify';

export const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** RFC 5987 encoding: encodeURIComponent leaves a few characters the header grammar forbids. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** ASCII fallback: the name's ASCII part (e.g. "2026"), or `fallback`, with the extension kept. */
export function asciiFileName(fileName: string, fallback = 'download'): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  const useful = /[A-Za-z]/.test(stem) ? stem : stem ? `${fallback}_${stem}` : fallback;
  return `${useful}${ext}`;
}

/** `attachment; filename="register_2026.xlsx"; filename*=UTF-8''%E5%8F%91…` */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment', fallback?: string): string {
  const clean = fileName.replace(/[\r\n"\\/]/g, '_');
  return `${disposition}; filename="${asciiFileName(clean, fallback)}"; filename*=UTF-8''${rfc5987(clean)}`;
}

/** Sends a buffer as a download (or inline for the browser's PDF viewer) under its Chinese name. */
export function sendFile(
  reply: FastifyReply,
  body: Buffer,
  fileName: string,
  contentType: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('Content-Type', contentType)
    .header('Content-Disposition', contentDisposition(fileName, disposition))
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(body);
}
