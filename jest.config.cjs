/** Tests that need no local cloud: unit tests beside the code and the compiled mini-program in miniprogram-simulate. */
const transformIgnorePatterns = ['/node_modules/(?!(jose)/)']
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }] }

module.exports = {
  // Two workers on two cores: the tests that start a local cloud of their own (infra/local start and crash) spend
  // most of their time waiting for it, and the others run meanwhile (63 s → 47 s).
  maxWorkers: 2,
  // A mini-program test renders the compiled weapp and waits for it (event-driven); beside the start and crash tests'
  // local clouds on two cores, one took 7 s — past jest's default 5 s. (Jest reads testTimeout from the top level
  // only: set on a project it is silently ignored.)
  testTimeout: 15_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/shared', '<rootDir>/functions/src', '<rootDir>/infra'],
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/miniapp/test/mp'],
      testMatch: ['**/*.test.ts'],
    },
  ],
}
