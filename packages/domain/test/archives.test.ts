import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogueQuerySchema,
  componentPages,
  formatArchivalCode,
  isRetentionExpired,
  orderComponents,
  parseArchivalCode,
  retentionExpiryYear,
  RETENTIONS,
} from '../src/archives.ts';

describe('archival code (档号)', () => {
  it('formats the example of the rule', () => {
    expect(formatArchivalCode({ fondsCode: 'Z109', year: 2026, retention: 'Y', classCode: 'BGS', itemNo: 1 })).toBe(
      'Z109-WS·2026-Y-BGS-0001',
    );
    expect(formatArchivalCode({ fondsCode: 'Z109', year: 2025, retention: 'D30', classCode: 'DJ', itemNo: 123 })).toBe(
      'Z109-WS·2025-D30-DJ-0123',
    );
  });
  it('parses what it formats, and only that', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,12}$/),
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom(...RETENTIONS),
        fc.stringMatching(/^[A-Z0-9]{1,12}$/),
        fc.integer({ min: 1, max: 9999 }),
        (fondsCode, year, retention, classCode, itemNo) => {
          const parts = { fondsCode, year, retention, classCode, itemNo };
          expect(parseArchivalCode(formatArchivalCode(parts))).toEqual(parts);
        },
      ),
    );
    for (const bad of [
      'Z109-WS2026-Y-BGS-0001',
      'Z109-WS·2026-D20-BGS-0001',
      'Z109-WS·2026-Y-BGS-1',
      'Z109-WS·2026-Y-BGS-0000',
      'z109-WS·2026-Y-BGS-0001',
      'Z109-WS·26-Y-BGS-0001',
      'Z109-WS·2026-Y-办公室-0001',
    ])
      expect(parseArchivalCode(bad), bad).toBeNull();
  });
  it('refuses parts it cannot write', () => {
    expect(() => formatArchivalCode({ fondsCode: 'Z109', year: 2026, retention: 'Y', classCode: 'BGS', itemNo: 0 })).toThrow();
    expect(() => formatArchivalCode({ fondsCode: 'Z-1', year: 2026, retention: 'Y', classCode: 'BGS', itemNo: 1 })).toThrow();
  });
});

describe('retention', () => {
  it('permanent never expires; 10 years after 2015 expires in 2026', () => {
    expect(retentionExpiryYear(2015, 'Y')).toBeNull();
    expect(retentionExpiryYear(2015, 'D10')).toBe(2025);
    expect(isRetentionExpired(2015, 'D10', 2026)).toBe(true);
    expect(isRetentionExpired(2016, 'D10', 2026)).toBe(false);
    expect(isRetentionExpired(1990, 'Y', 2026)).toBe(false);
  });
});

describe('components and catalogue group', () => {
  it('files reply first, final before the slip, slip before the incoming document', () => {
    const parts = orderComponents([{ role: 'document' as const }, { role: 'processing_slip' as const }, { role: 'reply' as const }]);
    expect(parts.map((p) => p.role)).toEqual(['reply', 'processing_slip', 'document']);
    expect(orderComponents([{ role: 'drafting_slip' as const }, { role: 'final' as const }]).map((p) => p.role)).toEqual([
      'final',
      'drafting_slip',
    ]);
  });
  it('counts pages on the 22 x 28 grid', () => {
    expect(componentPages(2, ['字'.repeat(28 * 19)])).toBe(1); // 2 + 20 lines
    expect(componentPages(2, ['字'.repeat(28 * 20)])).toBe(2); // 2 + 21 lines
  });
  it('a catalogue names a unit or a subject, never both', () => {
    expect(catalogueQuerySchema.safeParse({ year: 2026, retention: 'Y', unitCode: 'BGS', subjectCode: 'DJ' }).success).toBe(false);
    expect(catalogueQuerySchema.safeParse({ year: 2026, retention: 'Y' }).success).toBe(false);
    expect(catalogueQuerySchema.safeParse({ year: 2026, retention: 'Y', unitCode: 'BGS' }).success).toBe(true);
  });
});
