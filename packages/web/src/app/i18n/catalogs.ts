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
/**
 * The features' strings come with the signed-in app, never with the login page, in two parts per
 * language: `first`, what the first page after sign-in shows (the workbench, the bell, the search
 * box), and `rest`, every other feature (~13 KB compressed in zh-CN), loaded before any other page
 * renders (router.tsx). The `first` features ({workbench,notifications,search}) are named in the
 * globs of features.first.*.ts and, negated, of features.rest.*.ts (import.meta.glob takes literals
 * only): a feature named in neither pair would have no strings, in both would load twice.
 */
export type FeaturePart = 'first' | 'rest';
const FEATURES: Record<FeaturePart, Record<Lang, () => Promise<Record<string, Json>>>> = {
  first: {
    'zh-CN': () => import('./features.first.zh-CN.ts').then((m) => m.default),
    'zh-TW': () => import('./features.first.zh-TW.ts').then((m) => m.default),
    en: () => import('./features.first.en.ts').then((m) => m.default),
  },
  rest: {
    'zh-CN': () => import('./features.rest.zh-CN.ts').then((m) => m.default),
    'zh-TW': () => import('./features.rest.zh-TW.ts').then((m) => m.default),
    en: () => import('./features.rest.en.ts').then((m) => m.default),
  },
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

/** The parts the app has asked for so far: every language loaded later brings the same parts. */
const wanted = new Set<FeaturePart>();
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();

function loadPart(part: FeaturePart, lang: Lang): Promise<void> {
  const key = `${part}:${lang}`;
  let p = loading.get(key);
  if (!p) {
    p = FEATURES[part][lang]().then((modules) => {
      Object.assign(CATALOGS[lang]!, merge(modules));
      loaded.add(key);
    });
    // A failed load (the network) may be tried again by the next caller.
    p.catch(() => loading.delete(key));
    loading.set(key, p);
  }
  return p;
}

/** Loads `lang`'s catalog once (a no-op for zh-CN and for one already loaded), with the features' parts asked for so far. */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (!CATALOGS[lang]) {
    const loaders = APP_LAZY[lang as Exclude<Lang, 'zh-CN'>];
    const modules = await Promise.all(Object.entries(loaders).map(async ([file, load]) => [file, await load()] as const));
    CATALOGS[lang] ??= merge(Object.fromEntries(modules));
  }
  await Promise.all([...wanted].flatMap((part) => [loadPart(part, 'zh-CN'), loadPart(part, lang)]));
}

/**
 * The features' strings of `part` in `lang` (and in zh-CN, the fallback): the signed-in app waits
 * for `first` before its first render (the login form starts it while the user types), every page
 * but the workbench for `rest` (router.tsx).
 */
export async function loadFeatureCatalogs(lang: Lang, part: FeaturePart = 'first'): Promise<void> {
  wanted.add(part);
  await loadCatalog(lang);
}

type Tracked = Promise<void> & { status?: 'fulfilled'; value?: undefined };
const pagePromises = new Map<Lang, Tracked>();
/**
 * One promise per language for every page (React's `use` suspends on it once): every other
 * feature's strings in `lang`. Marked fulfilled the way React reads a settled thenable, so that a
 * page rendered after they are in (a language switch waits for them first) does not suspend.
 */
export function restStrings(lang: Lang): Promise<void> {
  let p = pagePromises.get(lang);
  if (!p) {
    const ready = loaded.has(`rest:${lang}`) && loaded.has('rest:zh-CN');
    p = (ready ? Promise.resolve() : loadFeatureCatalogs(lang, 'rest')) as Tracked;
    if (ready) Object.assign(p, { status: 'fulfilled', value: undefined });
    else void p.then(() => Object.assign(p!, { status: 'fulfilled', value: undefined }));
    p.catch(() => pagePromises.delete(lang));
    pagePromises.set(lang, p);
  }
  return p;
}
