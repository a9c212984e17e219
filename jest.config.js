/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
  ],
};

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/tests/{domain,unit}/**/*.test.ts?(x)'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/{graph,emulator,service,faults,probe}/**/*.test.ts?(x)'],
    },
    { displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
};
