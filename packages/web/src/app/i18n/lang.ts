export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

const STORAGE_KEY = 'lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The saved choice: localStorage, then the `lang` cookie, else zh-CN. */
export function savedLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage blocked: fall through to the cookie
  }
  const cookie = /(?:^|;\s*)lang=([^;]+)/.exec(document.cookie)?.[1];
  return isLang(cookie) ? cookie : 'zh-CN';
}

/** Kept in localStorage for the app and in the `lang` cookie for the server's error messages. */
export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the cookie still carries the choice
  }
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
}
