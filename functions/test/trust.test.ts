/**
 * What strangers learn (issue "Trust, second round"), replayed over HTTP: a follower of someone else's case is told
 * what the public view shows, never the words written for the case's own people.
 */
import { api, eventually, expectError, login, newGridworker, newOfficial, refusalOf, repos, standin, uniqueOpenid, userIdOf } from './support/client'
import { windowOf, type Limit } from '../src/services/identity/limits'
import { SUBMIT_LIMITS } from '../src/services/cases/submit'

jest.setTimeout(60_000)

const inLiuan1 = { lat: 30.5051, lng: 114.3052 }
const REASON = '3栋302室王阿姨1234私下反映'

it("a follower's message carries the event's label only; the reporter's carries the dispatcher's reason", async () => {
  const [aOpenid, bOpenid] = [uniqueOpenid('trust-reporter'), uniqueOpenid('trust-stranger')]
  const [reporter, stranger] = await Promise.all([login(aOpenid), login(bOpenid)])
  for (const who of [reporter, stranger])
    expect((await api('POST', '/v1/subscriptions', { token: who.token, body: { templateKey: 'case_accepted', result: 'accept' } })).status).toBe(200)
  const c = (
    await api('POST', '/v1/cases', {
      token: reporter.token,
      body: { categoryId: 'cat-ads', description: '楼道里贴满了小广告，一直没人清理', location: inLiuan1 },
    })
  ).body
  expect((await api('POST', `/v1/cases/${c.id}/follow`, { token: stranger.token })).status).toBeLessThan(300)
  const dispatcher = await login('o-demo-dispatcher')
  expect((await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'reject', reason: REASON } })).status).toBe(200)

  const messageTo = (openid: string) =>
    eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${openid}`)
      return messages.find((m: { template_id: string }) => m.template_id === 'tpl-case-accepted')
    })
  const [toReporter, toStranger] = await Promise.all([messageTo(aOpenid), messageTo(bOpenid)])
  expect(JSON.stringify(toReporter)).toContain('王阿姨')
  expect(JSON.stringify(toStranger)).not.toContain('王阿姨')
  expect(JSON.stringify(toStranger)).toContain('不予受理')
})

describe('nearby tells strangers no more than the snapped position', () => {
  // Two reports in one ~100 m cell of the public view (both snap to 30.506, 114.304), 40 m apart.
  const exact = [
    { lat: 30.50615, lng: 114.30418 },
    { lat: 30.50588, lng: 114.30386 },
  ]
  const around = Array.from({ length: 12 }, (_, i) => ({
    lat: 30.506 + 0.0015 * Math.sin((i * Math.PI) / 6) + 0.0001 * i,
    lng: 114.304 + 0.0015 * Math.cos((i * Math.PI) / 6) - 0.00007 * i,
  }))

  it('answers the same banded distances for both from every point, so trilateration cannot tell them apart', async () => {
    const [a, b, prober] = await Promise.all([login(uniqueOpenid('near-a')), login(uniqueOpenid('near-b')), login(uniqueOpenid('prober'))])
    const made = await Promise.all(
      [a, b].map(async (who, i) => {
        const res = await api('POST', '/v1/cases', {
          token: who.token,
          body: { categoryId: 'cat-ads', description: '电线杆上贴满了小广告', location: exact[i] },
        })
        expect(res.status).toBe(201)
        return res.body.id as string
      }),
    )
    for (const point of around) {
      const { body } = await api('GET', `/v1/cases/nearby?lat=${point.lat}&lng=${point.lng}&categoryId=cat-ads`, { token: prober.token })
      const seen = body.items.filter((i: { id: string }) => made.includes(i.id))
      const distances = seen.map((i: { distanceMeters: number }) => i.distanceMeters)
      // Both or neither (they share a position), at one distance, in 100 m steps.
      expect([0, 2]).toContain(seen.length)
      expect(new Set(distances).size).toBeLessThanOrEqual(1)
      for (const d of distances) expect(d % 100).toBe(0)
    }
  })

  it('limits lookups per person: the 61st in an hour answers 429 with the wait in words, another person is not held up', async () => {
    const [prober, other] = await Promise.all([login(uniqueOpenid('flood-near')), login(uniqueOpenid('calm-near'))])
    const look = (token: string) => api('GET', '/v1/cases/nearby?lat=30.506&lng=114.304&categoryId=cat-ads', { token })
    for (let i = 0; i < 60; i += 20) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => look(prober.token)))
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200))
    }
    const refused = await look(prober.token)
    expectError(refused, 429, 'rate.limited')
    expect(refusalOf(refused.body).message).toMatch(/^查看附近事件太频繁了（每小时最多 60 次），请 \d+ 分钟后再试$/)
    expect((await look(other.token)).status).toBe(200)
  })
})

describe('a resident cannot flood the queue or spend the officials’ message grants', () => {
  const fill = (openid: string, limit: Limit, max: number) =>
    Promise.all(
      Array.from({ length: max }, () =>
        repos().users.attempt(userIdOf(openid), limit.name, windowOf(new Date(), 'hour').key, 1_000, new Date(Date.now() + 7_200_000)),
      ),
    )
  const report = (token: string, categoryId: string) =>
    api('POST', '/v1/cases', { token, body: { categoryId, description: '这里有问题需要处理一下', location: inLiuan1 } })

  it('refuses the 11th report of an hour and the 4th emergency (燃气泄漏) in words, writing nothing', async () => {
    const openid = uniqueOpenid('flood-report')
    const resident = await login(openid)
    await fill(openid, SUBMIT_LIMITS.report, SUBMIT_LIMITS.report.hour!)
    const refused = await report(resident.token, 'cat-ads')
    expectError(refused, 429, 'rate.limited')
    expect(refusalOf(refused.body).message).toMatch(/^上报问题太频繁了（每小时最多 10 次），请 \d+ 分钟后再试$/)

    const urgent = uniqueOpenid('flood-gas')
    const other = await login(urgent)
    await fill(urgent, SUBMIT_LIMITS.urgent, SUBMIT_LIMITS.urgent.hour!)
    expect(refusalOf((await report(other.token, 'cat-gas-leak')).body).message).toMatch(/^上报紧急问题太频繁了（每小时最多 3 次）/)
    // An ordinary report is still theirs to make; nothing of the refused ones was written.
    expect((await report(other.token, 'cat-ads')).status).toBe(201)
    expect((await api('GET', '/v1/cases?view=mine', { token: other.token })).body.items).toHaveLength(1)
    expect((await api('GET', '/v1/cases?view=mine', { token: resident.token })).body.items).toHaveLength(0)
  })

  it('does not hold a gridworker up: staff report as their work', async () => {
    const worker = await newGridworker('g-liuan-1')
    await fill(worker.openid, SUBMIT_LIMITS.report, SUBMIT_LIMITS.report.hour!)
    expect((await report(worker.token, 'cat-ads')).status).toBe(201)
  })
})

it('a second report of an emergency in the same grid within the hour joins the first: a follower, the officials called once', async () => {
  // 东湖社区第二网格: no other test reports an emergency there.
  const inDonghu2 = { lat: 30.507, lng: 114.345 }
  const gas = (token: string, location = inDonghu2) =>
    api('POST', '/v1/cases', { token, body: { categoryId: 'cat-gas-leak', description: '楼道里煤气味很重', location } })
  const [first, second] = await Promise.all([login(uniqueOpenid('gas-first')), login(uniqueOpenid('gas-second')), newOfficial('dept-gas')])
  const made = await gas(first.token)
  expect(made.status).toBe(201)
  expect(made.body).toMatchObject({ status: 'dispatched', following: false })
  const joined = await gas(second.token, { lat: 30.5072, lng: 114.3447 })
  expect(joined.status).toBe(201)
  expect(joined.body).toMatchObject({ id: made.body.id, following: true, followerCount: 1 })
  // Nothing new was filed for the second resident (their list holds the case they follow, its public face), and the
  // case was dispatched once.
  expect((await api('GET', '/v1/cases?view=mine', { token: second.token })).body.items).toEqual([expect.objectContaining({ id: made.body.id, public: true })])
  const dispatcher = await login('o-demo-district-dispatcher')
  const seen = await api('GET', `/v1/cases/${made.body.id}`, { token: dispatcher.token })
  expect(seen.body.timeline.filter((t: { type: string }) => t.type === 'dispatch')).toHaveLength(1)
  // The first reporter reporting again sees their own case; another grid's emergency is a case of its own.
  expect((await gas(first.token)).body).toMatchObject({ id: made.body.id })
  const elsewhere = await gas(second.token, { lat: 30.507, lng: 114.335 })
  expect(elsewhere.body.id).not.toBe(made.body.id)
})
