import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['packages/web/e2e/documents.e2e.test.ts'], globalSetup: ['packages/web/e2e/.docweb-setup.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } });
