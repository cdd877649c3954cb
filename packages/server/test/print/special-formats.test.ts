/**
 * The special formats of GB/T 9704-2012 chapter 10, read back from the real PDF (pdfjs-dist: text
 * positions, and the rules from the operator list) and from the OFD of the same layout:
 * 10.1 信函格式 (函), 10.2 命令（令）格式, 10.3 纪要格式. Distances in millimetres.
 */
import { writeFileSync } from 'node:fs';
import type { OfficialDocumentInput } from '@township-office/domain/print';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liftSummaryLists } from '../../src/modules/documents/documents.formats.ts';
import { formatOf } from '../../src/modules/documents/documents.layout.ts';
import { renderOfficialDocumentOfd } from '../../src/modules/documents/documents.ofd.ts';
import { renderOfficialDocument } from '../../src/modules/documents/documents.pdf.ts';
import { expectSameLines, ofdLines, pdfLines, TOLERANCE_MM } from './layout-compare.ts';
import { readOfd, type OfdRead } from './ofd-reader.ts';
import { linesOf, MM, readPdf, type ReadPage, type TextLine } from './pdf-reader.ts';
import { sampleNotice } from './sample-notice.ts';

const LEFT = 28;
const TOP = 37;
const WIDTH = 156;
const RIGHT = LEFT + WIDTH;
const LINE = 225 / 22;
const CELL = WIDTH / 28;
const CENTRE = LEFT + WIDTH / 2;
const PAGE_HEIGHT = 297;
const RED = '230,0,18';
const near = (a: number, b: number, what: string, tol = TOLERANCE_MM) =>
  expect(Math.abs(a - b), `${what}: ${a.toFixed(2)} vs ${b.toFixed(2)} mm`).toBeLessThanOrEqual(tol);
/** A line's em box top and bottom in mm (baseline − 0.88 em). */
const emTop = (l: { baseline: number }, size = 16) => (l.baseline - 0.88 * size) / MM;
const lineIndex = (l: TextLine) => (emTop(l) - TOP) / LINE;
const mm = (pt: number) => pt / MM;

interface Rule {
  x1: number;
  x2: number;
  /** Centre line, mm from the page top. */
  y: number;
  /** Stroke width, mm. */
  width: number;
  color: string;
}

/** The horizontal rules of each page: moveTo/lineTo paths through the current transform, with the stroke colour and width. */
async function readRules(buf: Buffer): Promise<Rule[][]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const out: Rule[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = (page.view as number[])[3]!;
    const ops = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: { ctm: number[]; lw: number; color: string }[] = [];
    let lw = 1;
    let color = '0,0,0';
    const rules: Rule[] = [];
    let pending: Omit<Rule, 'width' | 'color'> | null = null;
    let pendingScale = 1;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push({ ctm, lw, color });
      else if (fn === OPS.restore) ({ ctm, lw, color } = stack.pop() ?? { ctm, lw, color });
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number];
        ctm = [a! * A + b! * C, a! * B + b! * D, c! * A + d! * C, c! * B + d! * D, e! * A + f! * C + E, e! * B + f! * D + F];
      } else if (fn === OPS.setLineWidth) lw = args[0] as number;
      else if (fn === OPS.setStrokeRGBColor) color = Object.values(args as unknown as Record<string, number>).join(',');
      else if (fn === OPS.constructPath) {
        const [pathOps, coords] = args as [number[], number[]];
        const pts: [number, number][] = [];
        let k = 0;
        for (const op of pathOps) {
          if (op === OPS.moveTo || op === OPS.lineTo) {
            const [x, y] = [coords[k]!, coords[k + 1]!];
            pts.push([ctm[0]! * x + ctm[2]! * y + ctm[4]!, height - (ctm[1]! * x + ctm[3]! * y + ctm[5]!)]);
            k += 2;
          } else if (op === OPS.rectangle) k += 4;
          else if (op === OPS.curveTo) k += 6;
          else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
        }
        if (pts.length === 2 && Math.abs(pts[0]![1] - pts[1]![1]) < 0.01) {
          pending = { x1: mm(Math.min(pts[0]![0], pts[1]![0])), x2: mm(Math.max(pts[0]![0], pts[1]![0])), y: mm(pts[0]![1]) };
          pendingScale = Math.hypot(ctm[2]!, ctm[3]!);
        } else pending = null;
      } else if (fn === OPS.stroke && pending) {
        // PDFKit sets the width and colour between the path and the stroke.
        rules.push({ ...pending, width: mm(lw * pendingScale), color });
        pending = null;
      }
    });
    out.push(rules);
    page.cleanup();
  }
  await pdf.destroy();
  return out;
}

const pageNumbers = (p: ReadPage) => linesOf(p, 14).filter((l) => /^—\s*\d+\s*—$/.test(l.text.trim()));
const redMasthead = (p: ReadPage) => p.coloredText.filter((t) => t.color === RED);

interface Rendered {
  pdf: ReadPage[];
  rules: Rule[][];
  ofd: OfdRead;
}

async function render(input: OfficialDocumentInput, name: string): Promise<Rendered> {
  const buf = await renderOfficialDocument(input);
  // Kept for a look (pdftoppm -r 60 -png) when FMT_PDF_DIR is set.
  if (process.env.FMT_PDF_DIR) writeFileSync(`${process.env.FMT_PDF_DIR}/${name}.pdf`, buf);
  const ofd = readOfd(renderOfficialDocumentOfd(input, { id: '5b7f3c1e-2a4d-4e8f-9c1b-7d6e5f4a3b20', creationDate: '2026-01-05' }));
  return { pdf: await readPdf(buf), rules: await readRules(buf), ofd };
}

/** The OFD draws the same rules: same ends, height and width, in the same colour. */
function expectSameRules(r: Rendered) {
  r.pdf.forEach((_, i) => {
    const mine = r.ofd.pages[i]!.paths;
    const theirs = r.rules[i]!;
    expect(mine.length, `page ${i + 1} rules`).toBe(theirs.length);
    for (const rule of theirs) {
      const m = mine.find((p) => Math.abs(p.y1 - rule.y) < TOLERANCE_MM && Math.abs(p.lineWidth - rule.width) < 0.05);
      expect(m, `page ${i + 1}: rule at ${rule.y.toFixed(2)} mm`).toBeDefined();
      near(Math.min(m!.x1, m!.x2), rule.x1, 'rule start in the OFD');
      near(Math.max(m!.x1, m!.x2), rule.x2, 'rule end in the OFD');
      expect(m!.color.replace(/ /g, ',')).toBe(rule.color);
    }
  });
}

/** The red masthead text in the OFD is where the PDF prints it. */
function expectSameMasthead(r: Rendered, text: string) {
  const o = r.ofd.pages[0]!.texts.find((t) => t.color === '230 0 18');
  const p = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === text);
  expect(o?.text).toBe(text);
  expect(p).toBeDefined();
  near(o!.x, mm(p!.x), 'masthead x in the OFD');
  near(o!.baseline, mm(p!.baseline), 'masthead baseline in the OFD');
}

describe('formatOf', () => {
  it('maps 函, 命令(令) and 纪要 to the chapter 10 formats and everything else to the standard one', () => {
    expect(formatOf('函')).toBe('letter');
    expect(formatOf('命令(令)')).toBe('order');
    expect(formatOf('命令（令）')).toBe('order');
    expect(formatOf('纪要')).toBe('summary');
    expect(formatOf('通知')).toBe('standard');
    expect(formatOf(undefined)).toBe('standard');
  });
});

// ---- 10.1 信函格式 -------------------------------------------------------------------------------

const letter: OfficialDocumentInput = {
  ...sampleNotice,
  docType: '函',
  issuerName: '清溪县人民政府办公室文件',
  docNumber: '清政办函〔2026〕7号',
  title: '关于商请协助做好2026年度乡镇办公室规范化建设工作的函',
  copyTo: ['县委办公室', '县档案馆'],
};

describe('10.1 信函格式', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(letter, 'letter');
  });

  it('prints the issuer without 文件, red, centred, its upper edge 30 mm from the page top', () => {
    expect(redMasthead(r.pdf[0]!).map((t) => t.text.replace(/\s/g, ''))).toEqual(['清溪县人民政府办公室']);
    const item = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === '清溪县人民政府办公室')!;
    near(mm(item.baseline - 0.88 * item.size), 30, 'masthead upper edge');
    near(mm(item.x + item.width / 2), CENTRE, 'masthead centre');
    expect(r.pdf[0]!.items.some((i) => i.str.includes('文件'))).toBe(false);
  });

  it('draws the red double lines: 上粗下细 4 mm under the masthead, 上细下粗 20 mm above the page bottom, 170 mm long', () => {
    const item = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === '清溪县人民政府办公室')!;
    const mastheadBottom = mm(item.baseline - 0.88 * item.size + item.size);
    const red = r.rules[0]!.filter((x) => x.color === RED).sort((a, b) => a.y - b.y);
    expect(red).toHaveLength(4);
    for (const x of red) {
      near(x.x2 - x.x1, 170, 'double line length');
      near((x.x1 + x.x2) / 2, CENTRE, 'double line centre');
    }
    const [upperThick, upperThin, lowerThin, lowerThick] = red as [Rule, Rule, Rule, Rule];
    expect(upperThick.width).toBeGreaterThan(upperThin.width);
    expect(lowerThick.width).toBeGreaterThan(lowerThin.width);
    near(upperThick.y - upperThick.width / 2, mastheadBottom + 4, 'upper double line top edge');
    near(lowerThick.y + lowerThick.width / 2, PAGE_HEIGHT - 20, 'lower double line bottom edge');
    // Each pair reads as one double line: the strokes close together, not touching.
    expect(upperThin.y - upperThin.width / 2 - (upperThick.y + upperThick.width / 2)).toBeGreaterThan(0.2);
    expect(upperThin.y - upperThick.y).toBeLessThan(2);
    expect(lowerThick.y - lowerThin.y).toBeLessThan(2);
    // Only the first page carries them.
    for (const p of r.rules.slice(1)) expect(p.filter((x) => x.color === RED)).toHaveLength(0);
  });

  it('sets 发文字号 at the right edge under the upper lines, 7/8 of a 3号 character below them; 份号 at the left', () => {
    const upperThin = r.rules[0]!.filter((x) => x.color === RED).sort((a, b) => a.y - b.y)[1]!;
    const lineBottom = upperThin.y + upperThin.width / 2;
    const number = linesOf(r.pdf[0]!, 16).find((l) => l.text.includes('清政办函'))!;
    expect(number).toBeDefined();
    near(mm(number.right), RIGHT, '发文字号 right edge');
    near(emTop(number), lineBottom + (7 / 8) * (16 / MM), '发文字号 upper edge');
    const copy = linesOf(r.pdf[0]!, 16).find((l) => l.text.includes('000018'))!;
    near(mm(copy.left), LEFT, '份号 left edge');
    near(emTop(copy), emTop(number), '份号 on the 发文字号 line');
  });

  it('sets the title two lines under the last element above it', () => {
    const marks = linesOf(r.pdf[0]!, 16).filter((l) => emTop(l) < TOP + 3 * LINE);
    const last = marks[marks.length - 1]!;
    const title = linesOf(r.pdf[0]!, 22)[0]!;
    const titleTop = emTop(title, 22);
    // Two empty grid lines between the 紧急程度 (the last mark) and the title.
    const free = Math.ceil((emTop(last) + 16 / MM - TOP) / LINE - 1e-6);
    near(titleTop, TOP + (free + 2) * LINE, 'title line');
  });

  it('shows no page number on the first page, and numbers the others', () => {
    expect(r.pdf.length).toBeGreaterThan(1);
    expect(pageNumbers(r.pdf[0]!)).toHaveLength(0);
    expect(pageNumbers(r.pdf[1]!).map((l) => l.text.replace(/\s/g, ''))).toEqual(['—2—']);
  });

  it('keeps 抄送 in the 版记 at the foot of the last page, without 印发机关, 印发日期 or separator lines', () => {
    const last = r.pdf[r.pdf.length - 1]!;
    const copy = linesOf(last, 14).find((l) => l.text.startsWith('抄送'))!;
    expect(copy.text.replace(/\s/g, '')).toBe('抄送：县委办公室，县档案馆。');
    near(emTop(copy, 14) + 14 / MM + (LINE - 14 / MM) / 2, TOP + 225, 'the 版记 on the last line');
    expect(r.pdf.flatMap((p) => p.items).some((i) => i.str.includes('印发'))).toBe(false);
    expect(r.rules.flat().filter((x) => x.color !== RED)).toHaveLength(0);
  });

  it('puts the same lines, masthead and double lines in the OFD', () => {
    expect(expectSameLines(r.ofd, r.pdf)).toBeGreaterThan(20);
    expectSameMasthead(r, '清溪县人民政府办公室');
    expectSameRules(r);
  });
});

// ---- 10.2 命令（令）格式 ------------------------------------------------------------------------

const order: OfficialDocumentInput = {
  ...sampleNotice,
  docType: '命令(令)',
  issuerName: '清溪县人民政府文件',
  docNumber: '第3号',
  copyNo: null,
  urgency: 'none',
  signer: '王明',
  signerTitle: '县长',
  title: '清溪县人民政府令第3号',
  mainRecipients: null,
  body: ['《清溪县乡镇办公室规范化建设办法》已经2026年1月5日县人民政府第12次常务会议通过，现予公布，自2026年3月1日起施行。'],
  attachments: [],
  note: null,
  copyTo: [],
  writtenDate: '2026-01-08',
};

describe('10.2 命令（令）格式', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(order, 'order');
  });

  it('prints 发文机关全称加"令", red, centred, its upper edge 20 mm below the text block', () => {
    expect(redMasthead(r.pdf[0]!).map((t) => t.text.replace(/\s/g, ''))).toEqual(['清溪县人民政府令']);
    const item = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === '清溪县人民政府令')!;
    near(mm(item.baseline - 0.88 * item.size), TOP + 20, 'masthead upper edge');
    // Condensed (Tz) to fit: pdfjs reports the drawn width, so the centre holds either way.
    near(mm(item.x + item.width / 2), CENTRE, 'masthead centre', 1);
  });

  it('centres the 令号 two lines under the masthead, the body two lines under the 令号; no title, no red line', () => {
    const item = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === '清溪县人民政府令')!;
    const mastheadBottom = mm(item.baseline - 0.88 * item.size + item.size);
    const lines = linesOf(r.pdf[0]!, 16);
    const number = lines.find((l) => l.text.replace(/\s/g, '') === '第3号')!;
    expect(number).toBeDefined();
    near(mm((number.left + number.right) / 2), CENTRE, '令号 centre', CELL / 2 + 0.01);
    const k = lineIndex(number);
    expect(k).toBeCloseTo(Math.round(k), 3);
    expect(Math.round(k) - Math.ceil((mastheadBottom - TOP) / LINE)).toBe(2);
    const body = lines.find((l) => l.text.startsWith('《'))!;
    expect(Math.round(lineIndex(body))).toBe(Math.round(k) + 3);
    expect(linesOf(r.pdf[0]!, 22)).toHaveLength(0);
    expect(r.rules[0]!.filter((x) => x.color === RED)).toHaveLength(0);
  });

  it('signs with 签发人职务 and the 签名章 two lines under the body, the date one line under that, right 4 characters', () => {
    const lines = linesOf(r.pdf[0]!, 16);
    const bodyLast = lines.filter((l) => !/王明|年/.test(l.text) || l.text.startsWith('《')).at(-1)!;
    const sig = lines.find((l) => l.text.includes('王明'))!;
    expect(sig.text.replace(/\s/g, '')).toBe('县长王明');
    expect(Math.round(lineIndex(sig))).toBe(Math.round(lineIndex(bodyLast)) + 3);
    const name = sig.items.filter((i) => /[王明]/.test(i.str));
    near(mm(Math.max(...name.map((i) => i.x + i.width))), RIGHT - 4 * CELL, '签名章 right 4 characters', 0.5);
    const title = sig.items.filter((i) => /[县长]/.test(i.str));
    near(
      mm(Math.min(...name.map((i) => i.x))) - mm(Math.max(...title.map((i) => i.x + i.width))),
      2 * CELL,
      '职务 two characters left',
      0.5,
    );
    const date = lines.find((l) => l.text.replace(/\s/g, '') === '2026年1月8日')!;
    expect(Math.round(lineIndex(date))).toBe(Math.round(lineIndex(sig)) + 2);
    near(mm(date.right), RIGHT - 4 * CELL, '成文日期 right 4 characters', 0.5);
  });

  it('puts the same lines and masthead in the OFD', () => {
    expect(expectSameLines(r.ofd, r.pdf)).toBeGreaterThan(4);
    expectSameMasthead(r, '清溪县人民政府令');
    expectSameRules(r);
  });
});

// ---- 10.3 纪要格式 -------------------------------------------------------------------------------

const attendees = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴磊', '徐丽', '孙涛', '马超', '朱琳'];
const summaryBody = [
  '2026年1月5日，县长王明主持召开县政府第12次常务会议。会议研究了以下事项：',
  '一、关于乡镇办公室规范化建设工作',
  '会议听取了县政府办公室关于乡镇办公室规范化建设工作的汇报，原则同意《清溪县乡镇办公室规范化建设办法》，由县政府办公室按程序印发。',
  '二、关于2026年度值班工作安排',
  '会议同意县政府办公室提出的节假日值班安排，请各乡镇严格落实领导带班制度。',
  `出席：${attendees.join('、')}`,
  '请假：郑浩（出差）、冯雪（病假）',
  '列席：县政府办公室、县财政局',
].join('\n');

const summary: OfficialDocumentInput = {
  ...sampleNotice,
  docType: '纪要',
  issuerName: '清溪县人民政府文件',
  docNumber: '〔2026〕12号',
  copyNo: null,
  urgency: 'none',
  title: '县政府第12次常务会议纪要',
  mainRecipients: null,
  attachments: [],
  note: null,
  signatureName: '清溪县人民政府办公室',
  writtenDate: '2026-01-06',
  // What officialDocumentInput does with a 纪要 the meetings module drafted.
  ...liftSummaryLists(summaryBody),
};

describe('10.3 纪要格式', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(summary, 'summary');
  });

  it('lifts the closing 出席/请假/列席 paragraphs of the body into the lists', () => {
    const lifted = liftSummaryLists(summaryBody);
    expect(lifted.attendees).toEqual(attendees);
    expect(lifted.absentees).toEqual(['郑浩（出差）', '冯雪（病假）']);
    expect(lifted.observers).toEqual(['县政府办公室', '县财政局']);
    expect(lifted.body).not.toMatch(/出席|请假|列席/);
    expect(liftSummaryLists('正文。\n出席：甲')).toEqual({ body: '正文。', attendees: ['甲'] });
  });

  it('prints the "……纪要" masthead in red, without 文件, 35 mm into the text block', () => {
    expect(redMasthead(r.pdf[0]!).map((t) => t.text.replace(/\s/g, ''))).toEqual(['清溪县人民政府纪要']);
    const item = r.pdf[0]!.items.find((i) => i.str.replace(/\s/g, '') === '清溪县人民政府纪要')!;
    near(mm(item.baseline - 0.88 * item.size), TOP + 35, 'masthead upper edge');
  });

  it('lists 出席, 请假, 列席 in that order one line under the body, 左空二字, names aligned after the colon', () => {
    const all = r.pdf.flatMap((p, i) => linesOf(p, 16).map((l) => ({ l, page: i })));
    const labelled = all.filter(({ l }) => /^(出席|请假|列席)：/.test(l.text.replace(/\s/g, '')));
    expect(labelled.map(({ l }) => l.text.replace(/\s/g, '').slice(0, 3))).toEqual(['出席：', '请假：', '列席：']);
    const first = labelled[0]!;
    const lines = all.filter(({ page }) => page === first.page).map(({ l }) => l);
    const at = lines.indexOf(first.l);
    if (at > 0) expect(Math.round(lineIndex(first.l)) - Math.round(lineIndex(lines[at - 1]!))).toBe(2);
    else {
      // The body filled the page before: the empty line fell at its foot, the lists open the next page.
      const before = linesOf(r.pdf[first.page - 1]!, 16).filter((l) => emTop(l) < TOP + 225);
      expect(Math.round(lineIndex(before.at(-1)!))).toBe(21);
      expect(Math.round(lineIndex(first.l))).toBe(0);
    }
    for (const { l } of labelled) near(mm(l.left), LEFT + 2 * CELL, `${l.text.slice(0, 2)} 左空二字`);
    // The 出席 list is long enough to wrap: its second line starts under the first name.
    const cont = lines[at + 1]!;
    expect(/^(请假|列席)/.test(cont.text)).toBe(false);
    near(mm(cont.left), LEFT + 5 * CELL, 'continuation aligned after the colon');
    const firstName = first.l.items.find((i) => i.str.includes('张'))!;
    near(mm(firstName.x), LEFT + 5 * CELL, 'names after the full-width colon');
    // The names in their order.
    const text = [first.l, cont, ...labelled.slice(1).map(({ l }) => l)].map((l) => l.text).join('');
    const names = [...attendees, '郑浩（出差）', '冯雪（病假）', '县政府办公室', '县财政局'];
    const positions = names.map((n) => text.replace(/\s/g, '').indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('leaves no seal space: 署名 one line under the lists, right two characters, the date on the next line', () => {
    const page = r.pdf.find((p) => linesOf(p, 16).some((l) => l.text.startsWith('列席')))!;
    const lines = linesOf(page, 16);
    const observers = lines.find((l) => l.text.startsWith('列席'))!;
    const name = lines.find((l) => l.text.replace(/\s/g, '') === '清溪县人民政府办公室')!;
    const date = lines.find((l) => l.text.replace(/\s/g, '') === '2026年1月6日')!;
    expect(Math.round(lineIndex(name))).toBe(Math.round(lineIndex(observers)) + 2);
    expect(Math.round(lineIndex(date))).toBe(Math.round(lineIndex(name)) + 1);
    near(mm(name.right), RIGHT - 2 * CELL, '署名 right two characters', 0.5);
    near(mm(date.left) - mm(name.left), 2 * CELL, 'date two characters right of the 署名', 0.5);
  });

  it('puts the same lines, masthead and rules in the OFD', () => {
    expect(expectSameLines(r.ofd, r.pdf)).toBeGreaterThan(10);
    expectSameMasthead(r, '清溪县人民政府纪要');
    expectSameRules(r);
    // The labels are where the PDF prints them.
    const page = r.pdf.findIndex((p) => linesOf(p, 16).some((l) => l.text.startsWith('出席')));
    const o = ofdLines(r.ofd.pages[page]!, 16).find((l) => l.text.startsWith('出席'))!;
    const p = pdfLines(r.pdf[page]!, 16).find((l) => l.text.startsWith('出席'))!;
    near(o.left, p.left, '出席 in the OFD');
    near(o.baseline, p.baseline, '出席 baseline in the OFD');
  });
});
