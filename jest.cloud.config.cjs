/** Tests against the local cloud (started once for the run): real handlers over HTTP, and the H5 app in Chromium. */
const transformIgnorePatterns = ['/node_modules/(?!(jose)/)']
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] }

module.exports = {
  globalSetup: '<rootDir>/functions/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/functions/test/support/global-teardown.ts',
  projects: [
    { displayName: 'integration', testEnvironment: 'node', transform, transformIgnorePatterns, roots: ['<rootDir>/functions/test'], testMatch: ['**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/functions/test/support/timeout.ts'] },
    { displayName: 'e2e', testEnvironment: 'node', transform, transformIgnorePatterns, roots: ['<rootDir>/miniapp/test/e2e'], testMatch: ['**/*.test.ts'] },
  ],
}
