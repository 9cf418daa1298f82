module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  env: { es2022: true, node: true, browser: true, jest: true },
  plugins: ['@typescript-eslint', 'react', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react/recommended', 'plugin:react/jsx-runtime', 'plugin:react-hooks/recommended'],
  settings: { react: { version: '18' } },
  globals: { API_BASE: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-var-requires': 'off',
    'react/prop-types': 'off',
    'no-console': ['warn', { allow: ['warn', 'error'] }],
    // Prettier drops semicolons, so a leading one before ( or [ is needed.
    'no-extra-semi': 'off',
  },
  overrides: [
    { files: ['scripts/**', 'cloud/scripts/**', 'test/**', '.ci/**', '*.cjs', '*.js', '*.mjs'], rules: { 'no-console': 'off' } },
    { files: ['cloud/src/**', 'cloud/test-support/**'], rules: { 'no-console': 'off' } },
  ],
  ignorePatterns: ['node_modules/', 'dist/', 'dist-h5/', 'build/', '.data/', 'coverage/', 'cloud/migrations/', 'cloud/.scratch/'],
}
