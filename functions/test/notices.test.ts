/**
 * The notifier against the WeChat stand-in with faults switched on: every notice ends sent, dead or no_consent,
 * with its reason; none is lost and none is sent twice. The stream notifier makes the first attempt; the test
 * drives the sweeper itself with a clock it moves forward.
 */
import { templateKeys } from '@linli/shared'
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { makeWechatClient } from '../src/adapters/wechat'
import { sweep } from '../src/jobs/sweep'
import { wechatSender } from '../src/notify/senders'
import { runSteps, type FanOut } from '../src/notify/outbox'
import { UNKNOWN_OUTCOME } from '../src/notify/deliver'
import type { NoticeRecord, OutboxEvent } from '../src/notify/ports'
import type { Deps } from '../src/services/deps'
import { api, cloud, eventually, login, repos, standin, uniqueOpenid, userIdOf } from './support/client'

jest.setTimeout(40_000)

let dispatcher: { token: string }
let baseDeps: Deps
beforeAll(async () => {
  dispatcher = await login('o-demo-dispatcher')
  baseDeps = buildDeps(await loadConfig(cloud().env))
})

/** A resident (with consent unless said) reports; the dispatcher accepts → one progress notice to the resident. */
async function acceptedCase(opts: { consent?: boolean; grants?: number; fault?: Record<string, unknown> } = {}) {
  const openid = uniqueOpenid('notice')
  const resident = await login(openid)
  for (let i = 0; i < (opts.consent === false ? 0 : (opts.grants ?? 1)); i++)
    await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey: 'case_accepted', result: 'accept' } })
  if (opts.fault) await standin('POST', '/dev/faults', { ...opts.fault, openid })
  const c = (
    await api('POST', '/v1/cases', {
      token: resident.token,
      body: { categoryId: 'cat-noise', description: '夜里施工噪音很大影响休息', location: { lat: 30.5051, lng: 114.3052 } },
    })
  ).body
  await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'accept' } })
  return { openid, id: c.id as string, number: c.number as string }
}

const notice = (id: string) =>
  api('GET', `/v1/cases/${id}/notices`, { token: dispatcher.token }).then((r) => {
    if (r.status !== 200) throw new Error(`notices of ${id}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body.items[0]
  })
const settled = (id: string, states: string[]) =>
  eventually(async () => {
    const n = await notice(id)
    return n && states.includes(n.state) ? n : undefined
  })
const messagesFor = async (openid: string, number: string) =>
  ((await standin('GET', `/dev/messages?touser=${openid}`)).messages as { data: { character_string1: { value: string } } }[]).filter(
    (m) => m.data.character_string1.value === number,
  )

/** Runs the sweeper as if `seconds` had passed. */
const sweepAfter = (seconds: number, deps: Partial<Deps> = {}) => sweep({ ...baseDeps, ...deps, clock: () => new Date(Date.now() + seconds * 1000) })

describe('notice delivery', () => {
  it('sends once with consent; the notice records it', async () => {
    const c = await acceptedCase()
    expect(await settled(c.id, ['sent'])).toMatchObject({ state: 'sent', attempts: 1, templateKey: 'case_accepted' })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(1)
  })

  it('refreshes a stale token on 40001 and sends exactly once', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', errcode: 40001 } })
    expect(await settled(c.id, ['sent'])).toMatchObject({ state: 'sent', attempts: 1 })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(1)
  })

  it('marks 43101 (user refused) dead without retrying, and forgets the grants left', async () => {
    const c = await acceptedCase({ grants: 3, fault: { api: 'subscribe_send', errcode: 43101 } })
    expect(await settled(c.id, ['dead'])).toMatchObject({ state: 'dead', lastErrcode: 43101, attempts: 1 })
    const resident = (await repos().users.getWithRoles(userIdOf(c.openid)))!.user
    await eventually(async () => ((await repos().consents.grants(resident.id, 'case_accepted')) === 0 ? true : undefined))
    await sweepAfter(3600)
    expect((await notice(c.id)).state).toBe('dead')
    expect(await messagesFor(c.openid, c.number)).toHaveLength(0)
  })

  it('does not send without consent, and says so', async () => {
    const c = await acceptedCase({ consent: false })
    expect(await settled(c.id, ['no_consent'])).toMatchObject({ state: 'no_consent' })
    expect(await messagesFor(c.openid, c.number)).toHaveLength(0)
  })

  it('retries 5xx with backoff; a send WeChat does not answer in time ends dead (it may have arrived), never sent twice', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', httpStatus: 500 } })
    expect(await settled(c.id, ['failed'])).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 500') })
    // Not due yet: the sweeper leaves it alone.
    await sweepAfter(0)
    expect((await notice(c.id)).attempts).toBe(1)
    // The second attempt gets no answer in time (a client with a short timeout; the stand-in answers late): WeChat
    // may have the message, so it is not sent again — at most once.
    await standin('POST', '/dev/faults', { api: 'subscribe_send', delayMs: 1500, openid: c.openid })
    const impatient = makeWechatClient({
      baseUrl: cloud().env.WECHAT_API_BASE!,
      appid: cloud().env.WECHAT_APPID!,
      secret: cloud().env.WECHAT_SECRET!,
      timeoutMs: 300,
    })
    await sweepAfter(10, { sender: wechatSender(impatient) })
    expect(await notice(c.id)).toMatchObject({ state: 'dead', attempts: 2, lastError: UNKNOWN_OUTCOME })
    await sweepAfter(3600)
    expect(await notice(c.id)).toMatchObject({ state: 'dead', attempts: 2 })
    // The late answer was a delivery after all: one message, not two.
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

describe('consent', () => {
  it('counts each “allow” as one grant, and a refusal as none', async () => {
    const user = await login(uniqueOpenid('consent'))
    const record = (result: string) => api('POST', '/v1/subscriptions', { token: user.token, body: { templateKey: 'case_dispatch', result } })
    expect((await record('accept')).body).toEqual({ templateKey: 'case_dispatch', grants: 1, longTerm: false })
    expect((await record('reject')).body).toEqual({ templateKey: 'case_dispatch', grants: 1, longTerm: false })
    expect((await record('accept')).body.grants).toBe(2)
    // What is left of every template, as staff see it on their workbench.
    const left = await api('GET', '/v1/subscriptions', { token: user.token })
    expect(left.status).toBe(200)
    expect(left.body.items).toHaveLength(templateKeys.length)
    expect(Object.fromEntries(left.body.items.map((i: { templateKey: string; grants: number }) => [i.templateKey, i.grants]))).toEqual({
      ...Object.fromEntries(templateKeys.map((k) => [k, 0])),
      case_dispatch: 2,
    })
  })
})

describe('quota answers', () => {
  it('retries 45009 (daily quota) later instead of giving up', async () => {
    const c = await acceptedCase({ fault: { api: 'subscribe_send', errcode: 45009 } })
    expect(await settled(c.id, ['failed'])).toMatchObject({ state: 'failed', attempts: 1, lastErrcode: 45009 })
    // Not before a quarter of an hour: a sweep a minute later leaves it alone, one an hour later sends it.
    await sweepAfter(60)
    expect((await notice(c.id)).attempts).toBe(1)
    await sweepAfter(3600)
    expect(await notice(c.id)).toMatchObject({ state: 'sent', attempts: 2 })
  })
})

describe('a crash after the claim', () => {
  /** A notice for `recipient` of a test subject, as the fan-out writes it: claimed, its lease a minute long. */
  const testNotice = (recipient: { user: { id: string; name: string } }, tag: string): NoticeRecord => {
    const subjectId = `${tag}${Date.now()}`
    const at = new Date().toISOString()
    return {
      districtId: 'linjiang',
      subject: { kind: 'test', id: subjectId },
      noticeId: `${at}#${tag}#${recipient.user.id}`,
      eventId: `${at}#${tag}`,
      event: 'accept',
      recipientId: recipient.user.id,
      recipientName: recipient.user.name,
      templateKey: 'case_accepted',
      fields: { number: subjectId, status: '已受理', note: '受理', time: '2026-12-01 10:00' },
      state: 'sending',
      attempts: 0,
      createdAt: at,
      dueAt: new Date(Date.now() + 60_000).toISOString(),
    }
  }

  it('creates 250 notices to one recipient in one go: one grant each, none twice (chunks of one grant item never share a transaction)', async () => {
    const recipient = await login(uniqueOpenid('busy-official'))
    for (let i = 0; i < 260; i++) await repos().consents.addGrant(recipient.user.id, 'case_accepted')
    const base = testNotice(recipient, 'many')
    const many = Array.from({ length: 250 }, (_, i) => ({ ...base, noticeId: `${base.noticeId}#${String(i).padStart(3, '0')}` }))
    const { claimed, noConsent } = await repos().outbox.createClaimed(many)
    expect([claimed.length, noConsent.length]).toEqual([250, 0])
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(10)
    // Again (a re-driven step): nothing new, no grant spent.
    expect((await repos().outbox.createClaimed(many)).claimed).toHaveLength(0)
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(10)
  })

  it('in the middle of a send (handed to WeChat, outcome unknown): never sent again, dead saying why, one grant spent', async () => {
    const openid = uniqueOpenid('crash-mid-send')
    const recipient = await login(openid)
    for (let i = 0; i < 2; i++) await api('POST', '/v1/subscriptions', { token: recipient.token, body: { templateKey: 'case_accepted', result: 'accept' } })
    const n = testNotice(recipient, 'midsend')
    expect((await repos().outbox.createClaimed([n])).claimed).toHaveLength(1)
    // The worker marks it handed, gives it to WeChat — and dies before recording what WeChat answered.
    await repos().outbox.save([{ ...n, state: 'handed' }])
    await sweepAfter(30)
    expect((await repos().outbox.notices('linjiang', n.subject, 10))[0]).toMatchObject({ state: 'handed' })
    await sweepAfter(61)
    expect((await repos().outbox.notices('linjiang', n.subject, 10))[0]).toMatchObject({ state: 'dead', lastError: UNKNOWN_OUTCOME })
    expect((await standin('GET', `/dev/messages?touser=${openid}`)).messages).toHaveLength(0)
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(1)
    await sweepAfter(3600)
    expect((await standin('GET', `/dev/messages?touser=${openid}`)).messages).toHaveLength(0)
  })

  it('never spends a second grant nor sends twice; the notice is re-driven when its lease ends', async () => {
    const openid = uniqueOpenid('crash')
    const recipient = await login(openid)
    const stranger = await login(uniqueOpenid('crash-nogrant'))
    for (let i = 0; i < 2; i++) await api('POST', '/v1/subscriptions', { token: recipient.token, body: { templateKey: 'case_accepted', result: 'accept' } })
    const subjectId = `crash${Date.now()}`
    const event: OutboxEvent = {
      districtId: 'linjiang',
      subject: { kind: 'test', id: subjectId },
      eventId: `${new Date().toISOString()}#crash`,
      type: 'accept',
      payload: {},
      createdAt: new Date().toISOString(),
    }
    const fields = { number: subjectId, status: '已受理', note: '受理', time: '2026-12-01 10:00' }
    const fanOut: FanOut = async () => ({
      notices: [recipient, stranger].map((r) => ({ recipient: { id: r.user.id, name: r.user.name }, templateKey: 'case_accepted' as const, fields })),
    })
    const records = (await fanOut(baseDeps, event, 50)).notices.map(
      (d): NoticeRecord => ({
        districtId: 'linjiang',
        subject: event.subject,
        noticeId: `${event.eventId}#${d.recipient.id}`,
        eventId: event.eventId,
        event: 'accept',
        recipientId: d.recipient.id,
        recipientName: d.recipient.name,
        templateKey: d.templateKey,
        fields: d.fields,
        state: 'sending',
        attempts: 0,
        createdAt: event.createdAt,
        dueAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    )
    // The worker claims (and spends the grant) — then dies before sending.
    const first = await repos().outbox.createClaimed(records)
    expect(first.claimed.map((n) => n.recipientId)).toEqual([recipient.user.id])
    expect(first.noConsent.map((n) => n.recipientId)).toEqual([stranger.user.id])
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(1)
    // The step runs again (the stream retried, or the sweeper): nothing new is claimed, no grant is spent.
    expect(await runSteps(baseDeps, [event], () => fanOut)).toEqual([])
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(1)
    expect((await standin('GET', `/dev/messages?touser=${openid}`)).messages).toHaveLength(0)
    // When the lease ends the sweeper sends it, once.
    await sweepAfter(61)
    const stored = await repos().outbox.notices('linjiang', event.subject, 10)
    expect(Object.fromEntries(stored.map((n) => [n.recipientId, n.state]))).toEqual({ [recipient.user.id]: 'sent', [stranger.user.id]: 'no_consent' })
    expect((await standin('GET', `/dev/messages?touser=${openid}`)).messages).toHaveLength(1)
    expect(await repos().consents.grants(recipient.user.id, 'case_accepted')).toBe(1)
  })
})
