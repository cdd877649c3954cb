import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { CATALOGS, loadCatalog } from './catalogs.ts';
import { saveLang, savedLang, type Lang } from './lang.ts';
import { useTheme } from '../theme.ts';

export type TParams = Record<string, string | number>;
export type TFunction = (key: string, params?: TParams) => string;

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: TFunction;
}

/** Ant Design's and dayjs's texts: zh-CN in the first bundle, the others loaded with their catalog (loadLang). */
const ANTD_LOCALES: Partial<Record<Lang, AntdLocale>> = { 'zh-CN': zhCN };
const DAYJS_LOCALES: Record<Lang, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/**
 * Everything a language needs before it is shown: the app's catalog, Ant Design's locale and dayjs's.
 * main.tsx waits for the saved language before the first render; switching waits for the new one.
 */
export async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'zh-CN') return;
  const [antd] = await Promise.all([
    lang === 'en' ? import('antd/locale/en_US') : import('antd/locale/zh_TW'),
    lang === 'en' ? Promise.resolve() : import('dayjs/locale/zh-tw'),
    loadCatalog(lang),
  ]);
  ANTD_LOCALES[lang] = antd.default;
}

/**
 * antd's own form messages for rules written without the domain's zod rule (lib/zod-rule.ts): its
 * defaults quote the regular expression ("与模式不匹配/^…$/") and the option codes. Ours name the
 * field and say what to do, in the user's language.
 */
const VALIDATE_MESSAGES: Record<Lang, object> = {
  'zh-CN': {
    pattern: { mismatch: '${label}的格式不正确，请核对后重新填写' },
    enum: '${label}不在可选范围内，请从列表中选择',
    types: {
      email: '${label}不是有效的电子邮箱',
      number: '${label}应为数字',
      integer: '${label}应为整数',
      url: '${label}不是有效的网址',
      date: '${label}不是有效的日期',
    },
  },
  'zh-TW': {
    pattern: { mismatch: '${label}的格式不正確，請核對後重新填寫' },
    enum: '${label}不在可選範圍內，請從列表中選擇',
    types: {
      email: '${label}不是有效的電子郵箱',
      number: '${label}應為數字',
      integer: '${label}應為整數',
      url: '${label}不是有效的網址',
      date: '${label}不是有效的日期',
    },
  },
  en: {
    pattern: { mismatch: '${label} is not in the right format; check it and enter it again' },
    enum: '${label} must be one of the listed choices',
    types: {
      email: '${label} is not a valid e-mail address',
      number: '${label} must be a number',
      integer: '${label} must be a whole number',
      url: '${label} is not a valid web address',
      date: '${label} is not a valid date',
    },
  },
};

const I18nContext = createContext<I18nValue | null>(null);

export function translate(lang: Lang, key: string, params?: TParams): string {
  const template = CATALOGS[lang]?.[key] ?? CATALOGS['zh-CN'][key];
  if (template === undefined) {
    if (import.meta.env.DEV) console.warn(`missing string: ${key}`);
    return key;
  }
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = savedLang();
    saveLang(l);
    dayjs.locale(DAYJS_LOCALES[l]);
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    void loadLang(next).then(() => {
      saveLang(next);
      dayjs.locale(DAYJS_LOCALES[next]);
      setLangState(next);
    });
  }, []);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  const theme = useTheme();
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[lang] ?? zhCN} theme={theme} form={{ validateMessages: VALIDATE_MESSAGES[lang] }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useT outside I18nProvider');
  return v;
}

/** `t('key', { name })`: the string in the chosen language with {name} filled in. */
export function useT(): TFunction {
  return useI18n().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}
