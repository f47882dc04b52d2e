// Type-checked TypeScript rules, Nx module boundaries with real constraints, small-file budgets.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import nhip from './tools/lint/slice-boundaries.js';

const layers = {
  // Apps wire things; domain is pure; infra adapts; contracts are the words services share.
  'type:app': ['type:domain', 'type:contracts', 'type:infra', 'type:util'],
  'type:domain': ['type:domain', 'type:contracts', 'type:util'],
  'type:infra': ['type:infra', 'type:contracts', 'type:util'],
  'type:contracts': ['type:util'],
  'type:util': ['type:util'],
  'type:testing': ['type:infra', 'type:contracts', 'type:util', 'type:testing'],
  // Benchmarks drive whole services the way the end-to-end tests do, so they share their helpers.
  'type:bench': ['type:infra', 'type:contracts', 'type:util', 'type:testing'],
  // Developer tools start the servers and seed them the way the tests do; they drive services
  // through their published entry points (HTTP, `node dist/migrate.js`), never their source.
  'type:tools': ['type:infra', 'type:contracts', 'type:util', 'type:testing'],
};
// A service sees only its own code and shared libraries, never another service's.
const scopes = ['registry', 'activity', 'training', 'kpi', 'projection'];

/** Module-boundary constraints; test files may additionally reach the type:testing helpers. */
function boundaries(extraForEveryLayer) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        ...Object.entries(layers).map(([sourceTag, tags]) => ({
          sourceTag,
          onlyDependOnLibsWithTags: [...tags, ...extraForEveryLayer],
        })),
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        ...scopes.map((scope) => ({
          sourceTag: `scope:${scope}`,
          onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
        })),
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-bundle/**',
      '.infra/**',
      '.nx/**',
      'bench/results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx, nhip },
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      'nhip/slice-boundaries': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // NestJS modules and controllers are decorated classes by design.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // NestJS declares its option bags as classes; passing object literals is its documented use.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      'no-console': 'error',
      // Budgets that keep a file readable in one sitting (docs/service-layout.md).
      complexity: ['error', 8],
      'max-depth': ['error', 3],
      'max-params': ['error', 4],
      'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Tests (and their fixtures) may be longer and may reach for test helpers; they still may not
    // cross services.
    files: ['**/*.spec.ts', '**/src/fixtures/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['type:testing']),
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      // A describe block is a list of cases, not a function to read top to bottom.
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Deciders are pure: no framework, database, broker, clock or file system.
    files: ['**/*.decide.ts', '**/*.evolve.ts', '**/*.decider.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                '@nhip/service-http',
                'class-validator',
                'fastify',
                'typeorm',
                'pg',
                '@platformatic/*',
                'kafkajs',
                '@nhip/messaging',
                '@nhip/event-sourcing',
                '@nhip/postgres',
                'node:*',
              ],
              message:
                'decide/evolve are pure functions: take time and ids from the command, do I/O in the adapter.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in on the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes in on the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Ids come in on the command.',
        },
      ],
    },
  },
  {
    // Services and libraries log through their logger (createLogger in libs/service-http, ADR 0014):
    // JSON lines that carry the service and the request's correlation id. A bare write to the
    // terminal carries neither. Tests and fixture processes talk to the terminal on purpose.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/src/fixtures/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['stdout', 'stderr'].map((property) => ({
          object: 'process',
          property,
          message: 'Log through the service logger (createLogger from @nhip/service-http), not the terminal.',
        })),
      ],
    },
  },
  {
    // Tools and scripts talk to the developer on the terminal.
    files: ['tools/**/*.ts', 'eslint.config.js', 'jest.config.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
