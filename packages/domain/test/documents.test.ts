import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  documentWarnings,
  formatChineseDate,
  formatDocNumber,
  formatIncomingSerial,
  isUpward,
  parseDocNumber,
  replyDraftOf,
  requestRuleViolation,
} from '../src/documents.ts';

describe('发文字号', () => {
  it('formats prefix〔year〕seq号 with hexagonal brackets and no leading zeros', () => {
    expect(formatDocNumber({ prefix: '清委办发', year: 2026, seq: 12 })).toBe('清委办发〔2026〕12号');
    expect(formatDocNumber({ prefix: '城关委办发', year: 2025, seq: 1 })).toBe('城关委办发〔2025〕1号');
  });
  it('refuses a sequence below 1, a fractional one and an empty prefix', () => {
    expect(() => formatDocNumber({ prefix: '清委办发', year: 2026, seq: 0 })).toThrow();
    expect(() => formatDocNumber({ prefix: '清委办发', year: 2026, seq: 1.5 })).toThrow();
    expect(() => formatDocNumber({ prefix: '', year: 2026, seq: 1 })).toThrow();
  });
  it('parses what it formats', () => {
    expect(parseDocNumber('清委办发〔2026〕12号')).toEqual({ prefix: '清委办发', year: 2026, seq: 12 });
  });
  it('rejects square or round brackets, leading zeros and 第', () => {
    for (const bad of [
      '清委办发[2026]12号',
      '清委办发（2026）12号',
      '清委办发〔2026〕012号',
      '清委办发〔2026〕第12号',
      '清委办发〔2026〕0号',
      '清委办发〔26〕12号',
      '清委办发〔2026〕12',
      '〔2026〕12号',
    ])
      expect(parseDocNumber(bad), bad).toBeNull();
  });
  it('round-trips any valid number', () => {
    const prefix = fc.constantFrom('清委办发', '城关委办发', '清组发', '某委办函');
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1949, max: 9999 }), fc.integer({ min: 1, max: 1_000_000 }), (p, year, seq) => {
        const text = formatDocNumber({ prefix: p, year, seq });
        expect(text).not.toMatch(/〔\d+〕0/);
        expect(text).not.toContain('第');
        expect(parseDocNumber(text)).toEqual({ prefix: p, year, seq });
      }),
    );
  });
});

describe('dates and serials', () => {
  it('writes 成文日期 without leading zeros', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatChineseDate('2026-12-25')).toBe('2026年12月25日');
  });
  it('formats the 收文编号', () => {
    expect(formatIncomingSerial(2026, 7)).toBe('收〔2026〕7号');
  });
});

describe('issue 13: direction, the rules of a 请示 (条例 第十五条), the reply', () => {
  it('reads a document as upward when a main recipient stands above the sender', () => {
    expect(isUpward('township', ['county_office'])).toBe(true);
    expect(isUpward('township', ['township', 'county_department'])).toBe(true);
    expect(isUpward('township', ['township'])).toBe(false);
    expect(isUpward('county_office', ['township'])).toBe(false);
    expect(isUpward('county_office', ['county'])).toBe(true);
    expect(isUpward('county_office', ['county_department'])).toBe(false);
  });
  it('refuses a 请示 with other than one main recipient, or copied to a subordinate org', () => {
    expect(requestRuleViolation('请示', 'township', ['county_office', 'county_department'], [])).toBe('QINGSHI_ONE_MAIN_RECIPIENT');
    expect(requestRuleViolation('请示', 'township', [], [])).toBe('QINGSHI_ONE_MAIN_RECIPIENT');
    expect(requestRuleViolation('请示', 'county_office', ['county'], ['township'])).toBe('QINGSHI_NO_SUBORDINATE_COPY');
    expect(requestRuleViolation('请示', 'township', ['county_office'], ['township', 'county_department'])).toBeNull();
    expect(requestRuleViolation('报告', 'township', ['county_office', 'county_department'], [])).toBeNull();
  });
  it('warns on a 报告 that asks for approval, not on one that reports', () => {
    for (const body of ['以上报告妥否，请批示。', '当否，请批复。', '请予批准。', '特此请示。'])
      expect(documentWarnings('报告', body), body).toEqual(['REPORT_ASKS_APPROVAL']);
    expect(documentWarnings('报告', '特此报告。')).toEqual([]);
    expect(documentWarnings('请示', '妥否，请批示。')).toEqual([]);
  });
  it('drafts a 批复 to a 请示 and a 复函 to anything else, quoting title and number', () => {
    const a = replyDraftOf({
      title: '关于申请维修办公用房的请示',
      docType: '请示',
      docNumber: '东委〔2026〕3号',
      senderName: '东坪镇党委',
    });
    expect(a).toMatchObject({ docType: '批复', title: '关于申请维修办公用房的批复' });
    expect(a.body).toContain('你单位《关于申请维修办公用房的请示》（东委〔2026〕3号）收悉');
    const b = replyDraftOf({ title: '关于报送值班表的通知', docType: '通知', docNumber: null, senderName: '县委办' });
    expect(b).toMatchObject({ docType: '函', title: '关于报送值班表的复函' });
    expect(b.body).toContain('你单位《关于报送值班表的通知》收悉');
  });
});
