// ESLint flat config: typescript-eslint's type-aware recommended rules, promise safety, and Prettier
// owning the layout (eslint-config-prettier turns off every rule it would fight).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * "Practice in scope on a date" has one SQL text, libs/practices/src/in-scope.sql.ts (docs/DESIGN.md
 * "Figures"): the comparisons of a practice's open and close dates with a date are written nowhere else.
 */
const IN_SCOPE_DATES = '/opened_on\\s*<=|>=\\s*[\\w.]*opened_on|closed_on\\s*>(?!\\s*opened_on)/';
const IN_SCOPE_WRITTEN_ONCE = {
  selector: `TemplateElement[value.raw=${IN_SCOPE_DATES}], Literal[value=${IN_SCOPE_DATES}]`,
  message:
    'Use practiceInScope (@app/practices): the in-scope rule is written once, in libs/practices/src/in-scope.sql.ts.',
};

/**
 * No untyped row leaves a repository (docs/where-rules-live.md): SQL runs through the typed
 * helpers of libs/database/src/sql.ts (selectRows, mapRows, selectOne, exists, changedRows, execute), which
 * name the row type of every statement. Migrations run raw DDL and stay outside the rule.
 */
const NO_RAW_QUERY = {
  selector: "CallExpression[callee.property.name='query']",
  message: 'Run SQL through the typed helpers of @app/database (libs/database/src/sql.ts), naming the row type.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-*/',
      'coverage/',
      'var/',
      'data/',
      'apps/web/dist/',
      'apps/web/src/api/schema.d.ts',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The web app runs in the browser (its own tsconfig: apps/web/tsconfig.json, found by the project service).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The package is CommonJS (no "type": "module"): its plain .js files, run by bare node (the bench's floor
    // server) or read by tools (jest.config.js), load modules with require.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read supertest's untyped response bodies (`res.body` is `any`) on almost every line; the
    // assertions check their shape, so the no-unsafe-* family would only add casts.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The domain and the import parsers are framework-free (docs/where-rules-live.md): no Nest,
    // HTTP, validation decorators or database, and no feature lib, so they can be read and tested alone.
    files: ['libs/domain/src/**/*.ts', 'libs/imports/src/parsers/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'class-validator',
                'class-transformer',
                'typeorm',
                'fastify',
                'pg',
                'ioredis',
                'bull',
              ],
              message:
                'libs/domain and the parsers stay framework-free: put framework code in libs/http or a feature lib.',
            },
            {
              regex: '^@app/(?!domain$)',
              message: 'libs/domain and the parsers import no other lib but @app/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database lib sits below every feature (docs/where-rules-live.md): it finds their entities by file
    // name, so it imports none of them.
    files: ['libs/database/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@app/(?!(config|domain)$)',
              message: 'libs/database imports no feature lib (it finds their entities by file name).',
            },
          ],
        },
      ],
    },
  },
  {
    // The application's code. Tests and the bench data generator build worlds with open and close dates (a
    // close date after an open date): they state data, not the rule. Migrations are frozen text.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['libs/practices/src/in-scope.sql.ts', 'libs/database/src/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', IN_SCOPE_WRITTEN_ONCE] },
  },
  {
    // Typed rows: every lib's repositories run SQL through libs/database/src/sql.ts. A raw pg client (COPY,
    // LISTEN, the maintenance database before the DataSource exists) says why on its line. A later config
    // object replaces the rule's options, so the in-scope check is repeated here.
    files: ['libs/**/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'libs/database/src/migrations/**',
      'libs/database/src/sql.ts',
      'libs/practices/src/in-scope.sql.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', IN_SCOPE_WRITTEN_ONCE, NO_RAW_QUERY] },
  },
  prettier,
  // After eslint-config-prettier, which turns max-len off: Prettier cannot wrap comments and strings.
  { rules: { 'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }] } },
);
