/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
  ],
};

// tsconfig.json's path aliases: @domain, @graph, @usecases and their rooms (e.g. @graph/register).
const moduleNameMapper = {
  '^@(domain|graph|usecases)$': '<rootDir>/src/$1',
  '^@(domain|graph|usecases)/(.*)$': '<rootDir>/src/$1/$2',
};

/**
 * tests/ mirrors src/: a test sits at the path of the source file it tests (tests/graph/lists/...
 * tests src/graph/lists/...). e2e/ (the tab in Chromium) and faults/ (fault and crash trials) are
 * the two exceptions; tooling/ tests the repository's own rules (lint, lockfile) and scripts/ the
 * packaging scripts. "unit" is every layer that runs without the emulator; "integration" the layers
 * whose tests talk to the emulator over HTTP with the real clients.
 */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/{domain,tab,usecases,tooling,scripts}/**/*.test.ts?(x)'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/{graph,emulator,service,cli,faults}/**/*.test.ts?(x)'],
    },
    { displayName: 'e2e', testEnvironment: 'node', transform, moduleNameMapper, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
};
