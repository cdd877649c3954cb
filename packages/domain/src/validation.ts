/**
 * Field errors in the clerk's language. zod's own messages are English and quote regular
 * expressions ("must match pattern /^\d{17}[\dXx]$/"); its bundled zh-CN locale is no better
 * ("期望 string >=3 字符"). Each zod issue code maps to one zh-CN / English sentence that names the
 * field; a schema's own message written "中文 / English" is used as it stands, split by language.
 * zh-TW is derived from the zh-CN text by the server's OpenCC step, like every message.
 */

export type IssueLanguage = 'zh' | 'en';

/** The parts of a zod 4 issue this needs (as zod reports it, or as fastify-type-provider-zod wraps it). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: unknown;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  bigint: ['整数', 'a whole number'],
  boolean: ['“是”或“否”', 'true or false'],
  object: ['一组字段', 'an object'],
  array: ['列表', 'a list'],
  date: ['日期', 'a date'],
  null: ['空值', 'null'],
};

/** A schema message written "中文 / English": the half in the asked language. */
function bilingual(message: string | undefined, lang: IssueLanguage): string | undefined {
  if (!message) return undefined;
  const at = message.indexOf(' / ');
  if (at < 0) return undefined;
  return lang === 'zh' ? message.slice(0, at).trim() : message.slice(at + 3).trim();
}

function fieldName(path: readonly PropertyKey[], lang: IssueLanguage): string {
  const p = path.map(String).join('.');
  if (p) return lang === 'zh' ? `“${p}”` : `"${p}"`;
  return lang === 'zh' ? '提交的内容' : 'the request';
}

function typeName(expected: unknown, lang: IssueLanguage): string {
  const t = TYPE_NAMES[String(expected)];
  return t ? t[lang === 'zh' ? 0 : 1] : String(expected);
}

function list(values: readonly unknown[], lang: IssueLanguage): string {
  const shown = values.slice(0, 10).map((v) => String(v));
  const more = values.length > shown.length ? (lang === 'zh' ? '等' : ', …') : '';
  return shown.join(lang === 'zh' ? '、' : ', ') + more;
}

/** One sentence for one issue, naming the field, never quoting a pattern or zod's English. */
export function describeIssue(issue: IssueLike, lang: IssueLanguage): string {
  const f = fieldName(issue.path, lang);
  const zh = lang === 'zh';
  const own = bilingual(issue.message, lang);
  if (own) return issue.path.length ? (zh ? `${f}：${own}` : `${f}: ${own}`) : own;
  const num = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message ?? '')) return zh ? `缺少必填项${f}` : `${f} is required`;
      return zh ? `${f}应为${typeName(issue.expected, lang)}` : `${f} must be ${typeName(issue.expected, lang)}`;
    case 'too_small': {
      const min = num(issue.minimum);
      const strict = issue.inclusive === false;
      if (issue.origin === 'string')
        return min === '1' && !strict
          ? zh
            ? `${f}不能为空`
            : `${f} cannot be empty`
          : zh
            ? `${f}至少 ${min} 个字`
            : `${f} needs at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `${f}至少 ${min} 项` : `${f} needs at least ${min} items`;
      if (issue.origin === 'date') return zh ? `${f}不能早于 ${min}` : `${f} cannot be before ${min}`;
      return zh ? `${f}${strict ? '应大于' : '不能小于'} ${min}` : `${f} must be ${strict ? 'greater than' : 'at least'} ${min}`;
    }
    case 'too_big': {
      const max = num(issue.maximum);
      const strict = issue.inclusive === false;
      if (issue.origin === 'string') return zh ? `${f}最多 ${max} 个字` : `${f} may have at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return zh ? `${f}最多 ${max} 项` : `${f} may have at most ${max} items`;
      if (issue.origin === 'date') return zh ? `${f}不能晚于 ${max}` : `${f} cannot be after ${max}`;
      return zh ? `${f}${strict ? '应小于' : '不能大于'} ${max}` : `${f} must be ${strict ? 'less than' : 'at most'} ${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return zh ? `${f}不是有效的记录编号` : `${f} is not a valid record id`;
      return zh ? `${f}格式不正确` : `${f} has the wrong format`;
    case 'invalid_value':
      return zh ? `${f}应为以下之一：${list(issue.values ?? [], lang)}` : `${f} must be one of: ${list(issue.values ?? [], lang)}`;
    case 'unrecognized_keys': {
      const keys = list(issue.keys ?? [], lang);
      return issue.path.length
        ? zh
          ? `${f}中有不认识的字段：${keys}`
          : `${f} has unknown fields: ${keys}`
        : zh
          ? `有不认识的字段：${keys}`
          : `unknown fields: ${keys}`;
    }
    case 'invalid_union':
      return zh ? `${f}不符合任何一种允许的写法` : `${f} matches none of the allowed forms`;
    case 'not_multiple_of':
      return zh ? `${f}应为 ${num(issue.divisor)} 的整数倍` : `${f} must be a multiple of ${num(issue.divisor)}`;
    case 'invalid_key':
    case 'invalid_element':
      return zh ? `${f}中有无效的项` : `${f} holds an invalid entry`;
    default:
      return zh ? `${f}不符合要求` : `${f} is invalid`;
  }
}

/** The detail of a validation error: the first few issues, in the asked language. */
export function describeIssues(issues: readonly IssueLike[], lang: IssueLanguage): string {
  return issues
    .slice(0, 3)
    .map((i) => describeIssue(i, lang))
    .join(lang === 'zh' ? '；' : '; ');
}
