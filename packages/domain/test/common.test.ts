/** Issue 9: the one string type refuses what PostgreSQL cannot store (NUL, unpaired surrogates) and keeps everything else. */
import { describe, expect, it } from 'vitest';
import { isStorableText, safeString, UNSTORABLE_TEXT } from '../src/common.ts';

describe('safeString', () => {
  it('keeps Chinese, emoji (a surrogate pair) and punctuation as given', () => {
    for (const s of ['关于做好防汛工作的通知', '值班😀', '〔2026〕1号 & | ! : * ( )', '']) {
      expect(isStorableText(s)).toBe(true);
      expect(safeString().parse(s)).toBe(s);
    }
  });
  it('refuses NUL and unpaired surrogates with the UNSTORABLE_TEXT reason', () => {
    for (const s of ['a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\u0041']) {
      expect(isStorableText(s)).toBe(false);
      const r = safeString().safeParse(s);
      expect(r.success).toBe(false);
      const issue = r.error!.issues[0] as { params?: { reason?: string } };
      expect(issue.params?.reason).toBe(UNSTORABLE_TEXT);
    }
  });
});
