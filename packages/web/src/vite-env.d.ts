/// <reference types="vite/client" />

/** `<catalog>/zh-CN.json?zh-TW`: the catalog converted to Traditional Chinese by vite-plugin-zh-tw. */
declare module '*.json?zh-TW' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
