/**
 * `serverless package --stage prod` (osls, offline) into a folder, once per `npm test`: the package test and the IAM
 * check both read its CloudFormation. LINLI_PACKAGE_DIR names a folder packaged earlier in the run; without it (a
 * test run on its own) this packages now.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const TEMPLATE = 'cloudformation-template-update-stack.json'
/** Where packaging bundles (relative to the repository). */
export const PACKAGE_WORK = '.esbuild-package'

export function packageProd(): string {
  const out = mkdtempSync(join(tmpdir(), 'linli-package-'))
  // Its own work folder (serverless.yml's `outputWorkFolder`), not `.esbuild`: a running `npm start` bundles and
  // watches there. Left from an earlier packaging it is cleared (serverless-esbuild refuses a folder it did not leave).
  rmSync(join(ROOT, PACKAGE_WORK), { recursive: true, force: true })
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLS_TELEMETRY_DISABLED: '1',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      LINLI_AWS_CALL_LOG: '',
      LINLI_ESBUILD_WORK: PACKAGE_WORK,
    },
    stdio: 'pipe',
  })
  return out
}

/** The packaged CloudFormation template: the run's (LINLI_PACKAGE_DIR), or packaged now. */
export function packagedTemplate<T>(): T {
  const given = process.env.LINLI_PACKAGE_DIR
  const dir = given && existsSync(join(given, TEMPLATE)) ? given : packageProd()
  return JSON.parse(readFileSync(join(dir, TEMPLATE), 'utf8')) as T
}

// `tsx infra/serverless/package.ts <file>`: packages, and writes the folder's path to <file> (npm test runs it in a
// child process beside the type check and lint).
if (require.main === module) writeFileSync(process.argv[2]!, packageProd())
