/** Tests against the local cloud (started once for the run): real handlers over HTTP, and the H5 app in Chromium. */
const transformIgnorePatterns = ['/node_modules/(?!(jose)/)']
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] }

module.exports = {
  // One test file at a time on the one local cloud: the browser test of a mediation session moves the local stage's
  // clock (POST /local/clock) and puts it back; no other file may run meanwhile. (Two cores give jest one worker anyway.)
  maxWorkers: 1,
  globalSetup: '<rootDir>/functions/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/functions/test/support/global-teardown.ts',
  projects: [
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/functions/test'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/functions/test/support/timeout.ts'],
    },
    { displayName: 'e2e', testEnvironment: 'node', transform, transformIgnorePatterns, roots: ['<rootDir>/miniapp/test/e2e'], testMatch: ['**/*.test.ts'] },
  ],
}
