/**
 * Every string catalog of the app, found by file name: the app's own (src/app/locales) and one per
 * feature (src/features/<feature>/locales/{zh-CN,en}.json, keys prefixed with "<feature>.").
 * zh-TW is never kept by hand: the `?zh-TW` query converts the zh-CN catalog with OpenCC at build.
 */
import type { Lang } from './lang.ts';

type Json = Record<string, unknown>;
export type Catalog = Record<string, string>;

// The app's own strings (the login page, the header, the workbench's frame): zh-CN in the first bundle.
const appZhCN = import.meta.glob<Json>('../locales/zh-CN.json', { eager: true, import: 'default' });
// The other two languages load when chosen (main.tsx waits for the saved one before the first
// render), and most users never leave zh-CN.
const APP_LAZY: Record<Exclude<Lang, 'zh-CN'>, Record<string, () => Promise<Json>>> = {
  'zh-TW': import.meta.glob<Json>('../locales/zh-CN.json', { import: 'default', query: '?zh-TW' }),
  en: import.meta.glob<Json>('../locales/en.json', { import: 'default' }),
};
// Every feature's strings (~20 KB compressed in zh-CN) come with the signed-in app, one chunk per
// language, never with the login page (whose JavaScript they would have grown by a tenth).
const FEATURES: Record<Lang, () => Promise<Record<string, Json>>> = {
  'zh-CN': () => import('./features.zh-CN.ts').then((m) => m.default),
  'zh-TW': () => import('./features.zh-TW.ts').then((m) => m.default),
  en: () => import('./features.en.ts').then((m) => m.default),
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
export const CATALOGS: Partial<Record<Lang, Catalog>> & { 'zh-CN': Catalog } = { 'zh-CN': merge(appZhCN) };

/** Once the signed-in app has asked for the features' strings, every language loaded later brings its own. */
let featuresWanted = false;
const featuresLoading = new Map<Lang, Promise<void>>();

function loadFeatures(lang: Lang): Promise<void> {
  let p = featuresLoading.get(lang);
  if (!p) {
    p = FEATURES[lang]().then((modules) => {
      Object.assign(CATALOGS[lang]!, merge(modules));
    });
    // A failed load (the network) may be tried again by the next caller.
    p.catch(() => featuresLoading.delete(lang));
    featuresLoading.set(lang, p);
  }
  return p;
}

/** Loads `lang`'s catalog once (a no-op for zh-CN and for one already loaded), with its features' strings when they are wanted. */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (!CATALOGS[lang]) {
    const loaders = APP_LAZY[lang as Exclude<Lang, 'zh-CN'>];
    const modules = await Promise.all(Object.entries(loaders).map(async ([file, load]) => [file, await load()] as const));
    CATALOGS[lang] ??= merge(Object.fromEntries(modules));
  }
  if (featuresWanted) await Promise.all([loadFeatures('zh-CN'), loadFeatures(lang)]);
}

/**
 * The features' strings in `lang` (and in zh-CN, the fallback): the signed-in app waits for them
 * before its first render; the login form starts them while the user types.
 */
export async function loadFeatureCatalogs(lang: Lang): Promise<void> {
  featuresWanted = true;
  await loadCatalog(lang);
}
