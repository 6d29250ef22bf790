/**
 * The notifier against the WeChat stand-in with faults switched on: every notice ends sent, dead or no_consent,
 * with its reason; none is lost and none is sent twice. The stream notifier makes the first attempt; the test
 * drives the sweeper itself with a clock it moves forward.
 */
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { makeWechatClient } from '../src/adapters/wechat'
import { deliver, sweepNotices } from '../src/services/notices'
import type { NoticeRecord } from '../src/model'
import type { Deps } from '../src/services/deps'
import { api, cloud, eventually, login, repos, standin, uniqueOpenid } from './support/client'

jest.setTimeout(40_000)

let dispatcher: { token: string }
let baseDeps: Deps
beforeAll(async () => {
  dispatcher = await login('o-demo-dispatcher')
  baseDeps = buildDeps(await loadConfig(cloud().env))
})

/** A resident (with consent unless said) reports; the dispatcher accepts → one progress notice to the resident. */
async function acceptedCase(opts: { consent?: boolean; fault?: Record<string, unknown> } = {}) {
  const openid = uniqueOpenid('notice')
  const resident = await login(openid)
  if (opts.consent ?? true) await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey: 'case_progress', result: 'accept' } })
  if (opts.fault) await standin('POST', '/dev/faults', { ...opts.fault, openid })
  const c = (await api('POST', '/v1/cases', { token: resident.token, body: { categoryId: 'cat-noise', description: '夜里施工噪音很大影响休息', location: { lat: 30.5051, lng: 114.3052 } } })).body
  await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'accept' } })
  return { openid, id: c.id as string, number: c.number as string }
}

const notice = (id: string) =>
  api('GET', `/v1/cases/${id}/notices`, { token: dispatcher.token }).then((r) => {
    if (r.status !== 200) throw new Error(`notices of ${id}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body.items[0]
  })
const settled = (id: string, states: string[]) => eventually(async () => {
  const n = await notice(id)
  return n && states.includes(n.state) ? n : undefined
})
const messagesFor = async (openid: string, number: string) =>
  ((await standin('GET', `/dev/messages?touser=${openid}`)).messages as { data: { character_string1: { value: string } } }[]).filter((m) => m.data.character_string1.value === number)

/** Runs the sweeper as if `seconds` had passed. */
const sweepAfter = (seconds: number, deps: Partial<Deps> = {}) => sweepNotices({ ...baseDeps, ...deps, clock: () => new Date(Date.now() + seconds * 1000) })

describe('notice delivery', () => {
  it('sends once with consent; the notice records it', async () => {
    const c = await acceptedCase()
    expect(await settled(c.id, ['sent'])).toMatchObject({ state: 'sent', attempts: 1, templateKey: 'case_progress' })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(1)
  })

  it('refreshes a stale token on 40001 and sends exactly once', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', errcode: 40001 } })
    expect(await settled(c.id, ['sent'])).toMatchObject({ state: 'sent', attempts: 1 })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(1)
  })

  it('marks 43101 (user refused) dead without retrying', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', errcode: 43101 } })
    expect(await settled(c.id, ['dead'])).toMatchObject({ state: 'dead', lastErrcode: 43101, attempts: 1 })
    await sweepAfter(3600)
    expect((await notice(c.id)).state).toBe('dead')
    expect(await messagesFor(c.openid, c.number)).toHaveLength(0)
  })

  it('does not send without consent, and says so', async () => {
    const c = await acceptedCase({ consent: false })
    expect(await settled(c.id, ['no_consent'])).toMatchObject({ state: 'no_consent' })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(0)
  })

  it('retries 5xx and timeouts with backoff, then sends once', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', httpStatus: 500 } })
    expect(await settled(c.id, ['failed'])).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 500') })
    // Not due yet: the sweeper leaves it alone.
    await sweepAfter(0)
    expect((await notice(c.id)).attempts).toBe(1)
    // Second attempt times out (a client with a short timeout; the stand-in answers late).
    // A call that hangs and is never processed (a late 504): the client gives up first.
    await standin('POST', '/dev/faults', { api: 'subscribe_send', delayMs: 1500, httpStatus: 504, openid: c.openid })
    const impatient = makeWechatClient({ baseUrl: cloud().env.WECHAT_API_BASE!, appid: cloud().env.WECHAT_APPID!, secret: cloud().env.WECHAT_SECRET!, timeoutMs: 300 })
    await sweepAfter(10, { wechat: { ...baseDeps.wechat, sendSubscribe: impatient.sendSubscribe } })
    expect(await notice(c.id)).toMatchObject({ state: 'failed', attempts: 2, lastError: expect.stringContaining('超时') })
    await sweepAfter(60)
    expect(await notice(c.id)).toMatchObject({ state: 'sent', attempts: 3 })
    await new Promise((r) => setTimeout(r, 1600))
    expect(await messagesFor(c.openid, c.number)).toHaveLength(1)
  })

  it('gives up after 5 attempts and marks the notice dead', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', httpStatus: 502, times: 10 } })
    await settled(c.id, ['failed'])
    for (let i = 1; i <= 5; i++) await sweepAfter(60 * 2 ** i)
    expect(await notice(c.id)).toMatchObject({ state: 'dead', attempts: 5 })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(0)
  })
})

describe('delivering a batch', () => {
  it('claims what no one else holds, spends the consents there are, oldest first, and records every outcome', async () => {
    const openid = uniqueOpenid('batch')
    const recipient = await login(openid)
    for (let i = 0; i < 2; i++) await api('POST', '/v1/subscriptions', { token: recipient.token, body: { templateKey: 'case_progress', result: 'accept' } })
    const caseId = `batch${Date.now()}`
    const later = new Date(Date.now() + 3600_000).toISOString() // not yet due: the stream notifier leaves them alone
    const notice = (i: number): NoticeRecord => ({
      caseId, noticeId: `${later}#${i}`, districtId: 'd-linjiang', recipientId: recipient.user.id, recipientName: recipient.user.name,
      templateKey: 'case_progress', event: 'accept', page: `packages/case/detail/index?id=${caseId}`,
      data: { character_string1: { value: `${caseId}-${i}` }, phrase2: { value: '已受理' }, thing3: { value: '受理' }, time4: { value: '2026-11-23 10:00' } },
      state: 'pending', attempts: 0, createdAt: later, dueAt: later,
    })
    const batch = [0, 1, 2, 3].map(notice)
    // Another worker already holds notice 3: our copy of it is stale.
    await repos().cases.saveNotices([...batch.slice(0, 3), { ...batch[3]!, state: 'sending', dueAt: later }])

    const outcomes = await deliver({ ...baseDeps, clock: () => new Date(Date.now() + 2 * 3600_000) }, batch)
    expect(Object.fromEntries(outcomes.map((n) => [n.noticeId.split('#')[1], n.state]))).toEqual({ 0: 'sent', 1: 'sent', 2: 'no_consent' })
    const stored = await Promise.all(batch.map((n) => repos().cases.notice(caseId, n.noticeId)))
    expect(stored.map((n) => n!.state)).toEqual(['sent', 'sent', 'no_consent', 'sending'])
    expect(await repos().cases.grants(recipient.user.id, 'case_progress')).toBe(0)
    const messages = (await standin('GET', `/dev/messages?touser=${openid}`)).messages as { data: { character_string1: { value: string } } }[]
    expect(messages.map((m) => m.data.character_string1.value).sort()).toEqual([`${caseId}-0`, `${caseId}-1`])
  })
})
