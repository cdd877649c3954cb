/** Every feature's strings in zh-TW, as one chunk (catalogs.ts loads it with the signed-in app). */
export default import.meta.glob<Record<string, unknown>>('../../features/*/locales/zh-CN.json', {
  eager: true,
  import: 'default',
  query: '?zh-TW',
});
