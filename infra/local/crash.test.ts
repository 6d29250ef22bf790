/**
 * A crash while notices are being sent (issue 8): the API process — serverless-offline with its stream-triggered
 * notifier and its sweeper — is killed (SIGKILL) while WeChat is still answering, then started again and swept. Every
 * notice ends sent or dead, none reaches WeChat twice, and no consent grant is spent twice. Its own local cloud, on
 * free ports, with DynamoDB in memory.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeRepos } from '@linli/functions/src/families'
import type { NoticeRecord } from '@linli/functions/src/notify/ports'
import { invokeLambda, startLocalCloud, type LocalCloud } from './cloud'
import { freePorts } from './ports'

jest.setTimeout(180_000)

const FOLLOWERS = 8
const P = { lat: 30.5051, lng: 114.3052 } // 柳岸社区第一网格
let cloud: LocalCloud
let logDir: string

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'linli-crash-'))
  const secrets = { wechatSecret: randomBytes(16).toString('hex'), sessionSecret: randomBytes(32).toString('hex'), idSalt: randomBytes(16).toString('hex') }
  cloud = await startLocalCloud({ ports: await freePorts(), secrets, logDir, build: false, serveH5: false, prebuiltApi: true })
})
afterAll(async () => {
  await cloud?.stop()
  rmSync(logDir, { recursive: true, force: true })
})

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(cloud.urls.api + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = (await res.json().catch(() => undefined)) as any
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}
const login = async (openid: string) =>
  (await call('POST', '/v1/auth/login', undefined, { code: cloud.standin.mintCode(openid) })) as { token: string; user: { id: string } }

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`${what}: not in time`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

it('kills the API while WeChat is answering: every notice ends sent or dead, none is sent twice, no grant is spent twice', async () => {
  const repos = makeRepos({ tableName: cloud.env.TABLE_NAME!, region: cloud.env.AWS_REGION!, endpoint: cloud.env.DYNAMODB_ENDPOINT })
  const openids = Array.from({ length: FOLLOWERS }, (_, i) => `o-crash-${i}-${randomBytes(3).toString('hex')}`)
  const [reporter, dispatcher, ...followers] = await Promise.all([login('o-crash-reporter'), login('o-demo-dispatcher'), ...openids.map(login)])
  const c = await call('POST', '/v1/cases', reporter!.token, { categoryId: 'cat-garbage', description: '小区门口垃圾桶满了好几天', location: P })
  for (const f of followers) {
    // Two grants each: a second message would spend the second.
    for (let i = 0; i < 2; i++) await call('POST', '/v1/subscriptions', f.token, { templateKey: 'case_accepted', result: 'accept' })
    await call('POST', `/v1/cases/${c.id}/follow`, f.token)
  }
  // WeChat takes two seconds over each of these messages: the crash comes while they are in flight.
  for (const openid of openids) cloud.standin.faults.add({ api: 'subscribe_send', delayMs: 2000, openid })
  await call('POST', `/v1/cases/${c.id}/events`, dispatcher!.token, { type: 'accept' })

  const subject = { kind: 'case', id: c.id }
  const notices = () => repos.outbox.notices('linjiang', subject, 50)
  const ofFollowers = (ns: NoticeRecord[]) => ns.filter((n) => followers.some((f) => f.user.id === n.recipientId))
  await until('notices handed to WeChat', async () => ((await notices()).some((n) => n.state === 'handed') ? true : undefined))
  await cloud.crashApi()

  // Back up: the clock moves past the lease and the sweeper runs until every notice has ended.
  await call('POST', '/local/clock', undefined, { advanceMinutes: 5 })
  const final = await until('every notice ended', async () => {
    await invokeLambda(cloud.ports.lambda, 'sweeper')
    const ns = ofFollowers(await notices())
    return ns.length === FOLLOWERS && ns.every((n) => n.state === 'sent' || n.state === 'dead') ? ns : undefined
  })
  const atWechat = openids.map((openid) => cloud.standin.messages.filter((m) => m.touser === openid).length)
  expect(atWechat.every((n) => n <= 1)).toBe(true)
  // What WeChat got, we either recorded as sent or could not know (dead, outcome unknown); nothing else was lost.
  for (const n of final) expect(n.state === 'sent' || /结果未知/.test(n.lastError ?? '')).toBe(true)
  expect(final.some((n) => n.state === 'dead')).toBe(true)
  for (const f of followers) expect(await repos.consents.grants(f.user.id, 'case_accepted')).toBe(1)
})
