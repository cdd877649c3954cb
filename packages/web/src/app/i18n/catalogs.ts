/**
 * Every string catalog of the app, found by file name: the app's own (src/app/locales) and one per
 * feature (src/features/<feature>/locales/{zh-CN,en}.json, keys prefixed with "<feature>.").
 * zh-TW is never kept by hand: the `?zh-TW` query converts the zh-CN catalog with OpenCC at build.
 */
import type { Lang } from './lang.ts';

type Json = Record<string, unknown>;
export type Catalog = Record<string, string>;

const zhCN = import.meta.glob<Json>(['../locales/zh-CN.json', '../../features/*/locales/zh-CN.json'], { eager: true, import: 'default' });
const zhTW = import.meta.glob<Json>(['../locales/zh-CN.json', '../../features/*/locales/zh-CN.json'], {
  eager: true,
  import: 'default',
  query: '?zh-TW',
});
const en = import.meta.glob<Json>(['../locales/en.json', '../../features/*/locales/en.json'], { eager: true, import: 'default' });

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

export const CATALOGS: Record<Lang, Catalog> = { 'zh-CN': merge(zhCN), 'zh-TW': merge(zhTW), en: merge(en) };
