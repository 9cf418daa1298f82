// Two projects: the API (node, real PGlite/PostgreSQL) and the app (jsdom, React Testing Library).
const transform = { '^.+\\.[cm]?[tj]sx?$': ['babel-jest', { configFile: './test/jest/babel.jest.js' }] }

module.exports = {
  // Password hashing and a real database: on a busy two-core CI machine 5 s is not enough for some tests.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/cloud', '<rootDir>/types'],
      testMatch: ['**/*.test.ts'],
      transform,
      // PGlite's CommonJS build loads Node built-ins with import(), which jest's VM only allows with
      // --experimental-vm-modules; let babel turn those into require().
      transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|cookie)/)'],
      setupFiles: ['<rootDir>/test/jest/api-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/no-noise.js'],
    },
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs/components|@tarojs/taro|@tarojs/runtime|@tarojs/shared|@tarojs/react)/)'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/jest/taro.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss|sass)$': '<rootDir>/test/jest/style-stub.js',
        '^@/types/(.*)$': '<rootDir>/types/$1',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
      setupFiles: ['<rootDir>/test/jest/app-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/no-noise.js'],
    },
  ],
}
