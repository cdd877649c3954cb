import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dispatchCopyNumbers,
  formatCopyNumbers,
  incomingPaperSchema,
  parseCopyNumbers,
  secrecyMark,
  secrecyPeriodSchema,
} from '../src/documents.ts';

describe('密级和保密期限 (GB/T 9704—2012 7.2.2; ★ as in GB/T 7156—2003)', () => {
  it('prints 秘密★1年, 机密★6个月, 绝密★长期, the 密级 alone without a period, nothing when 非密', () => {
    expect(secrecyMark('confidential', { unit: 'year', amount: 1 })).toBe('秘密★1年');
    expect(secrecyMark('secret', { unit: 'month', amount: 6 })).toBe('机密★6个月');
    expect(secrecyMark('top_secret', { unit: 'long_term' })).toBe('绝密★长期');
    expect(secrecyMark('secret', { unit: 'day', amount: 30 })).toBe('机密★30天');
    expect(secrecyMark('secret', null)).toBe('机密');
    expect(secrecyMark('none', { unit: 'year', amount: 1 })).toBe('');
  });

  it('wants a number with 年/个月/天 and none with 长期', () => {
    expect(secrecyPeriodSchema.safeParse({ unit: 'year', amount: 1 }).success).toBe(true);
    expect(secrecyPeriodSchema.safeParse({ unit: 'long_term' }).success).toBe(true);
    expect(secrecyPeriodSchema.safeParse({ unit: 'year' }).success).toBe(false);
    expect(secrecyPeriodSchema.safeParse({ unit: 'long_term', amount: 5 }).success).toBe(false);
    expect(secrecyPeriodSchema.safeParse({ unit: 'year', amount: 0 }).success).toBe(false);
    expect(secrecyPeriodSchema.safeParse({ unit: 'year', amount: 1.5 }).success).toBe(false);
  });
});

describe('份号 (GB/T 9704—2012 7.2.1: six digits)', () => {
  it('reads numbers and ranges with the usual separators, and refuses anything that is not six digits', () => {
    expect(parseCopyNumbers('000011-000012、000015')).toEqual([11, 12, 15]);
    expect(parseCopyNumbers('000001 – 000003，000007')).toEqual([1, 2, 3, 7]);
    expect(parseCopyNumbers('000001至000002')).toEqual([1, 2]);
    for (const bad of ['', '12345', '0000001', '000000', '000005-000003', '000001、000001', 'A00001', '000001-'])
      expect(parseCopyNumbers(bad), bad).toBeNull();
  });

  it('writes runs as ranges, and a classified dispatch numbers its copies from 000001', () => {
    expect(formatCopyNumbers([1, 2, 3, 5])).toBe('000001–000003、000005');
    expect(dispatchCopyNumbers(5)).toBe('000001–000005');
    expect(dispatchCopyNumbers(1)).toBe('000001');
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 50 }), (ns) => {
        const sorted = [...ns].sort((a, b) => a - b);
        expect(parseCopyNumbers(formatCopyNumbers(sorted))).toEqual(sorted);
      }),
    );
  });
});

describe('a paper entry', () => {
  const base = { senderName: '县保密委', title: '通知', receivedDate: '2026-03-02' };
  it('refuses a 保密期限 or 份号 on 非密, and a 份号 count other than the copies', () => {
    expect(incomingPaperSchema.safeParse({ ...base, secrecyPeriod: { unit: 'year', amount: 1 } }).success).toBe(false);
    expect(incomingPaperSchema.safeParse({ ...base, copyNumbers: '000001' }).success).toBe(false);
    expect(incomingPaperSchema.safeParse({ ...base, classification: 'secret', copies: 2, copyNumbers: '000001' }).success).toBe(false);
    expect(
      incomingPaperSchema.safeParse({
        ...base,
        classification: 'secret',
        copies: 2,
        copyNumbers: '000001-000002',
        secrecyPeriod: { unit: 'year', amount: 1 },
        paperChannel: 'secure_courier',
      }).success,
    ).toBe(true);
  });
});
