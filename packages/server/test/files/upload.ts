/** Multipart bodies for the file tests: one file (or several), whole or sent in chosen chunks. */
import { Readable } from 'node:stream';
import type { client } from '../helpers.ts';

type Client = ReturnType<typeof client>;

/** A PDF the type sniffer accepts, padded with `fill` to exactly `size` bytes. */
export function pdfOfSize(size: number, fill = 'A'): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length, fill)]);
}

export function multipartBody(files: { name: string; bytes: Buffer }[]): {
  head: Buffer[];
  tail: Buffer;
  boundary: string;
  parts: Buffer[];
} {
  const boundary = '----files' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  const head: Buffer[] = [];
  files.forEach((f, i) => {
    const h = Buffer.from(
      `${i ? '\r\n' : ''}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    head.push(h);
    parts.push(h, f.bytes);
  });
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  parts.push(tail);
  return { head, tail, boundary, parts };
}

export function upload(c: Client, documentId: string, files: { name: string; bytes: Buffer }[]) {
  const { parts, boundary } = multipartBody(files);
  return c.post(`/api/documents/${documentId}/attachments`, Buffer.concat(parts), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/**
 * One file sent as two chunks: the first ends exactly after `firstBytes` bytes of the file. When
 * that is the size limit, busboy cuts the file between chunks, which is how a cut file once
 * passed as whole.
 */
export function uploadSplitAt(c: Client, documentId: string, name: string, bytes: Buffer, firstBytes: number) {
  const { head, tail, boundary } = multipartBody([{ name, bytes }]);
  const chunks = [Buffer.concat([head[0]!, bytes.subarray(0, firstBytes)]), Buffer.concat([bytes.subarray(firstBytes), tail])];
  return c.post(`/api/documents/${documentId}/attachments`, Readable.from(chunks, { objectMode: false }), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}
