/**
 * What strangers learn (issue "Trust, second round"), replayed over HTTP: a follower of someone else's case is told
 * what the public view shows, never the words written for the case's own people.
 */
import { api, cloud, eventually, expectError, login, newGridworker, newOfficial, refusalOf, repos, standin, uniqueOpenid, userIdOf } from './support/client'
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { caseEvent, caseFanOut } from '../src/services/cases/outbox'
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

describe('taking a role back takes the work and the channels with it', () => {
  /** A fresh resident's 停水 report, accepted and dispatched by the street: its id and how to fire events on it. */
  async function dispatchedCase(description: string, dispatch: Record<string, unknown>) {
    const [dispatcher, resident] = await Promise.all([login('o-demo-dispatcher'), login(uniqueOpenid('revoke-reporter'))])
    const c = (await api('POST', '/v1/cases', { token: resident.token, body: { categoryId: 'cat-water-off', description, location: inLiuan1 } })).body
    const fire = (token: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${c.id}/events`, { token, body })
    expect((await fire(dispatcher.token, { type: 'accept' })).status).toBe(200)
    const dispatched = await fire(dispatcher.token, { type: 'dispatch', departmentId: 'dept-water', ...dispatch })
    expect(dispatched.status).toBe(200)
    return { id: c.id as string, fire, dispatcher, resident, dispatched: dispatched.body }
  }

  it('an official taken off a department leaves its cases: the last handler’s goes back to the queue, alerts stop reaching them', async () => {
    const [admin, dispatcher, chief, resident, colleague] = await Promise.all([
      login('o-demo-admin'),
      login('o-demo-dispatcher'),
      login('o-demo-district-dispatcher'),
      login(uniqueOpenid('revoke-reporter')),
      newOfficial('dept-water'),
    ])
    // O is an official of the water department and of housing; only the water role is taken back.
    const official = await newOfficial('dept-water')
    const housing = await api('POST', '/v1/invites', { token: admin.token, body: { role: 'official', scopeId: 'dept-housing' } })
    await api('POST', '/v1/invites/redeem', { token: official.token, body: { code: housing.body.code } })
    const o = await login(official.openid)
    for (const who of [o, colleague]) await api('POST', '/v1/subscriptions', { token: who.token, body: { templateKey: 'case_alert', result: 'accept' } })
    const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })
    const dispatched = async (officialIds: string[]) => {
      const c = (
        await api('POST', '/v1/cases', { token: resident.token, body: { categoryId: 'cat-water-off', description: '整栋楼停水半天了', location: inLiuan1 } })
      ).body
      expect((await fire(dispatcher.token, c.id, { type: 'accept' })).status).toBe(200)
      expect((await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds })).status).toBe(200)
      return c.id as string
    }
    const alone = await dispatched([official.user.id])
    const shared = await dispatched([official.user.id, colleague.user.id])
    const assigned = async () =>
      (await api('GET', '/v1/cases?view=assigned', { token: (await login(official.openid)).token })).body.items.map((i: { id: string }) => i.id)
    // Assignees' list entries are written from the stream.
    await eventually(async () => ((await assigned()).length === 2 ? true : undefined))

    expect((await api('DELETE', `/v1/users/${official.user.id}/roles/official/dept-water`, { token: admin.token })).body).toEqual({ revoked: true })
    const left = await eventually(async () => {
      const c = (await api('GET', `/v1/cases/${alone}`, { token: dispatcher.token })).body
      return c.status === 'accepted' ? c : undefined
    })
    // Back in the street's queue, to be dispatched again; the timeline says why.
    expect(left).toMatchObject({ assignees: [], allowedEvents: expect.arrayContaining(['dispatch']) })
    expect(left.timeline.at(-1)).toMatchObject({ type: 'unassign', note: expect.stringContaining('待重新派单') })
    const both = (await api('GET', `/v1/cases/${shared}`, { token: dispatcher.token })).body
    expect(both).toMatchObject({ status: 'dispatched', assignees: [{ id: colleague.user.id, name: expect.any(String) }] })
    await eventually(async () => ((await assigned()).length ? undefined : true))

    // A 督办 after the removal reaches the colleague, never the former official, and rewrites no entry of theirs.
    expect((await fire(chief.token, shared, { type: 'supervise', note: '请尽快恢复供水' })).status).toBe(200)
    await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${colleague.openid}`)
      return messages.some((m: { template_id: string; data: unknown }) => m.template_id === 'tpl-case-alert' && JSON.stringify(m.data).includes('督办'))
        ? true
        : undefined
    })
    const { messages } = await standin('GET', `/dev/messages?touser=${official.openid}`)
    expect(
      messages.filter((m: { template_id: string; data: unknown }) => m.template_id === 'tpl-case-alert' && JSON.stringify(m.data).includes('督办')),
    ).toEqual([])
    expect(await assigned()).toEqual([])
  })

  it('a co-department’s official leaves its task: it goes to the department’s officials as they are now, and with none left the case goes back', async () => {
    const [admin, lead] = await Promise.all([login('o-demo-admin'), newOfficial('dept-water')])
    // The ecology office has one official, O (nobody else in the tests holds it): the 联办 task is O's alone.
    const o = await newOfficial('dept-eco')
    const { id, dispatcher, dispatched } = await dispatchedCase('河道边的水管破了', { officialIds: [lead.user.id], coDepartmentIds: ['dept-eco'] })
    expect(dispatched.tasks[0].assignees.map((a: { id: string }) => a.id)).toEqual([o.user.id])
    const taskOf = async () => (await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body

    // A second official joins the office after the dispatch; O's role is taken back: the task is the newcomer's.
    const e = await newOfficial('dept-eco')
    expect((await api('DELETE', `/v1/users/${o.user.id}/roles/official/dept-eco`, { token: admin.token })).status).toBe(200)
    const handed = await eventually(async () => {
      const now = await taskOf()
      return now.tasks[0].assignees[0]?.id === e.user.id ? now : undefined
    })
    expect(handed).toMatchObject({
      status: 'dispatched',
      assignees: [{ id: lead.user.id }],
      tasks: [{ departmentId: 'dept-eco', assignees: [{ id: e.user.id }] }],
    })
    await eventually(async () => {
      const listed = (await api('GET', '/v1/cases?view=assigned', { token: (await login(e.openid)).token })).body.items
      return listed.some((i: { id: string }) => i.id === id) ? true : undefined
    })

    // Then the newcomer's too: the office has nobody left, so the case cannot be finished as dispatched — back to the queue.
    expect((await api('DELETE', `/v1/users/${e.user.id}/roles/official/dept-eco`, { token: admin.token })).status).toBe(200)
    const back = await eventually(async () => {
      const now = await taskOf()
      return now.status === 'accepted' ? now : undefined
    })
    expect(back).toMatchObject({ assignees: [], tasks: [], allowedEvents: expect.arrayContaining(['dispatch']) })
    expect(back.timeline.at(-1)).toMatchObject({ type: 'unassign', note: '处理人员调整，待重新派单' })
  })

  it('a resolved case waits for its reporter as it is; reopened with its official gone, it goes to the dispatchers', async () => {
    const [admin, o] = await Promise.all([login('o-demo-admin'), newOfficial('dept-water')])
    const { id, fire, dispatcher, resident } = await dispatchedCase('小区停水一整天了', { officialIds: [o.user.id] })
    expect((await fire(o.token, { type: 'start' })).status).toBe(200)
    expect((await fire(o.token, { type: 'resolve', result: '已更换阀门，恢复供水' })).body.status).toBe('resolved')

    expect((await api('DELETE', `/v1/users/${o.user.id}/roles/official/dept-water`, { token: admin.token })).status).toBe(200)
    const left = await eventually(async () => {
      const now = (await api('GET', `/v1/cases/${id}`, { token: resident.token })).body
      return now.timeline.at(-1).type === 'unassign' ? now : undefined
    })
    expect(left).toMatchObject({ status: 'resolved', assignees: [], allowedEvents: ['confirm', 'reopen'] })
    const reopened = await fire(resident.token, { type: 'reopen', reason: '又停水了，没有修好' })
    expect(reopened.body).toMatchObject({ status: 'accepted', assignees: [] })
    expect((await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body.allowedEvents).toContain('dispatch')
  })

  it('a message written before the role was taken back does not reach its former holder when it is sent after', async () => {
    const [admin, o, colleague] = await Promise.all([login('o-demo-admin'), newOfficial('dept-water'), newOfficial('dept-water')])
    const { id, dispatcher } = await dispatchedCase('水压太低，楼上没水', { officialIds: [o.user.id, colleague.user.id] })
    const districtId = o.user.districtId as string
    // The case as a 督办 found it, written before the revocation: both officials on it.
    const before = (await repos().cases.get(districtId, id))!.record
    expect((await api('DELETE', `/v1/users/${o.user.id}/roles/official/dept-water`, { token: admin.token })).status).toBe(200)
    await eventually(async () => ((await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body.assignees.length === 1 ? true : undefined))
    const assigned = async (userId: string) => (await repos().cases.list(districtId, { kind: 'assigned', userId }, undefined, 50)).items.map((i) => i.caseId)
    await eventually(async () => ((await assigned(o.user.id)).includes(id) ? undefined : true))

    // Its fan-out runs only now: the step reads the bindings and leaves the former official out, entry and message.
    const deps = buildDeps(await loadConfig(cloud().env))
    const step = await caseFanOut(
      deps,
      caseEvent(deps, before, { ...before, supervision: { note: '请加快', byName: '督办', at: before.updatedAt } }, 'supervise', ['assignees']),
      50,
    )
    expect(step.notices.map((n) => n.recipient.id)).toEqual([colleague.user.id])
    await step.ready?.()
    expect(await assigned(o.user.id)).not.toContain(id)
    expect(await assigned(colleague.user.id)).toContain(id)
  })

  it('a gridworker taken off one grid (another kept): their open patrol there ends at once, the other goes on', async () => {
    const admin = await login('o-demo-admin')
    const worker = await newGridworker('g-guixiang-1')
    const second = await api('POST', '/v1/invites', { token: admin.token, body: { role: 'gridworker', scopeId: 'g-guixiang-2' } })
    await api('POST', '/v1/invites/redeem', { token: worker.token, body: { code: second.body.code } })
    const w = await login(worker.openid)
    const patrolId = `revoked-${Math.random().toString(36).slice(2, 10)}`
    expect((await api('PUT', `/v1/patrols/${patrolId}`, { token: w.token, body: { gridId: 'g-guixiang-1' } })).status).toBe(200)
    expect((await api('PUT', `/v1/patrols/${patrolId}-kept`, { token: w.token, body: { gridId: 'g-guixiang-2' } })).status).toBe(200)
    const inGuixiang1 = { lat: 30.52, lng: 114.305, accuracy: 20 }
    expect((await api('POST', '/v1/checkins', { token: w.token, body: { kind: 'patrol', patrolId, location: inGuixiang1 } })).status).toBe(201)

    expect((await api('DELETE', `/v1/users/${worker.user.id}/roles/gridworker/g-guixiang-1`, { token: admin.token })).status).toBe(200)
    const again = await login(worker.openid)
    // Ended by the revocation's own step, before anyone checks in again.
    const ended = await eventually(async () => {
      const p = (await api('GET', `/v1/patrols/${patrolId}`, { token: again.token })).body
      return p.endedAt ? p : undefined
    })
    expect(ended.pointCount).toBe(1)
    expect((await api('GET', `/v1/patrols/${patrolId}-kept`, { token: again.token })).body.endedAt).toBeUndefined()
    const refused = await api('POST', '/v1/checkins', { token: again.token, body: { kind: 'patrol', patrolId, location: inGuixiang1 } })
    expectError(refused, 409, 'patrol.closed')
    // The grid kept is still theirs to patrol.
    expect((await api('PUT', `/v1/patrols/${patrolId}-2`, { token: again.token, body: { gridId: 'g-guixiang-2' } })).status).toBe(200)
  })
})
