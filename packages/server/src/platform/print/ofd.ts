/**
 * Laid-out pages (`page-items.ts`) as an OFD package, GB/T 33190-2016 《电子文件存储与交换格式
 * 版式文档》: a zip holding
 *   OFD.xml                       the entry: DocBody → DocInfo, DocRoot
 *   Doc_0/Document.xml            CommonData (MaxUnitID, PageArea, PublicRes) and Pages
 *   Doc_0/PublicRes.xml           Fonts, each with its FontFile under Res/
 *   Doc_0/Res/font_N.ttf          the embedded faces (subsets, `font-subset.ts`)
 *   Doc_0/Pages/Page_N/Content.xml one Layer of TextObjects and PathObjects
 * Element and attribute names and their order follow the standard's schemas (OFD.xsd,
 * Document.xsd, Res.xsd, Page.xsd). Every XML file is in the namespace http://www.ofdspec.org/2016
 * with the prefix ofd; attributes carry none. Units are millimetres, y grows downwards. ST_Loc
 * paths are relative to the file that names them; Res.BaseLoc is the folder its files sit in.
 *   Doc_0/DocumentRes.xml         MultiMedias: the pictures (the seal), each a PNG under Res/
 *   Doc_0/Res/image_N.png         drawn by ImageObjects (CTM maps the unit square onto the Boundary box)
 * Not here: signatures (GB/T 38540), annotations, outlines, attachments.
 */
import { zipSync, type Zippable } from 'fflate';
import { embedFont } from './font-subset.ts';
import type { FontRole, ResolvedFont } from './fonts.ts';
import { glyphOffsets, type ImageItem, type LaidOutPage, type RuleItem, type TextRunItem } from './page-items.ts';
import { MM } from './pdf.ts';

export const OFD_NS = 'http://www.ofdspec.org/2016';

export interface OfdOptions {
  title: string;
  /** 32 characters (a UUID without hyphens), fixed for one record so re-renders name the same document. */
  docId: string;
  /** YYYY-MM-DD */
  creationDate: string;
  /** Page size in millimetres. */
  page: { width: number; height: number };
  fonts: Record<FontRole, ResolvedFont>;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A number in millimetres as the package writes it: at most 3 decimals (1 µm), no trailing zeros. */
const num = (v: number) => {
  const s = (Math.round(v * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};
const mm = (pt: number) => pt / MM;

/** "#e60012" → "230 0 18" (CT_Color Value in the default RGB space). */
function rgb(hex: string): string {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).join(' ');
}

/**
 * DeltaX as an ST_Array, every value written out: the "g count value" shorthand some producers use
 * is left out, so a reader that does not expand it still places every glyph.
 */
const deltaArray = (deltas: number[]) => deltas.map(num).join(' ');

const xml = (root: string, attrs: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:${root} xmlns:ofd="${OFD_NS}"${attrs}>${body}</ofd:${root}>\n`;

/** Renders the pages as an OFD package (zip bytes). */
export function renderOfd(pages: LaidOutPage[], opts: OfdOptions): Buffer {
  let nextId = 1;
  const id = () => nextId++;

  // One Font resource per face the pages use, its subset holding every character set in it.
  const used = new Map<FontRole, string>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'text') used.set(it.role, (used.get(it.role) ?? '') + it.text);
  const faces = new Map<string, { id: number; font: ResolvedFont; text: string }>();
  const fontOf = new Map<FontRole, number>();
  for (const [role, text] of used) {
    const font = opts.fonts[role];
    const key = `${font.file}#${font.family ?? ''}`;
    let face = faces.get(key);
    if (!face) faces.set(key, (face = { id: id(), font, text: '' }));
    face.text += text;
    fontOf.set(role, face.id);
  }

  const files: Zippable = {};
  const fontXml: string[] = [];
  for (const face of faces.values()) {
    const embedded = embedFont(face.font, face.text);
    const name = `font_${face.id}.${embedded.ext}`;
    // A whole face (tens of MB) is stored, not deflated: deflating it held the event loop ~15 s for ~20% less.
    files[`Doc_0/Res/${name}`] = embedded.bytes.length > 2_000_000 ? [embedded.bytes, { level: 0 }] : embedded.bytes;
    fontXml.push(
      `<ofd:Font ID="${face.id}" FontName="${esc(embedded.postscriptName)}" FamilyName="${esc(embedded.familyName)}">` +
        `<ofd:FontFile>${name}</ofd:FontFile></ofd:Font>`,
    );
  }
  // Pictures (the seal): one MultiMedia resource per distinct image, in DocumentRes.xml (Res.xsd: MultiMedias).
  const images = new Map<string, number>();
  const mediaXml: string[] = [];
  for (const p of pages)
    for (const it of p.items) {
      if (it.kind !== 'image') continue;
      const key = Buffer.from(it.png).toString('base64');
      if (images.has(key)) continue;
      const mediaId = id();
      images.set(key, mediaId);
      const name = `image_${mediaId}.png`;
      files[`Doc_0/Res/${name}`] = it.png;
      mediaXml.push(`<ofd:MultiMedia ID="${mediaId}" Type="Image" Format="PNG"><ofd:MediaFile>${name}</ofd:MediaFile></ofd:MultiMedia>`);
    }
  files['Doc_0/PublicRes.xml'] = utf8(xml('Res', ' BaseLoc="Res"', fontXml.length ? `<ofd:Fonts>${fontXml.join('')}</ofd:Fonts>` : ''));
  if (mediaXml.length)
    files['Doc_0/DocumentRes.xml'] = utf8(xml('Res', ' BaseLoc="Res"', `<ofd:MultiMedias>${mediaXml.join('')}</ofd:MultiMedias>`));

  const pageXml: string[] = [];
  pages.forEach((page, n) => {
    const pageId = id();
    const layerId = id();
    const objects = page.items.map((it) =>
      it.kind === 'text'
        ? textObject(id(), it, fontOf.get(it.role)!)
        : it.kind === 'image'
          ? imageObject(id(), it, images.get(Buffer.from(it.png).toString('base64'))!)
          : pathObject(id(), it),
    );
    const loc = `Pages/Page_${n}/Content.xml`;
    files[`Doc_0/${loc}`] = utf8(
      xml('Page', '', `<ofd:Content><ofd:Layer ID="${layerId}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content>`),
    );
    pageXml.push(`<ofd:Page ID="${pageId}" BaseLoc="${loc}"/>`);
  });

  files['Doc_0/Document.xml'] = utf8(
    xml(
      'Document',
      '',
      `<ofd:CommonData><ofd:MaxUnitID>${nextId - 1}</ofd:MaxUnitID>` +
        `<ofd:PageArea><ofd:PhysicalBox>0 0 ${num(opts.page.width)} ${num(opts.page.height)}</ofd:PhysicalBox></ofd:PageArea>` +
        `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${mediaXml.length ? '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>' : ''}</ofd:CommonData>` +
        `<ofd:Pages>${pageXml.join('')}</ofd:Pages>`,
    ),
  );
  files['OFD.xml'] = utf8(
    xml(
      'OFD',
      ' Version="1.0" DocType="OFD"',
      `<ofd:DocBody><ofd:DocInfo><ofd:DocID>${esc(opts.docId)}</ofd:DocID><ofd:Title>${esc(opts.title)}</ofd:Title>` +
        `<ofd:CreationDate>${opts.creationDate}</ofd:CreationDate><ofd:Creator>township-office</ofd:Creator></ofd:DocInfo>` +
        `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>`,
    ),
  );
  // OFD.xml first, as readers that sniff the package look for it.
  const ordered: Zippable = { 'OFD.xml': files['OFD.xml']! };
  for (const [k, v] of Object.entries(files)) if (k !== 'OFD.xml') ordered[k] = v;
  return Buffer.from(zipSync(ordered, { level: 6 }));
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * A text run as a TextObject (8.5, 11.3): Boundary is the run's box with room around the glyphs
 * (a graphic unit is clipped to its Boundary); TextCode X/Y is the first glyph's origin on the
 * baseline inside it; DeltaX gives every advance, since without it glyphs are not moved at all.
 */
function textObject(objId: number, run: TextRunItem, fontId: number): string {
  const size = mm(run.size);
  const offsets = glyphOffsets(run).map(mm);
  const chars = [...run.text];
  const last = chars.length - 1;
  const k = (run.horizontalScaling ?? 100) / 100;
  const width = (offsets[last] ?? 0) + mm(run.advances[last] ?? 0) * k;
  const pad = size / 2;
  const above = size * 1.2;
  const boundary = [mm(run.x) - pad, mm(run.baseline) - above, width + 2 * pad, above + size * 0.5].map(num).join(' ');
  const deltas = offsets.slice(1).map((o, i) => o - offsets[i]!);
  const attrs = [`ID="${objId}"`, `Boundary="${boundary}"`, `Font="${fontId}"`, `Size="${num(size)}"`];
  if (k !== 1) attrs.push(`HScale="${num(k)}"`);
  const delta = deltas.length ? ` DeltaX="${deltaArray(deltas)}"` : '';
  return (
    `<ofd:TextObject ${attrs.join(' ')}><ofd:FillColor Value="${rgb(run.color)}"/>` +
    `<ofd:TextCode X="${num(pad)}" Y="${num(above)}"${delta}>${esc(run.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

/** A rule as a stroked PathObject (9.1): AbbreviatedData "M x y L x y" in the object's own box. */
function pathObject(objId: number, rule: RuleItem): string {
  const lw = mm(rule.width);
  const x = Math.min(mm(rule.x1), mm(rule.x2));
  const y = Math.min(mm(rule.y1), mm(rule.y2));
  const w = Math.abs(mm(rule.x2) - mm(rule.x1));
  const h = Math.abs(mm(rule.y2) - mm(rule.y1));
  const boundary = [x - lw, y - lw, w + 2 * lw, h + 2 * lw].map(num).join(' ');
  const p = (px: number, py: number) => `${num(mm(px) - x + lw)} ${num(mm(py) - y + lw)}`;
  return (
    `<ofd:PathObject ID="${objId}" Boundary="${boundary}" LineWidth="${num(lw)}" Stroke="true" Fill="false">` +
    `<ofd:StrokeColor Value="${rgb(rule.color)}"/><ofd:AbbreviatedData>M ${p(rule.x1, rule.y1)} L ${p(rule.x2, rule.y2)}</ofd:AbbreviatedData>` +
    `</ofd:PathObject>`
  );
}

/** A picture as an ImageObject (8.7): the image fills the unit square, which the CTM scales to the Boundary's size. */
function imageObject(objId: number, image: ImageItem, mediaId: number): string {
  const w = mm(image.width);
  const h = mm(image.height);
  const boundary = [mm(image.x), mm(image.y), w, h].map(num).join(' ');
  return `<ofd:ImageObject ID="${objId}" Boundary="${boundary}" CTM="${num(w)} 0 0 ${num(h)} 0 0" ResourceID="${mediaId}"/>`;
}
