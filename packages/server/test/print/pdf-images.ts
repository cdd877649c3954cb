/** The images a PDF paints (the seal), read back through pdfjs-dist's operator list. */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Box {
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
}

/** Every image painted, as its box in points from the page's top-left (the unit square through the CTM). */
export async function readImages(buf: Buffer): Promise<Box[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const out: Box[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = (page.view as number[])[3]!;
    const ops = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number];
        ctm = [a! * A + b! * C, a! * B + b! * D, c! * A + d! * C, c! * B + d! * D, e! * A + f! * C + E, e! * B + f! * D + F];
      } else if (fn === OPS.paintImageXObject) {
        const pts = [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ].map(([u, v]) => [ctm[0]! * u! + ctm[2]! * v! + ctm[4]!, height - (ctm[1]! * u! + ctm[3]! * v! + ctm[5]!)] as const);
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        out.push({
          page: n - 1,
          x: Math.min(...xs),
          top: Math.min(...ys),
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys),
        });
      }
    });
    page.cleanup();
  }
  await pdf.destroy();
  return out;
}
