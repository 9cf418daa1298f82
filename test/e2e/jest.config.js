// Browser journeys: production H5 build (dist-h5/) over the production API build (build/api/).
// Run with `npm run test:e2e` after `npm run build:h5 && npm run build:api`.
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['babel-jest', { configFile: './test/jest/babel.jest.js' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.js',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.js',
  testTimeout: 90_000,
  maxWorkers: 1,
}
