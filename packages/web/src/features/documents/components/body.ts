/**
 * The body as paragraphs with the heading levels of GB/T 9704 (一、 （一） 1． （1）): the editor
 * keeps the level of each paragraph and writes the numbers itself, so a moved paragraph never
 * leaves a wrong number behind. The stored body is plain text, one paragraph a line.
 */
export type Level = 0 | 1 | 2 | 3 | 4;
export interface Paragraph {
  level: Level;
  text: string;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumeral(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN[tens]}十${ones ? CN[ones] : ''}`;
}

function prefix(level: Level, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}．`;
    case 4:
      return `（${n}）`;
    default:
      return '';
  }
}

/** The numbers each paragraph gets: a heading restarts the counters of the levels below it. */
export function numbered(paragraphs: Paragraph[]): string[] {
  const counters = [0, 0, 0, 0, 0];
  return paragraphs.map((p) => {
    if (p.level === 0) return '';
    counters[p.level]! += 1;
    for (let l = p.level + 1; l <= 4; l++) counters[l] = 0;
    return prefix(p.level, counters[p.level]!);
  });
}

export function toBody(paragraphs: Paragraph[]): string {
  const kept = paragraphs.filter((p) => p.text.trim() !== '');
  const nums = numbered(kept);
  return kept.map((p, i) => `${nums[i]}${p.text.trim()}`).join('\n');
}

const PATTERNS: [Level, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、\s*/],
  [2, /^[（(][一二三四五六七八九十]+[)）]\s*/],
  [3, /^\d+[．.]\s*/],
  [4, /^[（(]\d+[)）]\s*/],
];

export function fromBody(body: string | null | undefined): Paragraph[] {
  const lines = (body ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [{ level: 0, text: '' }];
  return lines.map((line) => {
    const text = line.trim();
    for (const [level, re] of PATTERNS) if (re.test(text)) return { level, text: text.replace(re, '') };
    return { level: 0, text };
  });
}
