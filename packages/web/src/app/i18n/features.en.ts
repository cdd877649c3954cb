/** Every feature's strings in en, as one chunk (catalogs.ts loads it with the signed-in app). */
export default import.meta.glob<Record<string, unknown>>('../../features/*/locales/en.json', { eager: true, import: 'default' });
