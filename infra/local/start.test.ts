/**
 * `npm start` stops every process it started on Ctrl-C or SIGTERM at any moment, also in the middle of start-up
 * (issue 8: a Ctrl-C in the first minute used to leave DynamoDB Local and serverless-offline holding their ports).
 * The signal goes to the whole process group, as a terminal's Ctrl-C does; the builds are left out (LINLI_SKIP_BUILD=1):
 * killing one would empty miniapp/dist, which other tests read. The API runs the tests' prebuilt bundles
 * (LINLI_API_BUNDLE, ./api-bundle.ts) instead of serverless-esbuild bundling 70 functions at each start (30 s): the
 * processes and their stopping are the same.
 */
import { spawn, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { apiBundle } from './api-bundle'
import { freePorts, type Ports } from './ports'

jest.setTimeout(120_000)

const ROOT = join(__dirname, '../..')

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })

/**
 * Starts `npm start` in its own process group and sends `signal` to the group when its output first shows `moment`
 * (after `meanwhile`, when given). `bundles` replaces the tests' prebuilt bundles.
 */
async function interrupt(
  moment: string,
  signal: NodeJS.Signals,
  o: { bundles?: string; meanwhile?: (ports: Ports) => Promise<void> } = {},
): Promise<{ ports: Ports; dataDir: string; output: string; code: number | null }> {
  const ports = await freePorts()
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-start-'))
  const env = {
    ...process.env,
    LINLI_DATA_DIR: dataDir,
    LINLI_SKIP_BUILD: '1',
    LINLI_API_BUNDLE: o.bundles ?? (await apiBundle()),
    API_PORT: String(ports.api),
    LAMBDA_PORT: String(ports.lambda),
    H5_PORT: String(ports.h5),
    WECHAT_PORT: String(ports.wechat),
    DYNAMODB_PORT: String(ports.dynamodb),
    S3_PORT: String(ports.s3),
  }
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(moment)) resolve()
    }
    npm.stdout.on('data', seen)
    npm.stderr.on('data', seen)
    void exited.then(() => reject(new Error(`npm start ended before "${moment}":\n${output}`)))
  })
  await o.meanwhile?.(ports)
  process.kill(-npm.pid!, signal)
  const code = await exited
  // The group's members may outlive npm by a moment; wait for the stop to finish by watching the output end.
  await new Promise((r) => (npm.stdout.readableEnded ? r(undefined) : npm.stdout.once('end', r)))
  return { ports, dataDir, output, code }
}

/** Processes still running that were started for this data folder (DynamoDB Local names it in its arguments). */
const leftovers = (dataDir: string) =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir))

/**
 * The tests' bundles, copied beside them (serverless-offline reads them from within the project) with GET /v1/rooms's
 * broken (not GET /v1/me's: `npm start` waits for that one to answer).
 */
async function brokenBundles(): Promise<string> {
  const copy = mkdtempSync(join(ROOT, '.esbuild-local-broken-'))
  cpSync(join(ROOT, await apiBundle()), copy, { recursive: true })
  writeFileSync(join(copy, 'functions/src/http/rooms/list.js'), "throw new Error('a bundle that cannot load')\n")
  return relative(ROOT, copy)
}

describe('npm start, interrupted', () => {
  it('Ctrl-C while DynamoDB Local has just started: every process ends and every port is free again', async () => {
    const { ports, dataDir, output } = await interrupt('DynamoDB Local, s3rver and the WeChat stand-in are up', 'SIGINT')
    try {
      expect(output).toContain('Stopping')
      expect(leftovers(dataDir)).toEqual([])
      for (const port of Object.values(ports)) expect(await isFree(port)).toBe(true)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('SIGTERM once serverless-offline answers (a bundle that cannot load answering 500 meanwhile, as API Gateway does): every process ends and every port is free again', async () => {
    const bundles = await brokenBundles()
    const answers: Record<string, [number, unknown]> = {}
    let dataDir: string | undefined
    try {
      const run = await interrupt('API (serverless-offline) is up', 'SIGTERM', {
        bundles,
        meanwhile: async (p) => {
          for (const path of ['/v1/rooms', '/v1/cases?view=mine']) {
            const res = await fetch(`http://127.0.0.1:${p.api}${path}`)
            answers[path] = [res.status, await res.json()]
          }
        },
      })
      dataDir = run.dataDir
      expect(answers['/v1/rooms']).toEqual([500, { message: 'Internal Server Error' }])
      expect(answers['/v1/cases?view=mine']![0]).toBe(401)
      expect(run.output).toContain('Stopping')
      expect(leftovers(run.dataDir)).toEqual([])
      for (const port of Object.values(run.ports)) expect(await isFree(port)).toBe(true)
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      rmSync(join(ROOT, bundles), { recursive: true, force: true })
    }
  })
})
