import * as OpenCC from 'opencc-js';
import { LOCALES, type Locale } from '@township-office/domain/common';
import { fillMessage, type ErrorDef } from '@township-office/domain/errors';
import { convertLabels, registerLabels, resolveLabelRefs, zhCnLabels } from '@township-office/domain/labels';

// zh-TW is derived from zh-CN (Taiwan standard with phrases), never kept by hand. The converter's
// dictionaries take ~0.7 s to build: built at the first zh-TW text, not when the server starts.
let toTraditional: ((text: string) => string) | undefined;
const cache = new Map<string, string>();

export function traditional(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'twp' }) as (text: string) => string);
  const converted = convert(text);
  if (cache.size < 5000) cache.set(text, converted);
  return converted;
}

/** The request's language: the `lang` cookie set by the web app, else Accept-Language, else zh-CN. */
export function pickLocale(cookieLang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookieLang && (LOCALES as readonly string[]).includes(cookieLang)) return cookieLang as Locale;
  const header = (acceptLanguage ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  if (first.startsWith('en')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(first)) return 'zh-TW';
  return 'zh-CN';
}

// The domain's labels in zh-TW, converted once at the first zh-TW label, for labelOf(…, 'zh-TW') on the server (presenters, prints).
registerLabels('zh-TW', () => convertLabels(zhCnLabels(), traditional));

/** Params with every `labelRef(map, key)` replaced by the label in `locale` (zh-TW: zh-CN here, the whole message is converted after). */
function localParams(
  params: Record<string, string | number> | undefined,
  locale: 'zh-CN' | 'en',
): Record<string, string | number> | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? resolveLabelRefs(v, locale) : v]));
}

/**
 * The message of `def` in `locale` with `params` filled in. A param made with the domain's
 * `labelRef('DOCUMENT_STATUS', 'draft')` is shown as that label in the same language ("Draft" /
 * “拟稿” / “擬稿”), so an English message never carries Chinese state names.
 */
export function messageFor(def: ErrorDef, locale: Locale, params?: Record<string, string | number>): string {
  if (locale === 'en') return fillMessage(def.en, localParams(params, 'en'));
  const zh = fillMessage(def.zh, localParams(params, 'zh-CN'));
  return locale === 'zh-TW' ? traditional(zh) : zh;
}
