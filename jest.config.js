/**
 * One jest run for the whole repository: the infrastructure tests (with cdktf's matchers)
 * and each workspace package's tests. TypeScript is transpiled per file by ts-jest;
 * types are checked once, by `npm run typecheck`, before jest starts.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
};
// Source files use ESM-style `./file.js` specifiers; map them back to the .ts file.
// In-repo consumers of @sales/transform test against its source, not a build (tsconfig `paths` matches).
const moduleNameMapper = {
  '^(\\.{1,2}/.*)\\.js$': '$1',
  '^@sales/transform$': '<rootDir>/packages/transform/src/index.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'infra',
      rootDir: __dirname,
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'packages',
      rootDir: __dirname,
      testMatch: ['<rootDir>/packages/*/tests/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
    },
  ],
};
