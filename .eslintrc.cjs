// The app's layers (README, "src/"): pages|staff → features → components|lib|api → types.
// Elements: the first pattern a folder matches decides its type (staff-* features before the rest).
const APP_ELEMENTS = [
  { type: 'pages', pattern: 'src/pages/*', capture: ['page'] },
  { type: 'staff', pattern: 'src/staff/*', capture: ['page'] },
  { type: 'staff-features', pattern: 'src/features/staff-*', capture: ['feature'] },
  { type: 'features', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'components', pattern: 'src/components/*', capture: ['component'] },
  { type: 'lib', pattern: 'src/lib' },
  { type: 'api', pattern: 'src/api' },
  { type: 'styles', pattern: 'src/styles' },
  { type: 'types', pattern: 'types' },
]
const may = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } })
const APP_LAYERS = [
  // src/app.ts, app.config.ts, h5-boot.ts (files, not a folder element).
  {
    from: { file: { categories: 'app' } },
    allow: [{ to: { file: { categories: 'app' } } }, { to: { element: { type: ['features', 'lib', 'api', 'styles', 'types'] } } }],
  },
  may('pages', ['features', 'components', 'lib', 'styles', 'types']),
  // Only the staff subpackage uses the staff side: investors never download it.
  may('staff', ['staff-features', 'features', 'components', 'lib', 'styles', 'types']),
  may('staff-features', ['staff-features', 'features', 'components', 'lib', 'api', 'styles', 'types']),
  may('features', ['features', 'components', 'lib', 'api', 'styles', 'types']),
  may('components', ['components', 'lib', 'api', 'styles', 'types']),
  may('api', ['lib', 'types']),
  may('lib', ['types']),
]
// A feature's public modules are the files at its top level; what sits in a subfolder (internal/) is its own.
const FEATURE_ENTRY_POINTS = {
  disallow: { to: { element: { type: ['features', 'staff-features'], fileInternalPath: '*/**' } } },
  message: '{{to.element.captured.feature}}: only a feature\'s top-level files may be imported from outside it (README, "src/")',
}
const appDependencies = (policies) => [
  'error',
  {
    default: 'disallow',
    message:
      '{{#if from.element.type}}{{from.element.type}}{{else}}src/ (the app){{/if}} may not import {{to.element.type}}: imports flow pages|staff → features → components|lib|api → types (README, "src/")',
    policies,
  },
]
// `import/no-cycle` holds for the whole repository; the overrides below hold the layering of the
// contract (types/) and the API (cloud/).
const CLOUD_LOWER_LAYERS = ['./cloud/src/http', './cloud/src/db', './cloud/src/integrations', './cloud/src/clock.ts', './cloud/src/config.ts', './cloud/src/paths.ts']
const CLOUD_NOT_THE_APP = { target: './cloud', from: './src', message: 'The API and the app meet only in types/.' }

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  env: { es2022: true, node: true, browser: true, jest: true },
  plugins: ['@typescript-eslint', 'react', 'react-hooks', 'import'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react/recommended', 'plugin:react/jsx-runtime', 'plugin:react-hooks/recommended'],
  settings: {
    react: { version: '18' },
    'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import/ignore': ['node_modules'],
    'import/resolver': {
      alias: { map: [['@/types', './types'], ['@', './src']], extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
      node: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
    },
  },
  globals: { API_BASE: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-var-requires': 'off',
    'react/prop-types': 'off',
    'no-console': ['warn', { allow: ['warn', 'error'] }],
    // Prettier drops semicolons, so a leading one before ( or [ is needed.
    'no-extra-semi': 'off',
    // No import circle anywhere (type-only imports do not count: they vanish when compiled).
    'import/no-cycle': ['error', { ignoreExternal: true }],
  },
  overrides: [
    { files: ['scripts/**', 'cloud/scripts/**', 'test/**', '.ci/**', '*.cjs', '*.js', '*.mjs'], rules: { 'no-console': 'off' } },
    {
      // The contract: pure, shared by the app and the API, depending on neither (its tests may read the content files).
      files: ['types/**'],
      excludedFiles: ['**/*.test.ts'],
      rules: {
        'import/no-restricted-paths': [
          'error',
          { zones: [{ target: './types', from: ['./cloud', './src'], message: 'types/ is the shared contract: it imports nothing from cloud/ or src/.' }] },
        ],
      },
    },
    { files: ['cloud/**'], rules: { 'no-console': 'off', 'import/no-restricted-paths': ['error', { zones: [CLOUD_NOT_THE_APP] }] } },
    {
      // The API's production code: routes → module code → db. Only app.ts composes routes and plugins.
      files: ['cloud/src/**'],
      excludedFiles: ['**/*.test.ts'],
      rules: {
        'import/no-restricted-paths': [
          'error',
          {
            zones: [
              CLOUD_NOT_THE_APP,
              { target: './cloud/src', from: './cloud/test-support', message: 'cloud/test-support is for tests; it is not part of the build.' },
              {
                target: ['./cloud/src/modules', './cloud/src/plugins', ...CLOUD_LOWER_LAYERS, './cloud/src/cli', './cloud/src/deps.ts'],
                from: './cloud/src/modules/*/routes.ts',
                message: 'Routes are registered by app.ts only: share what they need through module code or http/.',
              },
              {
                target: ['./cloud/src/modules', ...CLOUD_LOWER_LAYERS, './cloud/src/cli'],
                from: './cloud/src/plugins',
                message: 'Plugins are reached through the Fastify instance (their decorations), never imported.',
              },
              {
                target: CLOUD_LOWER_LAYERS,
                from: ['./cloud/src/modules', './cloud/src/plugins', './cloud/src/app.ts'],
                message: 'http/, db/, integrations/, clock, config and paths sit below the modules and plugins.',
              },
            ],
          },
        ],
      },
    },
    {
      // Routes call module code; they never query the database themselves.
      files: ['cloud/src/modules/*/routes.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes call module functions; queries live in the module.' },
              { group: ['**/db/*'], message: 'Routes call module functions; queries live in the module.' },
            ],
          },
        ],
      },
    },
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      plugins: ['import', 'boundaries'],
      settings: {
        // import/no-cycle reads the imported files too: they are TypeScript.
        'import/extensions': ['.ts', '.tsx', '.js'],
        'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
        'import/resolver': {
          alias: { map: [['@/types', './types'], ['@', './src']], extensions: ['.ts', '.tsx', '.js', '.json', '.scss'] },
          node: { extensions: ['.ts', '.tsx', '.js'] },
        },
        'boundaries/elements': APP_ELEMENTS,
        'boundaries/files': [{ category: 'app', pattern: 'src/*.{ts,tsx,scss}' }],
      },
      rules: {
        // disableScc: a circle is looked for from the text being linted, not only from the files on disk
        // (editors lint unsaved text; src/layers.test.ts lints text too).
        'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }],
        'boundaries/dependencies': appDependencies([...APP_LAYERS, FEATURE_ENTRY_POINTS]),
      },
    },
    // Tests may reach into the internals they check.
    { files: ['src/**/*.test.ts', 'src/**/*.test.tsx'], rules: { 'boundaries/dependencies': appDependencies(APP_LAYERS) } },
  ],
  ignorePatterns: ['node_modules/', 'dist/', 'dist-h5/', 'build/', '.data/', 'coverage/', 'cloud/migrations/', 'cloud/.scratch/'],
}
