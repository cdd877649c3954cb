/**
 * The one adapter from the domain's zod schemas to antd form rules, so a form refuses exactly what
 * the server refuses, with the same localized sentence (domain/validation.ts `describeIssue`)
 * beside the field instead of antd's own English-ish defaults.
 *
 *   const rule = useZodRule();
 *   <Form.Item name="title" label={t('information.form.title')} rules={[rule(infoItemIn.shape.title, t('information.form.title'))]}>
 *
 * or outside a component: `zodRule(infoItemIn.shape.title, 'en', 'Title')`. A field whose form value
 * is not the schema's input (a dayjs date for a 'YYYY-MM-DD' string) passes `from`:
 *   rule(visitIn.shape.visitDate, t('…'), { from: (d) => d?.format('YYYY-MM-DD') })
 *
 * An empty input ('' or an empty list) counts as "not given", so an optional field may be left blank;
 * a required one gets "请填写…" / "… is required" and antd's required mark.
 * zh-TW shows the zh-CN sentence: OpenCC runs on the server and at build, not in the browser.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { Locale } from '@township-office/domain/common';
import { describeIssue, type IssueLike } from '@township-office/domain/validation';
import { useLang } from '../app/i18n/I18nProvider.tsx';

export interface ZodRuleOptions {
  /** Turn the form's value into the schema's input (dayjs → 'YYYY-MM-DD', '' → undefined…). */
  from?: (value: unknown) => unknown;
}

const PLACEHOLDER = '\u0001field\u0001';

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** The field's error in the user's language, or null when the schema accepts the value. */
export function zodMessage(schema: z.ZodType, value: unknown, locale: Locale, label?: string): string | null {
  const lang = locale === 'en' ? 'en' : 'zh';
  const blankAllowed = schema.safeParse(undefined).success;
  if (isBlank(value)) {
    if (blankAllowed) return null;
    if (lang === 'zh') return label ? `请填写${label}` : '此项为必填项';
    return label ? `${label} is required` : 'This field is required';
  }
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0] as unknown as IssueLike;
  const text = describeIssue({ ...issue, path: [PLACEHOLDER] }, lang);
  const name = label ?? (lang === 'zh' ? '此项' : 'this field');
  const out = text.replace(`“${PLACEHOLDER}”`, name).replace(`"${PLACEHOLDER}"`, name).replace(PLACEHOLDER, name);
  return lang === 'en' ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** An antd rule that runs `schema` on the field's value; required (with the mark) unless the schema accepts nothing. */
export function zodRule(schema: z.ZodType, locale: Locale, label?: string, opts: ZodRuleOptions = {}): FormRule {
  return {
    required: !schema.safeParse(undefined).success,
    validator: async (_rule, raw: unknown) => {
      const value = opts.from ? opts.from(raw) : raw;
      const message = zodMessage(schema, isBlank(value) ? undefined : value, locale, label);
      if (message) throw new Error(message);
    },
  };
}

/** `zodRule` bound to the current language: `const rule = useZodRule(); rules={[rule(schema.shape.title, t('…title'))]}`. */
export function useZodRule(): (schema: z.ZodType, label?: string, opts?: ZodRuleOptions) => FormRule {
  const [lang] = useLang();
  return (schema, label, opts) => zodRule(schema, lang, label, opts);
}
