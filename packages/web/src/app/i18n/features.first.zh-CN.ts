/** The zh-CN strings of the features the first page after sign-in shows (the workbench, the bell, the search box): see catalogs.ts. */
export default import.meta.glob<Record<string, unknown>>('../../features/{workbench,notifications,search}/locales/zh-CN.json', {
  eager: true,
  import: 'default',
});
