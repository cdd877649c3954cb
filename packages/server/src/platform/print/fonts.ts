/**
 * The faces official documents and registers print in, by role. The defaults ship through npm
 * (Noto Serif SC / Noto Sans SC, SIL Open Font License) so `npm install` is enough; an org that
 * holds licences for the faces GB/T 9704 names (方正小标宋, 仿宋_GB2312, 黑体, 楷体_GB2312) puts the
 * files in FONT_DIR or passes their paths, and every PDF uses them instead.
 *
 * No free 仿宋 or 楷体 face is published on npm: the body role falls back to Noto Serif SC Light
 * (a thin serif close to 仿宋's colour on the page) and the 楷体 role to Noto Serif SC Medium (set
 * apart from the body by weight, since its shape cannot be).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * - title: 小标宋 (masthead, document title, form and register titles)
 * - body: 仿宋 (document body, 版记)
 * - heading: 黑体 (level-1 headings, 份号 / 紧急程度, table headers)
 * - kai: 楷体 (level-2 headings, 签发人 name)
 * - song: 宋体 (page numbers, table cells, form values)
 */
export type FontRole = 'title' | 'body' | 'heading' | 'kai' | 'song';
export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading', 'kai', 'song'];

export interface FontConfig {
  /** A folder searched for the licensed faces by their usual file names (default: env FONT_DIR). */
  fontDir?: string | null;
  /** Explicit font files per role (an org's configuration); a .ttc needs `#PostScriptName`. */
  files?: Partial<Record<FontRole, string>>;
}

export interface ResolvedFont {
  role: FontRole;
  /** Absolute file path (without the collection suffix). */
  file: string;
  /** For a TrueType collection: the face's PostScript name. */
  family?: string;
  /** True when this is the npm substitute, not the face the standard names. */
  substitute: boolean;
}

/** Usual file names of the licensed faces, tried in FONT_DIR in this order. */
const LICENSED_NAMES: Record<FontRole, string[]> = {
  title: ['FZXBSJW.TTF', 'FZXBSJW--GB1-0.ttf', 'FZXiaoBiaoSong-B05S.ttf', 'FZXiaoBiaoSong-B05.ttf', 'xiaobiaosong.ttf', 'title.ttf'],
  body: ['FangSong_GB2312.ttf', 'FANGSONG_GB2312.TTF', 'simfang.ttf', 'SIMFANG.TTF', 'fangsong.ttf', 'body.ttf'],
  heading: ['simhei.ttf', 'SIMHEI.TTF', 'SimHei.ttf', 'heiti.ttf', 'heading.ttf'],
  kai: ['KaiTi_GB2312.ttf', 'KAITI_GB2312.TTF', 'simkai.ttf', 'SIMKAI.TTF', 'kaiti.ttf', 'kai.ttf'],
  song: ['simsun.ttf', 'SIMSUN.TTF', 'song.ttf'],
};

const NPM_DEFAULTS: Record<FontRole, [pkg: string, file: string]> = {
  title: ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'],
  body: ['@expo-google-fonts/noto-serif-sc', '300Light/NotoSerifSC_300Light.ttf'],
  heading: ['@expo-google-fonts/noto-sans-sc', '500Medium/NotoSansSC_500Medium.ttf'],
  kai: ['@expo-google-fonts/noto-serif-sc', '500Medium/NotoSerifSC_500Medium.ttf'],
  song: ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'],
};

const require = createRequire(import.meta.url);

function npmFont(role: FontRole): string {
  const [pkg, file] = NPM_DEFAULTS[role];
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function splitCollection(spec: string): { file: string; family?: string } {
  const hash = spec.lastIndexOf('#');
  return hash > 0 ? { file: spec.slice(0, hash), family: spec.slice(hash + 1) } : { file: spec };
}

/** Which file each role prints in: explicit file, else FONT_DIR by usual name, else the npm face. */
export function resolveFonts(config: FontConfig = {}): Record<FontRole, ResolvedFont> {
  const dir = config.fontDir === undefined ? process.env.FONT_DIR || null : config.fontDir;
  const out = {} as Record<FontRole, ResolvedFont>;
  for (const role of FONT_ROLES) {
    const explicit = config.files?.[role];
    if (explicit) {
      const { file, family } = splitCollection(explicit);
      if (!existsSync(file)) throw new Error(`font file for "${role}" not found: ${file}`);
      out[role] = { role, file: path.resolve(file), family, substitute: false };
      continue;
    }
    const found = dir ? LICENSED_NAMES[role].map((n) => path.join(dir, n)).find((f) => existsSync(f)) : undefined;
    out[role] = found ? { role, file: path.resolve(found), substitute: false } : { role, file: npmFont(role), substitute: true };
  }
  return out;
}

// The npm faces are 10–15 MB each; read each file once per process, not once per PDF.
const fileCache = new Map<string, Buffer>();
export function fontBytes(file: string): Buffer {
  let bytes = fileCache.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    fileCache.set(file, bytes);
  }
  return bytes;
}

/** The subset of PDFKit's document these helpers need (keeps the pdfkit type out of callers). */
interface FontRegistry {
  registerFont(name: string, src: Buffer, family?: string): unknown;
}

/**
 * Registers every role on a PDFKit document under its role name, so renderers write
 * `doc.font('body')`. PDFKit embeds only the glyphs a document uses (subsetting).
 */
export function registerFonts(doc: FontRegistry, config: FontConfig = {}): Record<FontRole, ResolvedFont> {
  const fonts = resolveFonts(config);
  for (const role of FONT_ROLES) {
    const f = fonts[role];
    doc.registerFont(role, fontBytes(f.file), f.family);
  }
  return fonts;
}
