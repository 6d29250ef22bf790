/**
 * `npm test`: every check of the project, in order, on this machine's local cloud.
 *   type check → import boundaries → lint and format → H5 build → integration + browser tests on the local cloud → unit +
 *   mini-program tests → the IAM check
 * The prod stack's offline packaging and the weapp build run meanwhile at a lower priority (see `beside`).
 * Prints a closing `N passed, N failed` line (jest tests plus the named checks). Set LINLI_SKIP_BUILD=1 to reuse
 * existing miniapp/dist builds while iterating.
 */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
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
 * A command run in the background at a lower priority (nice 10), its output kept and printed when it ends. The local
 * cloud's API is one Node process: the integration and browser tests keep about one core of two busy, and what runs
 * beside them at a lower priority takes the idle core without slowing them (measured: ~60 % of a core idle over those
 * five minutes; the packaging then takes most of them instead of one). Before, the packaging ran beside the type check
 * and lint and slowed both by ~20 s.
 */
function beside(name: string, command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<{ ok: boolean; print(): void }> {
  const started = Date.now()
  // Its output goes to a file, not a pipe: while a step runs, this process waits in spawnSync and reads no pipe, and a
  // child whose pipe fills stops until it is read.
  const log = join(mkdtempSync(join(tmpdir(), 'linli-beside-')), 'output.log')
  const fd = openSync(log, 'w')
  const child = spawn('nice', ['-n', '10', command, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] })
  closeSync(fd)
  return new Promise((done) =>
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      done({
        ok: code === 0,
        print: () =>
          console.log(
            `\n▶ ${name} (beside the tests)\n${readFileSync(log, 'utf8').trimEnd()}\n${code === 0 ? '✔' : '✘'} ${name} (${seconds} s, at a lower priority)`,
          ),
      })
    }),
  )
}

/** The weapp build beside the tests, reused when nothing it is made from changed; resolves whether it is there. */
async function weappBeside(): Promise<boolean> {
  if (process.env.LINLI_SKIP_BUILD === '1') return true
  const local = { TARO_APP_STAGE: 'local', NODE_ENV: 'production' }
  const stamp = buildStamp('weapp', { ...process.env, ...local })
  if (isBuilt('weapp', stamp)) {
    console.log('\n▶ build weapp: up to date, reused')
    return true
  }
  const r = await beside('build weapp', bin('taro'), ['build', '--type', 'weapp'], local, join(ROOT, 'miniapp'))
  r.print()
  tally[r.ok ? 'passed' : 'failed']++
  if (r.ok) markBuilt('weapp', stamp)
  else failures.push('build weapp')
  return r.ok
}

/** One offline `serverless package --stage prod` for the package test and the IAM check; resolves its folder. */
async function packagingBeside(): Promise<string | undefined> {
  const file = join(mkdtempSync(join(tmpdir(), 'linli-packaged-')), 'dir')
  const r = await beside('package the prod stack (offline)', bin('tsx'), [join(ROOT, 'infra/serverless/package.ts'), file])
  r.print()
  // A failure shows in the package test, which packages again and says why.
  return r.ok ? readFileSync(file, 'utf8') : undefined
}

async function main() {
  ensureJava()
  ensureChromium()
  ensurePoppler()
  const started = Date.now()
  // One after the other (two builds at once would not leave the tests their core), both done before the unit step.
  const background = packagingBeside().then(async (dir) => {
    await weappBeside()
    return dir
  })
  check('type check (shared, functions, infra, miniapp)', 'npm', ['run', '--silent', 'typecheck'])
  check('import boundaries (dependency-cruiser)', 'npm', ['run', '--silent', 'boundaries'])
  check('lint and format (ESLint, Prettier)', 'npm', ['run', '--silent', 'lint'])
  // The H5 build is reused when nothing it is made from changed (infra/local/build-cache.ts).
  if (process.env.LINLI_SKIP_BUILD !== '1') {
    const local = { TARO_APP_STAGE: 'local', NODE_ENV: 'production' }
    const stamp = buildStamp('h5', { ...process.env, ...local })
    if (isBuilt('h5', stamp)) console.log('\n▶ build h5: up to date, reused')
    else if (check('build h5', bin('taro'), ['build', '--type', 'h5'], local, join(ROOT, 'miniapp'))) markBuilt('h5', stamp)
  }
  // The local cloud records every AWS action each function performs, for the IAM check at the end.
  const awsCalls = join(mkdtempSync(join(tmpdir(), 'linli-aws-calls-')), 'calls.jsonl')
  process.env.LINLI_AWS_CALL_LOG = awsCalls
  jest('integration and browser tests (local cloud)', 'jest.cloud.config.cjs')
  delete process.env.LINLI_AWS_CALL_LOG
  const waiting = Date.now()
  const dir = await background
  console.log(`\n${dir ? '✔' : '✘'} the packaging and the weapp build beside the tests (waited ${((Date.now() - waiting) / 1000).toFixed(1)} s more for them)`)
  if (dir) process.env.LINLI_PACKAGE_DIR = dir
  jest('unit and mini-program tests', 'jest.config.cjs')
  check('IAM grants exactly the AWS actions the code performs', bin('tsx'), [join(ROOT, 'scripts/check-iam.ts'), awsCalls])

  console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join('; ')}` : ''}`)
  console.log(`${tally.passed} passed, ${tally.failed} failed`)
  process.exit(tally.failed === 0 && failures.length === 0 ? 0 : 1)
}

void main()
