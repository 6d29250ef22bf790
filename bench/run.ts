/**
 * `npm run bench`: performance figures, one JSON line each (not part of `npm test`). Ratios are measured in one run
 * on the same engine, so a busy machine slows both sides alike.
 *   - weapp main package size against WeChat's budget (build first: npm run build -w @linli/miniapp)
 *   - API latency of GET /v1/me against the bare DynamoDB Query it makes, through serverless-offline
 */
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { mkdtempSync } from 'node:fs'
import { startLocalCloud } from '../infra/local/cloud'
import { freePorts } from '../infra/local/ports'
import { makeRepos } from '../functions/src/db'
import { userIdFor } from '../functions/src/adapters/ids'

const ROOT = resolve(__dirname, '..')
const print = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure))

function dirBytes(dir: string, skip: (name: string) => boolean): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name)
    const s = statSync(path)
    return sum + (s.isDirectory() ? dirBytes(path, skip) : skip(name) ? 0 : s.size)
  }, 0)
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    await fn()
    out.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return out
}

async function main() {
  const weapp = join(ROOT, 'miniapp/dist/weapp')
  // WeChat counts what is uploaded; license banners are not code and can be dropped by the build.
  const kb = dirBytes(weapp, (name) => name.endsWith('.LICENSE.txt')) / 1024
  print({ metric: 'weapp_main_package_kb', value: Math.round(kb), budget: 600, within: kb <= 600 })

  const secrets = { wechatSecret: 'bench', sessionSecret: randomBytes(32).toString('hex'), idSalt: randomBytes(16).toString('hex') }
  const cloud = await startLocalCloud({ ports: await freePorts(), secrets, logDir: mkdtempSync(join(tmpdir(), 'linli-bench-')), serveH5: false })
  try {
    const code = cloud.standin.mintCode('o-demo-dispatcher')
    const login = await fetch(`${cloud.urls.api}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    const { token } = (await login.json()) as { token: string }
    const repos = makeRepos({ tableName: cloud.env.TABLE_NAME!, region: cloud.env.AWS_REGION!, endpoint: cloud.env.DYNAMODB_ENDPOINT })
    const userId = userIdFor('o-demo-dispatcher', secrets.idSalt)

    const n = 200
    const me = () => fetch(`${cloud.urls.api}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer())
    const bare = () => repos.users.getWithRoles(userId)
    await time(30, me)
    await time(30, bare)
    const api = await time(n, me)
    const db = await time(n, bare)
    const figure = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(2), p99: +percentile(xs, 99).toFixed(2) })
    print({ metric: 'get_me_ms', n, ...figure(api) })
    print({ metric: 'get_me_dynamodb_query_ms', n, ...figure(db) })
    const ratio = percentile(api, 50) / percentile(db, 50)
    print({ metric: 'get_me_vs_dynamodb_p50_ratio', value: +ratio.toFixed(2), budget: 1.5, within: ratio <= 1.5 })
  } finally {
    await cloud.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
