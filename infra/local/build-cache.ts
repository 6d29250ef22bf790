/**
 * Reuse of mini-program builds: a build is stamped with a hash of everything it is made from (the app's sources and
 * config, the shared workspace, the lock file) and of the environment it was built with; a build whose stamp
 * matches is used as it is. `npm start` and `npm test` both ask here before running `taro build`.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '../..')
const SOURCES = [
  'miniapp/src',
  'miniapp/config',
  'miniapp/types',
  'miniapp/babel.config.js',
  'miniapp/package.json',
  'miniapp/project.config.json',
  'miniapp/tsconfig.json',
  'shared',
  'package-lock.json',
]
const SKIP = /(^|\/)(node_modules|dist|\.swc)(\/|$)|\.test\.ts$/

function files(path: string): string[] {
  const full = join(ROOT, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [path]
  return readdirSync(full).flatMap((name) => (SKIP.test(`${path}/${name}`) ? [] : files(`${path}/${name}`)))
}

const stampFile = (type: string) => join(ROOT, 'miniapp/dist', type, '.linli-build')

/** The stamp a `type` build made with `env` would carry now. */
export function buildStamp(type: 'weapp' | 'h5', env: Record<string, string | undefined>): string {
  const hash = createHash('sha256').update(type)
  // An empty setting is no setting (npm start passes TARO_APP_API_BASE='' for H5; npm test leaves it out).
  for (const [k, v] of Object.entries(env)
    .filter(([k, v]) => (k === 'NODE_ENV' || k.startsWith('TARO_APP_')) && v)
    .sort())
    hash.update(`${k}=${v}\n`)
  for (const file of SOURCES.flatMap(files).sort()) hash.update(relative(ROOT, join(ROOT, file))).update(readFileSync(join(ROOT, file)))
  return hash.digest('hex')
}

export const isBuilt = (type: 'weapp' | 'h5', stamp: string) => existsSync(stampFile(type)) && readFileSync(stampFile(type), 'utf8') === stamp
export const markBuilt = (type: 'weapp' | 'h5', stamp: string) => writeFileSync(stampFile(type), stamp)
