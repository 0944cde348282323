import tseslint from 'typescript-eslint';

// Lint: TypeScript's recommended rules. The layer direction (core ← app ← formats/db/infra/server/cli ← web)
// is enforced by test/architecture.test.ts, which reads every import.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'content/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['bench/**', 'scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
);
