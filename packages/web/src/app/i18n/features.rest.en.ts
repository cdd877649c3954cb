/** Every other feature's en strings, as one chunk: loaded before any page but the workbench (catalogs.ts). */
export default import.meta.glob<Record<string, unknown>>(
  ['../../features/*/locales/en.json', '!../../features/{workbench,notifications,search}/locales/en.json'],
  { eager: true, import: 'default' },
);
