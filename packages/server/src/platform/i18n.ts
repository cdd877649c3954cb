import * as OpenCC from 'opencc-js';
import { LOCALES, type Locale } from '@township-office/domain/common';
import { fillMessage, type ErrorDef } from '@township-office/domain/errors';

// zh-TW is derived from zh-CN (Taiwan standard with phrases), never kept by hand.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
const cache = new Map<string, string>();

export function traditional(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const converted = toTraditional(text);
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

export function messageFor(def: ErrorDef, locale: Locale, params?: Record<string, string | number>): string {
  if (locale === 'en') return fillMessage(def.en, params);
  const zh = fillMessage(def.zh, params);
  return locale === 'zh-TW' ? traditional(zh) : zh;
}
