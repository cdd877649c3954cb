/** Single-record forms read back: labels, values, opinions with name and date, running text over pages. */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src/platform/print/form.ts';
import { readPdf } from './pdf-reader.ts';
import { draftingSlip, minutes } from './sample-forms.ts';

describe('renderForm', () => {
  it('prints the drafting slip as a portrait A4 grid of labelled boxes with signed opinions', async () => {
    const pages = await readPdf(await renderForm(draftingSlip));
    expect(pages).toHaveLength(1);
    const p = pages[0]!;
    expect(p.width).toBeCloseTo(595.28, 1);
    expect(p.height).toBeCloseTo(841.89, 1);
    const texts = p.items.map((t) => t.str);
    const joined = texts.join('').replace(/\s/g, '');
    expect(joined.startsWith('发文笺')).toBe(true);
    for (const label of [
      '文种',
      '紧急程度',
      '密级',
      '标题',
      '主送',
      '抄送',
      '拟稿单位',
      '拟稿人',
      '份数',
      '核稿意见',
      '会签意见',
      '签发意见',
      '附件',
    ])
      expect(texts).toContain(label);
    for (const value of ['通知', '加急', '关于做好2026年度全县乡镇办公室规范化建设工作的通知', '25', '同意印发。'])
      expect(texts).toContain(value);
    expect(joined).toContain('同意报签。签名：王明2026年1月4日');
    expect(joined).toContain('会签意见签名：年月日');
    expect(joined).toContain('同意印发。签名：李华2026年1月5日');
    expect(texts).toContain('发文字号：清委办发〔2026〕12号');
    // Labels sit left of their values on the same line.
    const label = p.items.find((t) => t.str === '文种')!;
    const value = p.items.find((t) => t.str === '通知')!;
    expect(Math.abs(label.baseline - value.baseline)).toBeLessThan(1);
    expect(label.x).toBeLessThan(value.x);
  });

  it('continues long minutes on a second page, numbered', async () => {
    const long = { ...minutes, sections: [...minutes.sections, ...minutes.sections.slice(1)] };
    const pages = await readPdf(await renderForm(long));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => p.items.map((t) => t.str));
    expect(all).toContain('出席人员');
    expect(all.filter((t) => t === '议定事项')).toHaveLength(2);
    expect(all).toContain(`第 2 页 共 ${pages.length} 页`);
    expect(pages[1]!.items.some((t) => t.str === '会议记录（续）')).toBe(true);
  });
});
