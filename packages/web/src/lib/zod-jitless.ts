/**
 * Zod compiles fast object parsers with `new Function`, after probing whether eval is allowed.
 * The server's Content-Security-Policy forbids eval (script-src 'self'), and even the caught probe
 * is reported as a policy violation, so the browser runs zod without the compiler. Must be
 * evaluated before any schema is built: main.tsx imports it first.
 */
import { z } from 'zod';

z.config({ jitless: true });
