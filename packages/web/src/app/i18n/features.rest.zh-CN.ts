/** Every other feature's zh-CN strings, as one chunk: loaded before any page but the workbench (catalogs.ts). */
export default import.meta.glob<Record<string, unknown>>(
  ['../../features/*/locales/zh-CN.json', '!../../features/{workbench,notifications,search}/locales/zh-CN.json'],
  { eager: true, import: 'default' },
);
