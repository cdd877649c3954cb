/**
 * The org's seal picture and signing keys, kept by the security administrator (安全保密管理员, issue 13).
 * Pure: the PNG check reads the file's structure (signature, IHDR, chunks and their CRCs); the
 * server also inflates the image data to prove it decodes.
 */
import { z } from 'zod';
import { safeString } from './common.ts';

/** The largest seal picture accepted, bytes (512 KB). */
export const SEAL_MAX_BYTES = 512 * 1024;
/** The smallest side, pixels: a seal printed 40 mm wide at 150 dpi needs about 240 px. */
export const SEAL_MIN_PX = 200;
export const SEAL_MAX_PX = 4000;
/** Square-ish: the longer side at most this much longer than the shorter. */
export const SEAL_MAX_ASPECT = 1.2;

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** An alpha channel (colour types 4 and 6) or a tRNS chunk. */
  hasAlpha: boolean;
  /** The IDAT chunks' data, in order (the zlib stream). */
  idat: Uint8Array[];
  interlaced: boolean;
}

export type PngProblem = 'not_png' | 'corrupt';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads a PNG's chunks (PNG spec, ISO/IEC 15948): every chunk's CRC must hold, IHDR first, IEND last. */
export function inspectPng(bytes: Uint8Array): PngInfo | PngProblem {
  if (bytes.length < 8 + 25 + 12 || SIGNATURE.some((b, i) => bytes[i] !== b)) return 'not_png';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let info: Omit<PngInfo, 'idat' | 'hasAlpha'> | null = null;
  let trns = false;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) return 'corrupt';
    if (crc32(bytes, at + 4, dataEnd) !== view.getUint32(dataEnd)) return 'corrupt';
    if (!info && type !== 'IHDR') return 'corrupt';
    if (type === 'IHDR') {
      if (length !== 13 || info) return 'corrupt';
      info = {
        width: view.getUint32(dataStart),
        height: view.getUint32(dataStart + 4),
        bitDepth: bytes[dataStart + 8]!,
        colorType: bytes[dataStart + 9]!,
        interlaced: bytes[dataStart + 12] === 1,
      };
      if (![0, 2, 3, 4, 6].includes(info.colorType) || ![1, 2, 4, 8, 16].includes(info.bitDepth)) return 'corrupt';
    } else if (type === 'tRNS') trns = true;
    else if (type === 'IDAT') idat.push(bytes.subarray(dataStart, dataEnd));
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at = dataEnd + 4;
  }
  if (!info || !ended || idat.length === 0 || info.width === 0 || info.height === 0) return 'corrupt';
  return { ...info, idat, hasAlpha: info.colorType === 4 || info.colorType === 6 || trns };
}

/** Bytes of one unfiltered scanline (without its filter byte). */
export function pngRowBytes(info: Pick<PngInfo, 'width' | 'bitDepth' | 'colorType'>): number {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[info.colorType as 0 | 2 | 3 | 4 | 6];
  return Math.ceil((info.width * channels * info.bitDepth) / 8);
}

export const sealOut = z.object({
  orgId: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  sha256: safeString(),
  /** Whether the picture has a transparent background (an alpha channel): advised, not required. */
  transparent: z.boolean(),
  setAt: safeString(),
  setByName: safeString(),
});
export type SealInfo = z.infer<typeof sealOut>;

export const signingKeyOut = z.object({
  /** SM3 of the public key (SubjectPublicKeyInfo), hex. */
  fingerprint: safeString(),
  createdAt: safeString().nullable(),
  retiredAt: safeString().nullable(),
  current: z.boolean(),
});
export type SigningKey = z.infer<typeof signingKeyOut>;

export const orgSigningOut = z.object({
  orgId: z.uuid(),
  orgName: safeString(),
  seal: sealOut.nullable(),
  keys: z.array(signingKeyOut),
  /** False when the server runs without a key store (no signing at all). */
  keyStore: z.boolean(),
});
export type OrgSigning = z.infer<typeof orgSigningOut>;

export const sealSetOut = sealOut.extend({ warnings: z.array(z.enum(['opaque'])) });
export const rotateOut = z.object({ fingerprint: safeString(), previous: safeString().nullable() });
