/** The indicator list as the tree the tables show. */
import type { IndicatorOut } from '../api/assessment.ts';

export type TreeRow = IndicatorOut & { children?: TreeRow[] };

export function indicatorTree(items: readonly IndicatorOut[]): TreeRow[] {
  const rows = new Map<string, TreeRow>(items.map((i) => [i.code, { ...i }]));
  const top: TreeRow[] = [];
  for (const r of rows.values()) {
    const p = r.parentCode ? rows.get(r.parentCode) : undefined;
    if (p) (p.children ??= []).push(r);
    else top.push(r);
  }
  return top;
}

/** The code and every code below it. */
export function withDescendants(items: readonly IndicatorOut[], code: string): Set<string> {
  const out = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of items)
      if (i.parentCode && out.has(i.parentCode) && !out.has(i.code)) {
        out.add(i.code);
        grew = true;
      }
  }
  return out;
}

export const isLeafIn = (items: readonly IndicatorOut[], code: string) => !items.some((i) => i.parentCode === code);
