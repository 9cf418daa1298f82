// Browser journeys: production H5 build (dist-h5/) over the production API build (build/api/).
// Run with `npm run test:e2e` after `npm run build:h5 && npm run build:api`.
//
// Global setup creates the e2e 店小二 account (staff:add CLI, before the API holds the PGlite folder),
// starts the API (CORS for the H5 origin), the static H5 server and one Chromium that every file
// connects to. Each journey screenshots every page into screenshots/ and runs axe-core (results/).
//
// Building elsewhere while others build too:
//   TARO_APP_API_BASE=http://127.0.0.1:3917 TARO_OUTPUT_ROOT=/tmp/e2e-h5 npx taro build --type h5
//   npx tsc -p cloud/tsconfig.build.json --outDir build/e2e-api      (inside the repo: it finds cloud/migrations)
//   E2E_H5_DIR=/tmp/e2e-h5 E2E_API_BUILD=build/e2e-api E2E_API_PORT=3917 E2E_H5_PORT=10917 npm run test:e2e
// E2E_DATA_DIR keeps the data folder; E2E_LOG_LEVEL=info shows the API's log.
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.[cm]?[tj]sx?$': ['babel-jest', { configFile: './test/jest/babel.jest.js' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.js',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.js',
  testTimeout: 300_000,
  maxWorkers: 1,
}
