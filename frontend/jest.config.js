/**
 * Component and slice tests on jsdom. ts-jest compiles TS/TSX to CommonJS (this package is
 * "type": "module", but the tests need no ESM loader that way).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: '<rootDir>/test/jsdom-with-fetch-classes.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/style-stub.cjs',
    '^@autofunnel/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          isolatedModules: true,
          esModuleInterop: true,
          types: ['jest'],
        },
      },
    ],
  },
  restoreMocks: true,
};
