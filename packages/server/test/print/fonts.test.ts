/** Role fonts: the npm substitutes by default, an org's licensed files from FONT_DIR or its config. */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../../src/modules/documents/documents.pdf.ts';
import { resolveFonts } from '../../src/platform/print/fonts.ts';
import { sampleNotice } from './sample-notice.ts';

const embedded = (pdf: Buffer) => new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));

describe('fonts', () => {
  it('falls back to the Noto faces shipped through npm', () => {
    const fonts = resolveFonts({ fontDir: null });
    expect(path.basename(fonts.title.file)).toBe('NotoSerifSC_700Bold.ttf');
    expect(path.basename(fonts.body.file)).toBe('NotoSerifSC_300Light.ttf');
    expect(path.basename(fonts.heading.file)).toBe('NotoSansSC_500Medium.ttf');
    expect(Object.values(fonts).every((f) => f.substitute)).toBe(true);
  });

  it('embeds subsets of the role faces only', async () => {
    const names = embedded(await renderOfficialDocument(sampleNotice, { fontDir: null }));
    expect(names).toEqual(
      new Set(['NotoSerifSC-Bold', 'NotoSerifSC-Light', 'NotoSansSC-Medium', 'NotoSerifSC-Medium', 'NotoSerifSC-Regular']),
    );
  });

  it('prints in a licensed face found in FONT_DIR by its usual file name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
    // Stands in for 仿宋_GB2312: any other face under the name an org's file would have.
    symlinkSync(
      resolveFonts({ fontDir: null }).heading.file.replace('500Medium/NotoSansSC_500Medium', '400Regular/NotoSansSC_400Regular'),
      path.join(dir, 'FangSong_GB2312.ttf'),
    );
    const fonts = resolveFonts({ fontDir: dir });
    expect(fonts.body).toMatchObject({ file: path.join(dir, 'FangSong_GB2312.ttf'), substitute: false });
    expect(fonts.title.substitute).toBe(true);
    const names = embedded(await renderOfficialDocument(sampleNotice, { fontDir: dir }));
    expect(names.has('NotoSansSC-Regular')).toBe(true);
    expect(names.has('NotoSerifSC-Light')).toBe(false);
  });

  it('refuses a configured font file that does not exist', () => {
    expect(() => resolveFonts({ files: { body: '/nonexistent/simfang.ttf' } })).toThrow(/not found/);
  });
});
