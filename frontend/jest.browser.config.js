/**
 * Browser flows: Debian's Chromium (driven by playwright-core) against the whole app, started
 * by the global setup on a fresh database. Needs the built backend and web app.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/browser-tests'],
  testMatch: ['**/*.browser-test.ts'],
  globalSetup: '<rootDir>/browser-tests/support/global-setup.js',
  globalTeardown: '<rootDir>/browser-tests/support/global-teardown.js',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'bundler', esModuleInterop: true, isolatedModules: true, types: ['jest', 'node'] } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // the files share one server and one demo dealership: one at a time
  maxWorkers: 1,
  testTimeout: 60_000,
};
