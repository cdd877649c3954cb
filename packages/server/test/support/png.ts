/** PNG files for the seal tests, written byte by byte (signature, IHDR, IDAT, IEND with their CRCs). */
import { deflateSync } from 'node:zlib';

const table = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export interface PngSpec {
  width: number;
  height: number;
  /** RGBA (colour type 6) or RGB (2). */
  alpha?: boolean;
  bitDepth?: 8 | 16;
  /** The pixel at (x, y) as [r, g, b, a] (0–255). */
  pixel?: (x: number, y: number) => [number, number, number, number];
}

/** A red seal ring with a star-ish centre on a transparent background. */
export const sealPixel =
  (size: number) =>
  (x: number, y: number): [number, number, number, number] => {
    const r = Math.hypot(x - size / 2, y - size / 2) / (size / 2);
    const ink = (r > 0.86 && r < 0.97) || r < 0.18;
    return ink ? [230, 0, 18, 255] : [255, 255, 255, 0];
  };

export function makePng(spec: PngSpec): Buffer {
  const { width, height, alpha = true, bitDepth = 8 } = spec;
  const channels = alpha ? 4 : 3;
  const bpc = bitDepth / 8;
  const pixel = spec.pixel ?? sealPixel(Math.min(width, height));
  const row = 1 + width * channels * bpc;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < width; x++) {
      const px = pixel(x, y);
      for (let c = 0; c < channels; c++) {
        const at = y * row + 1 + (x * channels + c) * bpc;
        if (bpc === 2) raw.writeUInt16BE(px[c]! * 257, at);
        else raw[at] = px[c]!;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
