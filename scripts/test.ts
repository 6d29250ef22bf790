/**
 * `npm test`: every check of the project, in order, on this machine's local cloud.
 *   type check → import boundaries → mini-program builds → unit + mini-program tests → integration + browser tests
 * Prints a closing `N passed, N failed` line (jest tests plus the named checks). Set LINLI_SKIP_BUILD=1 to reuse
 * existing miniapp/dist builds while iterating.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureChromium, ensureJava } from '../infra/local/system-packages'

const ROOT = resolve(__dirname, '..')
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name)
const tally = { passed: 0, failed: 0 }
const failures: string[] = []

function step(name: string, command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): boolean {
  const started = Date.now()
  console.log(`\n▶ ${name}`)
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function check(name: string, command: string, args: string[], env?: Record<string, string>, cwd?: string): boolean {
  const ok = step(name, command, args, env, cwd)
  ok ? tally.passed++ : (tally.failed++, failures.push(name))
  return ok
}

function jest(name: string, config: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'linli-jest-')), 'results.json')
  const ok = step(name, bin('jest'), ['-c', config, '--json', `--outputFile=${out}`])
  try {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number; numRuntimeErrorTestSuites: number }
    tally.passed += r.numPassedTests
    tally.failed += r.numFailedTests + r.numRuntimeErrorTestSuites
    if (!ok) failures.push(name)
    if (!ok && r.numFailedTests + r.numRuntimeErrorTestSuites === 0) tally.failed++
  } catch {
    tally.failed++
    failures.push(`${name} (no results)`)
  }
}

ensureJava()
ensureChromium()
const started = Date.now()
check('type check (shared, functions, infra, miniapp)', 'npm', ['run', '--silent', 'typecheck'])
check('import boundaries (dependency-cruiser)', 'npm', ['run', '--silent', 'boundaries'])
if (process.env.LINLI_SKIP_BUILD !== '1') {
  const local = { TARO_APP_STAGE: 'local', NODE_ENV: 'production' }
  check('build weapp', bin('taro'), ['build', '--type', 'weapp'], local, join(ROOT, 'miniapp'))
  check('build h5', bin('taro'), ['build', '--type', 'h5'], local, join(ROOT, 'miniapp'))
}
jest('unit and mini-program tests', 'jest.config.cjs')
jest('integration and browser tests (local cloud)', 'jest.cloud.config.cjs')

console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join('; ')}` : ''}`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed === 0 && failures.length === 0 ? 0 : 1)
