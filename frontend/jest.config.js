/**
 * Component and slice tests on jsdom. ts-jest compiles TS/TSX to CommonJS (this package is
 * "type": "module", but the tests need no ESM loader that way). A few dependencies ship only
 * ES modules (react-router, react-dnd and its parts); ts-jest compiles those to CommonJS too.
 * @type {import('jest').Config}
 */
import path from 'node:path';

/** The repository: ts-jest compiles files of frontend/, shared/ and node_modules/ below it. */
const REPO_ROOT = path.resolve(import.meta.dirname, '..');

const ESM_ONLY_PACKAGES = [
  'react-router',
  '@remix-run',
  'cookie-es',
  'react-dnd',
  'react-dnd-html5-backend',
  'react-dnd-touch-backend',
  'dnd-core',
  '@react-dnd',
];

export default {
  testEnvironment: '<rootDir>/test/jsdom-with-fetch-classes.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '^\\./routeModules\\.js$': '<rootDir>/test/react-router-route-modules.cjs',
    '\\.css$': '<rootDir>/test/style-stub.cjs',
    '^@autofunnel/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.(tsx?|m?js)$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          isolatedModules: true,
          esModuleInterop: true,
          allowJs: true,
          rootDir: REPO_ROOT,
          types: ['jest'],
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  restoreMocks: true,
};
