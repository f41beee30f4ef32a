// Two projects in one run: `unit` (the engine, rules, review stages, the stand-in) and `e2e` (the built Action
// against the GitHub stand-in). Select one with `npm run jest -- --selectProjects unit`.
import os from 'node:os';

// ts-jest's ESM preset: @actions/core 3 and @actions/github 9 are ES modules only.
const typescript = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
};

export default {
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
    },
    { ...typescript, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.test.ts'] },
  ],
  // Names the temp dir that the tests running the bundles build into, once per run (test/support/built.ts).
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // At least two workers even on two cores: an e2e file's work is mostly done by the Action processes it starts
  // (writes are not spaced in the tests: see test/e2e/harness.ts), so its worker waits while they run.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // The e2e tests are it.concurrent and each waits on its own Action runs; let them all wait at once.
  maxConcurrency: 16,
  testTimeout: 60000,
};
