/**
 * Reads an OFD package back for the tests, the way a reader finds its parts: OFD.xml → DocRoot →
 * Document.xml (PageArea, PublicRes, Pages) → each page's Content.xml; fonts from PublicRes through
 * its BaseLoc. Positions come out in millimetres from the page's top-left corner.
 */
import path from 'node:path/posix';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export const OFD_NS = 'http://www.ofdspec.org/2016';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['ofd:Font', 'ofd:Layer', 'ofd:TextObject', 'ofd:PathObject', 'ofd:TextCode'].includes(name),
});

export interface OfdText {
  text: string;
  /** The first glyph's origin. */
  x: number;
  baseline: number;
  size: number;
  fontId: string;
  color: string;
  /** Each glyph's origin, x. */
  glyphX: number[];
  hScale: number;
}

export interface OfdPath {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
  color: string;
}

export interface OfdPageRead {
  loc: string;
  texts: OfdText[];
  paths: OfdPath[];
}

export interface OfdRead {
  files: Record<string, Uint8Array>;
  /** Root elements by file, parsed. */
  xml: (file: string) => Node;
  docRoot: string;
  physicalBox: number[];
  maxUnitId: number;
  fonts: { id: string; fontName: string; file: string }[];
  pages: OfdPageRead[];
}

/** An ST_Loc relative to the file that names it (or absolute from the package root). */
export const resolveLoc = (from: string, loc: string) =>
  loc.startsWith('/') ? loc.slice(1) : path.normalize(path.join(path.dirname(from), loc));

/** Document.xml's Page list (not in isArray: Content.xml's root element has the same name). */
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);

const nums = (s: unknown) =>
  String(s ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);

/** DeltaX with "g count value" expanded. */
export function expandDeltas(s: string | undefined): number[] {
  const parts = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'g') {
      const n = Number(parts[++i]);
      const v = Number(parts[++i]);
      for (let k = 0; k < n; k++) out.push(v);
    } else out.push(Number(parts[i]));
  }
  return out;
}

export function readOfd(buf: Buffer): OfdRead {
  const files = unzipSync(new Uint8Array(buf));
  const xml = (file: string): Node => {
    const bytes = files[file];
    if (!bytes) throw new Error(`${file} is not in the package`);
    return parser.parse(new TextDecoder().decode(bytes)) as Node;
  };
  const ofd = xml('OFD.xml')['ofd:OFD'] as Node;
  const body = ofd['ofd:DocBody'] as Node;
  const docRoot = resolveLoc('OFD.xml', String(body['ofd:DocRoot']));
  const document = xml(docRoot)['ofd:Document'] as Node;
  const common = document['ofd:CommonData'] as Node;
  const physicalBox = nums((common['ofd:PageArea'] as Node)['ofd:PhysicalBox']);

  const resLoc = resolveLoc(docRoot, String(common['ofd:PublicRes']));
  const res = xml(resLoc)['ofd:Res'] as Node;
  const base = resolveLoc(resLoc, String(res['@BaseLoc'] ?? '.'));
  const fonts = (((res['ofd:Fonts'] as Node | undefined)?.['ofd:Font'] as Node[] | undefined) ?? []).map((f) => ({
    id: String(f['@ID']),
    fontName: String(f['@FontName']),
    file: path.normalize(path.join(base, String(f['ofd:FontFile']))),
  }));

  const pages = list((document['ofd:Pages'] as Node)['ofd:Page']).map((p) => {
    const loc = resolveLoc(docRoot, String(p['@BaseLoc']));
    const page = xml(loc)['ofd:Page'] as Node;
    const layers = ((page['ofd:Content'] as Node | undefined)?.['ofd:Layer'] as Node[] | undefined) ?? [];
    const texts: OfdText[] = [];
    const paths: OfdPath[] = [];
    for (const layer of layers) {
      for (const t of (layer['ofd:TextObject'] as Node[] | undefined) ?? []) {
        const [bx, by] = nums(t['@Boundary']) as [number, number];
        const hScale = t['@HScale'] === undefined ? 1 : Number(t['@HScale']);
        for (const code of t['ofd:TextCode'] as Node[]) {
          const text = String(code['#text'] ?? '');
          const x = bx + Number(code['@X']);
          const glyphX = [x];
          for (const d of expandDeltas(code['@DeltaX'] as string | undefined)) glyphX.push(glyphX[glyphX.length - 1]! + d);
          texts.push({
            text,
            x,
            baseline: by + Number(code['@Y']),
            size: Number(t['@Size']),
            fontId: String(t['@Font']),
            color: String((t['ofd:FillColor'] as Node | undefined)?.['@Value'] ?? '0 0 0'),
            glyphX,
            hScale,
          });
        }
      }
      for (const o of (layer['ofd:PathObject'] as Node[] | undefined) ?? []) {
        const [bx, by] = nums(o['@Boundary']) as [number, number];
        const m = /^M\s+(\S+)\s+(\S+)\s+L\s+(\S+)\s+(\S+)$/.exec(String(o['ofd:AbbreviatedData']).trim());
        if (!m) continue;
        paths.push({
          x1: bx + Number(m[1]),
          y1: by + Number(m[2]),
          x2: bx + Number(m[3]),
          y2: by + Number(m[4]),
          lineWidth: Number(o['@LineWidth']),
          color: String((o['ofd:StrokeColor'] as Node | undefined)?.['@Value'] ?? '0 0 0'),
        });
      }
    }
    return { loc, texts, paths };
  });
  return { files, xml, docRoot, physicalBox, maxUnitId: Number(common['ofd:MaxUnitID']), fonts, pages };
}
