/// <reference types="vite/client" />

/** `<catalog>/zh-CN.json?zh-TW`: the catalog converted to Traditional Chinese by vite-plugin-zh-tw. */
declare module '*.json?zh-TW' {
  const catalog: Record<string, unknown>;
  export default catalog;
}

/** The domain's label tables converted to zh-TW at build (vite-plugin-zh-tw.ts). */
declare module 'virtual:zh-tw-labels' {
  const tables: import('@township-office/domain/labels').LabelTables;
  export default tables;
}
