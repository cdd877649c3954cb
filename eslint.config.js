import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** No crossing is left: a new one fails the lint. */
const BOUNDARY = 'error';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/web/src/app/i18n/zh-TW.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Every string a client sends must refuse what PostgreSQL cannot store (NUL, lone surrogates):
    // schemas use safeString() from packages/domain/src/common.ts, its one definition.
    files: ['packages/domain/src/**/*.ts', 'packages/server/src/modules/**/*.ts', 'packages/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message:
            'Use safeString() from @township-office/domain/common (or z.uuid()): plain z.string() lets NUL and lone surrogates reach PostgreSQL.',
        },
        {
          selector: "MemberExpression[object.object.name='z'][object.property.name='coerce'][property.name='string']",
          message: 'Use safeString(): z.coerce.string() lets NUL and lone surrogates reach PostgreSQL.',
        },
      ],
    },
  },

  // ---- Module boundaries (docs/architecture.md, "How to add a module") ----------------------------
  // A server module reaches another module only through its service (or *.metrics.ts): never its
  // repository or its tables. platform/ is below every module and never imports one.
  ...[
    // Services, routes, presenters: no other module's repository or tables at all.
    { files: ['packages/server/src/modules/*/*.ts'], except: '' },
    // Repositories may join `orgs` and `users` for names (the one allowed join, said here and in docs/architecture.md).
    { files: ['packages/server/src/modules/*/*.repository.ts'], except: '(?!orgs/orgs\\.tables|accounts/accounts\\.tables)' },
    // Table definitions mirror the SQL's foreign keys, so they may name other modules' tables (never a repository).
    { files: ['packages/server/src/modules/*/*.tables.ts'], except: '(?![^./]+/[^/]+\\.tables)' },
  ].map(({ files, except }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        BOUNDARY,
        {
          patterns: [
            {
              regex: `^\\.\\./${except}[^./]+/[^/]+\\.(repository|tables)(\\.ts)?$`,
              message: "Another module's repository or tables: call its service (or its *.metrics.ts) instead.",
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['packages/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        BOUNDARY,
        {
          patterns: [
            { regex: '(^|/)modules/', message: 'platform/ is below the modules: inject what it needs instead of importing a module.' },
          ],
        },
      ],
    },
  },
  // A web feature does not import another feature: shared pieces live in src/components, src/lib or src/app.
  ...[1, 2, 3].map((depth) => ({
    files: [`packages/web/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        BOUNDARY,
        {
          patterns: [
            {
              regex: `^${'\\.\\./'.repeat(depth)}[^./]`,
              message: 'Another feature: move what both need to src/components or src/lib.',
            },
          ],
        },
      ],
    },
  })),
);
