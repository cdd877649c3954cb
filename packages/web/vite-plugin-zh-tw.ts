/**
 * zh-TW is derived from zh-CN at build time, never kept by hand: importing
 * `<catalog>/zh-CN.json?zh-TW` yields the same catalog converted with OpenCC (cn → twp, Taiwan
 * standard with phrases). Keys stay as they are; only string values are converted.
 * `virtual:zh-tw-labels` is the domain's label tables (domain/labels.ts) converted the same way;
 * app/i18n registers them for `useLabel()`.
 */
import fs from 'node:fs';
import * as OpenCC from 'opencc-js';
import { runnerImport, type Plugin } from 'vite';
import type * as Labels from '@township-office/domain/labels';

const QUERY = '?zh-TW';
const LABELS_ID = 'virtual:zh-tw-labels';
const LABELS_RESOLVED = '\0virtual:zh-tw-labels.js';

export function convertCatalog(value: unknown, convert: (s: string) => string): unknown {
  if (typeof value === 'string') return convert(value);
  if (Array.isArray(value)) return value.map((v) => convertCatalog(v, convert));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertCatalog(v, convert)]));
  }
  return value;
}

/** The domain is TypeScript that Node cannot load by itself: Vite's module runner transpiles it. */
async function labelsModule(convert: (s: string) => string): Promise<string> {
  const { module: labels } = await runnerImport<typeof Labels>('@township-office/domain/labels', { configFile: false, logLevel: 'warn' });
  return `export default ${JSON.stringify(labels.convertLabels(labels.zhCnLabels(), convert))};`;
}

export function zhTwCatalogs(): Plugin {
  const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
  return {
    name: 'township-zh-tw-catalogs',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === LABELS_ID) return LABELS_RESOLVED;
      if (!source.endsWith(QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
      if (!resolved) return null;
      // A suffix that no JSON plugin claims: this plugin returns a finished JS module.
      return `${resolved.id}.zh-TW.js`;
    },
    async load(id) {
      if (id === LABELS_RESOLVED) return labelsModule(convert);
      if (!id.endsWith('.json.zh-TW.js')) return null;
      const file = id.slice(0, -'.zh-TW.js'.length);
      this.addWatchFile(file);
      const source = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      return `export default ${JSON.stringify(convertCatalog(source, convert))};`;
    },
  };
}
