/*
 * Zod compiles fast object parsers with `new Function` after probing whether eval is allowed, and it
 * decides when a schema is built, which happens as the app's chunks are evaluated. The server's
 * Content-Security-Policy forbids eval (script-src 'self'), and even the caught probe is reported
 * as a violation. Zod reads globalThis.__zod_globalConfig when its core loads; this classic script
 * runs before every module script of index.html, whatever order the bundler gives the chunks.
 */
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
