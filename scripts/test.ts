/**
 * `npm test`: every check of the project, in order, on this machine's local cloud.
 *   type check → import boundaries → lint and format (the prod stack packaged offline beside them) → mini-program builds → unit + mini-program
 *   tests → integration + browser tests → the IAM check
 * Prints a closing `N passed, N failed` line (jest tests plus the named checks). Set LINLI_SKIP_BUILD=1 to reuse
 * existing miniapp/dist builds while iterating.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureChromium, ensureJava, ensurePoppler } from '../infra/local/system-packages'
import { buildStamp, isBuilt, markBuilt } from '../infra/local/build-cache'

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

/**
 * One offline `serverless package --stage prod` for the package test and the IAM check, in a child process: it runs
 * beside the type check and lint, each of them on one core of two (a failure here shows in the package test).
 */
function packagingBeside(): Promise<string | undefined> {
  const file = join(mkdtempSync(join(tmpdir(), 'linli-packaged-')), 'dir')
  const child = spawn(bin('tsx'), [join(ROOT, 'infra/serverless/package.ts'), file], { cwd: ROOT, stdio: 'ignore' })
  return new Promise((done) => child.on('close', (code) => done(code === 0 ? readFileSync(file, 'utf8') : undefined)))
}

async function main() {
  ensureJava()
  ensureChromium()
  ensurePoppler()
  const started = Date.now()
  const packaged = packagingBeside()
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
  const waiting = Date.now()
  const dir = await packaged
  if (dir) process.env.LINLI_PACKAGE_DIR = dir
  console.log(
    dir
      ? `\n✔ packaged the prod stack beside the checks (waited ${((Date.now() - waiting) / 1000).toFixed(1)} s more for it)`
      : '\n✘ packaging the prod stack failed: the package test says why',
  )
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

void main()
