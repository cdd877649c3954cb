/**
 * The OFD backend against the PDF backend on the layouts the PDF tests measure (the 4-page notice,
 * the joint masthead, 签发人, the blank page before the 版记): one layout, so the same pages and
 * every line at the same place; the red masthead where the PDF prints it.
 */
import { existsSync } from 'node:fs';
import type { OfficialDocumentInput } from '@township-office/domain/print';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocumentOfd } from '../../src/modules/documents/documents.ofd.ts';
import { renderOfficialDocument } from '../../src/modules/documents/documents.pdf.ts';
import { expectSameLines, TOLERANCE_MM } from './layout-compare.ts';
import { readOfd, type OfdRead } from './ofd-reader.ts';
import { MM, readPdf } from './pdf-reader.ts';
import { sampleNotice } from './sample-notice.ts';

const variants: [string, OfficialDocumentInput][] = [
  ['the 4-page notice', sampleNotice],
  [
    'a joint masthead',
    {
      ...sampleNotice,
      issuers: ['中共清溪县委办公室', '清溪县人民政府办公室'],
      issuerSuffix: '文件',
      signatureNames: ['中共清溪县委办公室', '清溪县人民政府办公室'],
    },
  ],
  ['an upward document with 签发人', { ...sampleNotice, docNumber: '清溪发〔2026〕3号', signer: '李华', urgency: 'none', copyNo: null }],
  ['a blank page before the 版记', { ...sampleNotice, body: ['规范化建设工作要抓实抓细。'.repeat(46)], attachments: [], note: null }],
];

describe('OFD and PDF of one layout', () => {
  for (const [name, input] of variants) {
    it(`sets ${name} the same way`, async () => {
      const pdf = await readPdf(await renderOfficialDocument(input));
      const bytes = renderOfficialDocumentOfd(input, { id: '8f0c7a52-3b1e-4c1e-9d7a-2f3c4d5e6f70', creationDate: '2026-01-05' });
      const ofd = readOfd(bytes);
      expect(expectSameLines(ofd, pdf)).toBeGreaterThan(20);
      // The masthead (its size is fitted to the block, so it is matched by text, not by size).
      const red = ofd.pages[0]!.texts.filter((t) => t.color === '230 0 18');
      expect(red.length).toBe(input.issuers ? input.issuers.length + 1 : 1);
      for (const t of red) {
        // pdfjs splits a spaced-out (分散对齐) name into pieces: the one starting with its first character, nearest its line.
        const item = pdf[0]!.items
          .filter((i) => i.str.startsWith(t.text[0]!))
          .sort((p, q) => Math.abs(p.baseline / MM - t.baseline) - Math.abs(q.baseline / MM - t.baseline))[0]!;
        expect(item, t.text).toBeDefined();
        expect(Math.abs(t.x - item.x / MM)).toBeLessThanOrEqual(TOLERANCE_MM);
        expect(Math.abs(t.baseline - item.baseline / MM)).toBeLessThanOrEqual(TOLERANCE_MM);
        expect(t.size).toBeCloseTo(item.size / MM, 2);
      }
      // A blank page is blank in both.
      pdf.forEach((p, i) => expect(ofd.pages[i]!.texts.length === 0).toBe(p.items.length === 0));
      expect(bytes.length).toBeLessThan(400_000);
    });
  }
});

/** The sum of a buffer's big-endian 32-bit words (the sfnt checksum). */
function sfntSum(b: Uint8Array): number {
  const padded = Buffer.concat([Buffer.from(b), Buffer.alloc((4 - (b.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('embedded fonts', () => {
  let ofd: OfdRead;
  beforeAll(() => {
    ofd = readOfd(renderOfficialDocumentOfd(sampleNotice, { id: '8f0c7a52-3b1e-4c1e-9d7a-2f3c4d5e6f70' }));
  });

  it('are standalone TrueType subsets: every table checksum right, the file summing to 0xB1B0AFBA', () => {
    for (const f of ofd.fonts) {
      const font = Buffer.from(ofd.files[f.file]!);
      expect(font.readUInt32BE(0)).toBe(0x00010000);
      const tags: string[] = [];
      for (let i = 0; i < font.readUInt16BE(4); i++) {
        const at = 12 + i * 16;
        const tag = font.toString('latin1', at, at + 4);
        tags.push(tag);
        const data = Buffer.from(font.subarray(font.readUInt32BE(at + 8), font.readUInt32BE(at + 8) + font.readUInt32BE(at + 12)));
        if (tag === 'head') data.writeUInt32BE(0, 8);
        expect(sfntSum(data), `${f.fontName} ${tag}`).toBe(font.readUInt32BE(at + 4));
      }
      expect(tags).toEqual([...tags].sort());
      expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post']));
      expect(sfntSum(font)).toBe(0xb1b0afba);
    }
  });

  const D = '/usr/share/fonts/opentype/noto/';
  it.skipIf(!existsSync(`${D}NotoSerifCJK-Regular.ttc`))(
    'take a face of a CFF collection (Debian’s Noto CJK) whole, as a font of its own',
    async () => {
      const fonts = {
        fontDir: null,
        files: {
          title: `${D}NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold`,
          body: `${D}NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`,
          heading: `${D}NotoSansCJK-Bold.ttc#NotoSansCJKsc-Bold`,
          kai: `${D}NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold`,
          song: `${D}NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`,
        },
      };
      const cjk = readOfd(renderOfficialDocumentOfd(sampleNotice, { id: '8f0c7a52-3b1e-4c1e-9d7a-2f3c4d5e6f70', fonts }));
      // Roles on one face share one Font resource.
      expect(cjk.fonts.map((f) => f.fontName).sort()).toEqual(['NotoSansCJKsc-Bold', 'NotoSerifCJKsc-Bold', 'NotoSerifCJKsc-Regular']);
      for (const f of cjk.fonts) {
        const bytes = Buffer.from(cjk.files[f.file]!);
        expect(f.file).toMatch(/\.otf$/);
        expect(bytes.toString('latin1', 0, 4)).toBe('OTTO');
        const face = fontkit.create(bytes) as fontkit.Font;
        expect(face.postscriptName).toBe(f.fontName);
        expect(face.glyphForCodePoint('清'.codePointAt(0)!).id).not.toBe(0);
      }
      expect(expectSameLines(cjk, await readPdf(await renderOfficialDocument(sampleNotice, fonts)))).toBeGreaterThan(20);
    },
  );
});
