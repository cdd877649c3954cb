/**
 * Every string catalog of the app, found by file name: the app's own (src/app/locales) and one per
 * feature (src/features/<feature>/locales/{zh-CN,en}.json, keys prefixed with "<feature>.").
 * zh-TW is never kept by hand: the `?zh-TW` query converts the zh-CN catalog with OpenCC at build.
 */
import type { Lang } from './lang.ts';

type Json = Record<string, unknown>;
export type Catalog = Record<string, string>;

const zhCN = import.meta.glob<Json>(['../locales/zh-CN.json', '../../features/*/locales/zh-CN.json'], { eager: true, import: 'default' });
// The other two languages load when chosen (main.tsx waits for the saved one before the first
// render): each is ~18 KB compressed, and most users never leave zh-CN.
const LAZY: Record<Exclude<Lang, 'zh-CN'>, Record<string, () => Promise<Json>>> = {
  'zh-TW': import.meta.glob<Json>(['../locales/zh-CN.json', '../../features/*/locales/zh-CN.json'], { import: 'default', query: '?zh-TW' }),
  en: import.meta.glob<Json>(['../locales/en.json', '../../features/*/locales/en.json'], { import: 'default' }),
};

function flatten(prefix: string, value: unknown, out: Catalog): void {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  }
}

function prefixOf(file: string): string {
  const m = /features\/([^/]+)\/locales\//.exec(file);
  return m ? m[1]! : '';
}

function merge(modules: Record<string, Json>): Catalog {
  const out: Catalog = {};
  for (const [file, json] of Object.entries(modules)) flatten(prefixOf(file), json, out);
  return out;
}

/** The catalogs loaded so far: zh-CN always (the default, and the fallback for a missing string). */
export const CATALOGS: Partial<Record<Lang, Catalog>> & { 'zh-CN': Catalog } = { 'zh-CN': merge(zhCN) };

/** Loads `lang`'s catalog once (a no-op for zh-CN and for one already loaded). */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (CATALOGS[lang]) return;
  const loaders = LAZY[lang as Exclude<Lang, 'zh-CN'>];
  const modules = await Promise.all(Object.entries(loaders).map(async ([file, load]) => [file, await load()] as const));
  CATALOGS[lang] = merge(Object.fromEntries(modules));
}
