/**
 * The API's bundles for a local cloud that does not need `npm start`'s rebuild-on-change (the tests): every
 * function's handler in one esbuild run, into a folder stamped with a hash of what they are made from, reused while
 * the stamp matches — so each start of serverless-offline (four in `npm test`) no longer bundles 70 functions anew.
 * The options follow serverless.yml's `custom.esbuild`, unminified (nothing is shipped from here).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(__dirname, '../..')
const DIR = join(ROOT, '.esbuild-local')
const SOURCES = ['functions/src', 'shared', 'infra/serverless/esbuild-plugins.cjs', 'infra/serverless/stubs', 'package-lock.json']
const SKIP = /(^|\/)node_modules(\/|$)|\.test\.ts$/

function files(path: string): string[] {
  const full = join(ROOT, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [path]
  return readdirSync(full).flatMap((name) => (SKIP.test(`${path}/${name}`) ? [] : files(`${path}/${name}`)))
}

function stamp(): string {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap(files).sort()) hash.update(file).update(readFileSync(join(ROOT, file)))
  return hash.digest('hex')
}

/** Every handler a function of serverless.yml names: one per route, WeChat's push, the jobs, the local clock. */
function entryPoints(): string[] {
  const http = readdirSync(join(ROOT, 'functions/src/http'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => files(`functions/src/http/${d.name}`))
  return [...http, 'functions/src/wechat/push.ts', 'functions/src/jobs/notifier.ts', 'functions/src/jobs/sweeper.ts', 'functions/src/dev/clock.ts'].map((f) =>
    join(ROOT, f),
  )
}

/** The folder of up-to-date bundles (relative to the repository), made now if the sources changed since. Safe to call from parallel processes. */
export async function apiBundle(): Promise<string> {
  const want = stamp()
  const stampFile = join(DIR, '.linli-stamp')
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === want) return relative(ROOT, DIR)
  const tmp = mkdtempSync(join(ROOT, '.esbuild-local-'))
  try {
    await build({
      entryPoints: entryPoints(),
      outdir: tmp,
      outbase: ROOT,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      sourcemap: false,
      // The AWS SDK comes with the runtime, the layers' modules from their layers (on AWS; here from node_modules).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the layers' list is serverless.yml's (CommonJS)
      external: ['@aws-sdk/*', ...require(join(ROOT, 'infra/serverless/layers.cjs')).external()],
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugins serverless.yml's bundler reads (CommonJS)
      plugins: require(join(ROOT, 'infra/serverless/esbuild-plugins.cjs')),
      logLevel: 'error',
    })
    writeFileSync(join(tmp, '.linli-stamp'), want)
    rmSync(DIR, { recursive: true, force: true })
    renameSync(tmp, DIR)
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true })
    // Another process made the same bundles meanwhile.
    if (!(existsSync(stampFile) && readFileSync(stampFile, 'utf8') === want)) throw err
  }
  return relative(ROOT, DIR)
}
