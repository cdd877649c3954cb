import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
);
