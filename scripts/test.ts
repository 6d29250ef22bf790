/**
 * `npm test`: every check of the project, in order, on this machine's local cloud.
 *   type check → import boundaries → lint and format → mini-program builds → the prod stack packaged (offline) → unit + mini-program
 *   tests → integration + browser tests → the IAM check
 * Prints a closing `N passed, N failed` line (jest tests plus the named checks). Set LINLI_SKIP_BUILD=1 to reuse
 * existing miniapp/dist builds while iterating.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureChromium, ensureJava, ensurePoppler } from '../infra/local/system-packages'
import { buildStamp, isBuilt, markBuilt } from '../infra/local/build-cache'
import { packageProd } from '../infra/serverless/package'

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
  if (ok) tally.passed++
  else {
    tally.failed++
    failures.push(name)
  }
  return ok
}

function jest(name: string, config: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'linli-jest-')), 'results.json')
  const ok = step(name, bin('jest'), ['-c', config, '--json', `--outputFile=${out}`])
  try {
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      numFailedTestSuites: number
      numRuntimeErrorTestSuites: number
    }
    tally.passed += r.numPassedTests
    tally.failed += r.numFailedTests + r.numRuntimeErrorTestSuites
    if (!ok) failures.push(name)
    if (!ok && r.numFailedTests + r.numRuntimeErrorTestSuites === 0) tally.failed++
  } catch {
    tally.failed++
    failures.push(`${name} (no results)`)
  }
}

function main() {
  ensureJava()
  ensureChromium()
  ensurePoppler()
  const started = Date.now()
  check('type check (shared, functions, infra, miniapp)', 'npm', ['run', '--silent', 'typecheck'])
  check('import boundaries (dependency-cruiser)', 'npm', ['run', '--silent', 'boundaries'])
  check('lint and format (ESLint, Prettier)', 'npm', ['run', '--silent', 'lint'])
  // One build after the other: side by side with the type check they took longer on two cores, not shorter.
  // Each build is reused when nothing it is made from changed (infra/local/build-cache.ts).
  if (process.env.LINLI_SKIP_BUILD !== '1') {
    const local = { TARO_APP_STAGE: 'local', NODE_ENV: 'production' }
    for (const type of ['weapp', 'h5'] as const) {
      const stamp = buildStamp(type, { ...process.env, ...local })
      if (isBuilt(type, stamp)) console.log(`\n▶ build ${type}: up to date, reused`)
      else if (check(`build ${type}`, bin('taro'), ['build', '--type', type], local, join(ROOT, 'miniapp'))) markBuilt(type, stamp)
    }
  }
  // One offline `serverless package --stage prod` serves the package test and the IAM check (a failure here shows there).
  const packaging = Date.now()
  try {
    process.env.LINLI_PACKAGE_DIR = packageProd()
    console.log(`\n✔ packaged the prod stack (${((Date.now() - packaging) / 1000).toFixed(1)} s)`)
  } catch {
    console.log('\n✘ packaging the prod stack failed: the package test says why')
  }
  jest('unit and mini-program tests', 'jest.config.cjs')
  // The local cloud records every AWS action each function performs, for the IAM check that follows.
  const awsCalls = join(mkdtempSync(join(tmpdir(), 'linli-aws-calls-')), 'calls.jsonl')
  process.env.LINLI_AWS_CALL_LOG = awsCalls
  jest('integration and browser tests (local cloud)', 'jest.cloud.config.cjs')
  delete process.env.LINLI_AWS_CALL_LOG
  check('IAM grants exactly the AWS actions the code performs', bin('tsx'), [join(ROOT, 'scripts/check-iam.ts'), awsCalls])

  console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join('; ')}` : ''}`)
  console.log(`${tally.passed} passed, ${tally.failed} failed`)
  process.exit(tally.failed === 0 && failures.length === 0 ? 0 : 1)
}

main()
