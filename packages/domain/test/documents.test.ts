import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatChineseDate, formatDocNumber, formatIncomingSerial, parseDocNumber } from '../src/documents.ts';

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
