/**
 * The SLA clock (DESIGN.md §3): warnings at 80 %, overdue at 100 %, automatic escalation up the grid tree (乡呼县应),
 * extensions and supervision — through the real handlers, with the scheduled sweep run in-process on a moved clock.
 */
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { sweep } from '../src/jobs/sweep'
import { addDays, chinaDate } from '@linli/shared'
import { api, cloud, eventually, expectError, login, newDispatcher, newOfficial, standin, uniqueOpenid, uploadPhoto } from './support/client'

jest.setTimeout(90_000)

const P = { lat: 30.5071, lng: 114.3149 } // 柳岸社区第二网格, 青石街道
const submit = (token: string, categoryId: string) =>
  api('POST', '/v1/cases', { token, body: { categoryId, description: '楼下管道一直在漏水', location: P } }).then((r) => r.body)
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })
const read = (token: string, id: string) => api('GET', `/v1/cases/${id}`, { token }).then((r) => r.body)
const grant = (token: string, times = 3) =>
  Promise.all(Array.from({ length: times }, () => api('POST', '/v1/subscriptions', { token, body: { templateKey: 'case_alert', result: 'accept' } })))
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000)

let deps: ReturnType<typeof buildDeps>
beforeAll(async () => {
  deps = buildDeps(await loadConfig(cloud().env))
})

/**
 * Sweeps as the scheduler would at `at` until `done` holds: the due index is shared with every earlier test's cases,
 * oldest first, so a few sweeps may go to those before this case's turn.
 */
async function sweepAt<T>(at: Date, done: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 20; i++) {
    await sweep({ ...deps, clock: () => at })
    const value = await done()
    if (value) return value
  }
  throw new Error(`not done after 20 sweeps at ${at.toISOString()}`)
}

async function dispatchedCase() {
  const [resident, dispatcher, official] = await Promise.all([login(uniqueOpenid('sla')), login('o-demo-dispatcher'), newOfficial()])
  const c = await submit(resident.token, 'cat-water-off')
  await fire(dispatcher.token, c.id, { type: 'accept' })
  const dispatched = (await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })).body
  return { resident, dispatcher, official, c: dispatched }
}

describe('the SLA clock', () => {
  it('warns the official at 80 % of the resolve time, then marks the case overdue and tells the official and the dispatcher; the case stays', async () => {
    const { dispatcher, official, c } = await dispatchedCase()
    await Promise.all([grant(official.token), grant(dispatcher.token)])
    // The stage's deadline was set when it started: 水电气热 has two days to resolve.
    expect(c.clock).toMatchObject({ stage: 'resolve', deadline: c.deadlines.resolveBy })
    expect(Date.parse(c.clock.deadline) - Date.parse(c.clock.startedAt)).toBe(2 * 24 * 3600_000)
    expect(c.timeline.at(-1)).toMatchObject({ type: 'dispatch', deadline: c.clock.deadline })

    const started = c.clock.startedAt
    const warned = await sweepAt(minutesAfter(started, 0.8 * 2880 + 1), async () =>
      (await read(official.token, c.id)).clock?.mark === 'warn' ? read(official.token, c.id) : undefined,
    )
    expect(warned).toMatchObject({ status: 'dispatched', mark: 'warn', overdue: false })
    expect(warned.timeline.at(-1)).toMatchObject({ type: 'warn', actorName: '系统', from: 'dispatched', to: 'dispatched', deadline: c.clock.deadline })
    const yellow = await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${official.openid}`)
      return messages.find((m: any) => m.template_id === 'tpl-case-alert' && m.data.character_string1.value === c.number)
    })
    expect(yellow.data.thing2.value).toContain('即将超时')

    const overdue = await sweepAt(minutesAfter(started, 2881), async () =>
      (await read(official.token, c.id)).clock?.mark === 'overdue' ? read(official.token, c.id) : undefined,
    )
    // A missed resolve deadline marks the case and tells people; it does not move it.
    expect(overdue).toMatchObject({ status: 'dispatched', levelNodeId: 's-qingshi', mark: 'overdue', overdue: true, assignees: [{ id: official.user.id }] })
    expect(overdue.timeline.at(-1)).toMatchObject({ type: 'overdue', deadline: c.clock.deadline })
    const notices = await eventually(async () => {
      const { body } = await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })
      const red = body.items.filter((n: { event: string }) => n.event === 'overdue')
      return red.length >= 2 ? red : undefined
    })
    expect(notices.map((n: { recipientName: string }) => n.recipientName)).toEqual(expect.arrayContaining([official.user.name, dispatcher.user.name]))
    // The official's work orders show the red mark.
    const assigned = await eventually(async () =>
      (await api('GET', '/v1/cases?view=assigned', { token: official.token })).body.items.find((i: any) => i.id === c.id && i.mark === 'overdue'),
    )
    expect(assigned.overdue).toBe(true)

    // 超时预警: the street's dispatchers find it among the level's marked cases, 红牌 before 黄牌; handled, it leaves.
    const warnedList = async () => {
      const all: { id: string; mark?: string }[] = []
      for (let cursor: string | undefined, pages = 0; pages < 50; pages++) {
        const { body } = await api('GET', `/v1/cases?view=warned&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: dispatcher.token })
        all.push(...body.items)
        cursor = body.nextCursor
        if (!cursor) break
      }
      return all
    }
    const listed = await warnedList()
    expect(listed.find((i) => i.id === c.id)).toMatchObject({ mark: 'overdue', status: 'dispatched' })
    const firstYellow = listed.findIndex((i) => i.mark !== 'overdue')
    expect(listed.slice(firstYellow < 0 ? listed.length : firstYellow).filter((i) => i.mark === 'overdue')).toEqual([])
    expect((await fire(official.token, c.id, { type: 'start' })).status).toBe(200)
    expect((await fire(official.token, c.id, { type: 'resolve', result: '已抢修，恢复供水' })).body.status).toBe('resolved')
    expect((await warnedList()).map((i) => i.id)).not.toContain(c.id)
  })

  it('escalates a case nobody accepted to the district dispatcher’s queue by itself (乡呼县应), where a missed dispatch deadline only marks it', async () => {
    const [resident, district] = await Promise.all([login(uniqueOpenid('sla-esc')), login('o-demo-district-dispatcher')])
    await grant(district.token)
    const c = await submit(resident.token, 'cat-garbage')
    expect(c.clock).toMatchObject({ stage: 'accept' })
    // 一般: four hours to accept. A sweep past it (none ran at 80 %) escalates at once.
    const escalated = await sweepAt(minutesAfter(c.clock.startedAt, 241), async () => {
      const seen = await read(district.token, c.id)
      return seen.levelNodeId === 'linjiang' ? seen : undefined
    })
    // It arrives red (it missed a deadline on its way), with a fresh dispatch clock of its own.
    expect(escalated).toMatchObject({ status: 'accepted', mark: 'overdue', overdue: true, clock: { stage: 'dispatch' } })
    expect(escalated.clock.mark).toBeUndefined()
    expect(escalated.allowedEvents).toContain('dispatch')
    const auto = escalated.timeline.at(-1)
    expect(auto).toMatchObject({ type: 'escalate', actorName: '系统', from: 'submitted', to: 'accepted', deadline: escalated.clock.deadline })
    expect(auto.note).toContain('系统自动上报')
    const queue = await api('GET', '/v1/cases?view=queue&scopeId=linjiang&limit=50', { token: district.token })
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.id)
    await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=o-demo-district-dispatcher`)
      return messages.find((m: any) => m.template_id === 'tpl-case-alert' && m.data.character_string1.value === c.number)
    })

    // At the top of the tree there is nowhere to go: the missed dispatch deadline is a red mark.
    const red = await sweepAt(minutesAfter(escalated.clock.startedAt, 24 * 60 + 1), async () => {
      const seen = await read(district.token, c.id)
      return seen.clock?.mark === 'overdue' ? seen : undefined
    })
    expect(red).toMatchObject({ status: 'accepted', levelNodeId: 'linjiang', mark: 'overdue' })
    // A manual escalation (吹哨) is still there, with its reason, and restarts the clock.
    const [street] = await Promise.all([login('o-demo-dispatcher')])
    const c2 = await submit(resident.token, 'cat-garbage')
    await fire(street.token, c2.id, { type: 'accept' })
    expect((await fire(street.token, c2.id, { type: 'escalate', reason: '涉及多个部门，需区级协调' })).status).toBe(200)
    const whistled = await read(district.token, c2.id)
    expect(whistled).toMatchObject({ levelNodeId: 'linjiang', clock: { stage: 'dispatch' } })
    expect(whistled.timeline.at(-1)).toMatchObject({
      type: 'escalate',
      actorName: street.user.name,
      note: '涉及多个部门，需区级协调',
      deadline: whistled.clock.deadline,
    })
  })

  it('lets the official ask for more time and the dispatcher decline or approve it; an approved extension moves the deadline', async () => {
    const { resident, dispatcher, official, c } = await dispatchedCase()
    const until = (minutes: number) => minutesAfter(c.clock.startedAt, minutes).toISOString()
    // 水电气热: five days at most from the start of the stage; never before the current deadline.
    expectError(await fire(official.token, c.id, { type: 'request_extension', reason: '需要更换主管道', until: until(6 * 1440) }), 400, 'request.invalid')
    const early = await fire(official.token, c.id, { type: 'request_extension', reason: '需要更换主管道', until: until(60) })
    expect(early.body.error.fields).toEqual([{ path: 'until', message: expect.stringMatching(/必须晚于/) }])
    expectError(await fire(dispatcher.token, c.id, { type: 'approve_extension' }), 409, 'case.invalidTransition')

    const asked = await fire(official.token, c.id, { type: 'request_extension', reason: '需要更换主管道', until: until(4 * 1440) })
    expect(asked.status).toBe(200)
    expect(asked.body.extension).toMatchObject({ until: until(4 * 1440), byName: official.user.name })
    expect(asked.body.allowedEvents).not.toContain('request_extension')
    expectError(await fire(official.token, c.id, { type: 'request_extension', reason: '再申请一次', until: until(4 * 1440) }), 409, 'case.invalidTransition')
    expect((await read(dispatcher.token, c.id)).allowedEvents).toEqual(expect.arrayContaining(['approve_extension', 'decline_extension']))
    // The reporter does not see what staff discuss about time.
    expect((await read(resident.token, c.id)).extension).toBeUndefined()
    const declined = (await fire(dispatcher.token, c.id, { type: 'decline_extension', reason: '请先临时恢复供水' })).body
    expect(declined).toMatchObject({ extensionCount: 0, clock: { deadline: c.clock.deadline } })
    expect(declined.extension).toBeUndefined()

    await fire(official.token, c.id, { type: 'request_extension', reason: '需要更换主管道', until: until(4 * 1440) })
    const approved = (await fire(dispatcher.token, c.id, { type: 'approve_extension' })).body
    expect(approved).toMatchObject({ extensionCount: 1, clock: { stage: 'resolve', deadline: until(4 * 1440) }, deadlines: { resolveBy: until(4 * 1440) } })
    expect(approved.clock.mark).toBeUndefined()
    expect(approved.timeline.at(-1)).toMatchObject({ type: 'approve_extension', deadline: until(4 * 1440) })
    // The old deadline passes without a mark: the clock now waits for the new one.
    await sweep({ ...deps, clock: () => minutesAfter(c.clock.startedAt, 2881) })
    expect((await read(official.token, c.id)).clock.mark).toBeUndefined()
  })

  it('lets the district dispatcher supervise (督办) an open case, tells its handlers, and nobody else may', async () => {
    const { dispatcher, official, resident, c } = await dispatchedCase()
    const district = await login('o-demo-district-dispatcher')
    expectError(await fire(dispatcher.token, c.id, { type: 'supervise', note: '请加快处置' }), 403, 'auth.forbidden')
    expectError(await fire(district.token, c.id, { type: 'supervise', note: '' }), 400, 'request.invalid')
    const supervised = (await fire(district.token, c.id, { type: 'supervise', note: '群众反映强烈，请今日内处置' })).body
    expect(supervised).toMatchObject({
      status: 'dispatched',
      supervised: true,
      supervision: { note: '群众反映强烈，请今日内处置', byName: district.user.name },
    })
    const notices = await eventually(async () => {
      const { body } = await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })
      const told = body.items.filter((n: { event: string }) => n.event === 'supervise')
      return told.length >= 2 ? told : undefined
    })
    expect(notices.map((n: { recipientName: string }) => n.recipientName)).toEqual(expect.arrayContaining([official.user.name, dispatcher.user.name]))
    const listed = await eventually(async () =>
      (await api('GET', '/v1/cases?view=assigned', { token: official.token })).body.items.find((i: any) => i.id === c.id && i.supervised),
    )
    expect(listed.supervised).toBe(true)

    await fire(official.token, c.id, { type: 'start' })
    await fire(official.token, c.id, { type: 'resolve', result: '已更换管道' })
    await fire(resident.token, c.id, { type: 'confirm', rating: 5 })
    const closed = await fire(district.token, c.id, { type: 'supervise', note: '请加快处置' })
    expectError(closed, 409, 'case.invalidTransition')
    expect(closed.body.error.fields[0].path).toBe('type')
  })
})

describe('joint handling (联办)', () => {
  it('gives each co-department its own task and place in 我的工单; the lead resolves only once every task is done', async () => {
    const [resident, dispatcher, lead, housing, power] = await Promise.all([
      login(uniqueOpenid('joint')),
      login('o-demo-dispatcher'),
      newOfficial(),
      newOfficial('dept-housing'),
      newOfficial('dept-power'),
    ])
    const c = await submit(resident.token, 'cat-water-off')
    await fire(dispatcher.token, c.id, { type: 'accept' })
    const dispatch = (over: Record<string, unknown>) =>
      fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [lead.user.id], ...over })
    // Bad input: repeated, the lead itself, more than four, unknown.
    for (const [coDepartmentIds, message] of [
      [['dept-housing', 'dept-housing'], '联办部门不能重复'],
      [['dept-water'], '联办部门不能是主办部门'],
      [['dept-housing', 'dept-power', 'dept-gas', 'dept-urban', 'dept-eco'], '最多 4 个联办部门'],
    ] as const) {
      const refused = await dispatch({ coDepartmentIds })
      expectError(refused, 400, 'request.invalid')
      expect(refused.body.error.fields).toEqual([{ path: 'coDepartmentIds', message }])
    }
    expectError(await dispatch({ coDepartmentIds: ['dept-nowhere'] }), 400, 'department.notFound')

    const dispatched = (await dispatch({ coDepartmentIds: ['dept-housing', 'dept-power'] })).body
    expect(dispatched.tasks).toEqual([
      expect.objectContaining({
        departmentId: 'dept-housing',
        departmentName: '区住建局',
        status: 'open',
        assignees: expect.arrayContaining([{ id: housing.user.id, name: housing.user.name }]),
      }),
      expect.objectContaining({ departmentId: 'dept-power', status: 'open' }),
    ])
    expect(dispatched.timeline.at(-1).note).toContain('联办：区住建局、临江供电所')
    // Each co-department's official hears of it and finds it among their work orders, with their own task to do.
    const told = await eventually(async () =>
      (await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })).body.items.find((n: any) => n.recipientName === housing.user.name),
    )
    expect(told).toMatchObject({ templateKey: 'case_dispatch', event: 'dispatch' })
    const mine = await eventually(async () =>
      (await api('GET', '/v1/cases?view=assigned', { token: housing.token })).body.items.find((i: any) => i.id === c.id),
    )
    expect(mine.status).toBe('dispatched')
    const seen = await read(housing.token, c.id)
    expect(seen.allowedEvents).toEqual(['start_task', 'finish_task'])
    expectError(await fire(housing.token, c.id, { type: 'start_task', departmentId: 'dept-power' }), 403, 'auth.forbidden')
    expectError(await fire(housing.token, c.id, { type: 'resolve', result: '已处理' }), 403, 'auth.forbidden')

    await fire(lead.token, c.id, { type: 'start' })
    const early = await fire(lead.token, c.id, { type: 'resolve', result: '已抢修管道' })
    expectError(early, 409, 'case.invalidTransition')
    expect(early.body.error.fields[0].message).toBe('联办部门尚未办结：区住建局、临江供电所')

    expect((await fire(housing.token, c.id, { type: 'start_task', departmentId: 'dept-housing' })).body.tasks[0].status).toBe('started')
    const photo = await uploadPhoto(housing.token, { purpose: 'result_photo' })
    const finished = (await fire(housing.token, c.id, { type: 'finish_task', departmentId: 'dept-housing', note: '已排查楼内管网', photoKeys: [photo] })).body
    expect(finished.tasks[0]).toMatchObject({ status: 'done', note: '已排查楼内管网', photos: [{ key: expect.stringMatching(/^photos\//) }] })
    expect(finished.allowedEvents).toEqual([])
    expectError(await fire(housing.token, c.id, { type: 'finish_task', departmentId: 'dept-housing', note: '再交一次' }), 409, 'case.invalidTransition')
    expectError(await fire(lead.token, c.id, { type: 'resolve', result: '已抢修管道' }), 409, 'case.invalidTransition')
    await fire(power.token, c.id, { type: 'finish_task', departmentId: 'dept-power', note: '已恢复泵站供电' })

    const resolved = (await fire(lead.token, c.id, { type: 'resolve', result: '已抢修管道，恢复供水' })).body
    expect(resolved.status).toBe('resolved')
    // The timeline shows each task; the reporter reads it too.
    const notes = (await read(resident.token, c.id)).timeline.map((t: { type: string; note?: string }) => `${t.type}:${t.note ?? ''}`)
    expect(notes).toEqual(
      expect.arrayContaining(['start_task:区住建局：开始办理', 'finish_task:区住建局：已排查楼内管网', 'finish_task:临江供电所：已恢复泵站供电']),
    )
  })

  it('takes the tasks back with the case when the lead returns it', async () => {
    const [resident, dispatcher, lead, housing] = await Promise.all([
      login(uniqueOpenid('joint-ret')),
      login('o-demo-dispatcher'),
      newOfficial(),
      newOfficial('dept-housing'),
    ])
    const c = await submit(resident.token, 'cat-water-off')
    await fire(dispatcher.token, c.id, { type: 'accept' })
    await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [lead.user.id], coDepartmentIds: ['dept-housing'] })
    await eventually(async () => (await api('GET', '/v1/cases?view=assigned', { token: housing.token })).body.items.find((i: any) => i.id === c.id))
    expect((await fire(lead.token, c.id, { type: 'return', reason: '不属于本部门职责' })).body.tasks).toEqual([])
    // Off the case, the co-department's official no longer sees it, nor keeps it in their list.
    await eventually(async () =>
      (await api('GET', '/v1/cases?view=assigned', { token: housing.token })).body.items.some((i: any) => i.id === c.id) ? undefined : true,
    )
    expectError(await api('GET', `/v1/cases/${c.id}`, { token: housing.token }), 404, 'case.notFound')
  })
})

describe('三率, kept from the stream', () => {
  const D3 = { lat: 30.5225, lng: 114.355 } // 稻香村第三网格, 白鹭镇: no other test reports there
  const moveClock = (body: { advanceMinutes: number } | { reset: true }) =>
    fetch(`${cloud().urls.api}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const rates = (token: string, level: string, nodeId: string) =>
    api('GET', `/v1/reports/rates?level=${level}&nodeId=${nodeId}&from=${addDays(chinaDate(new Date()), -1)}&to=${addDays(chinaDate(new Date()), 3)}`, {
      token,
    })

  it('counts a scripted day of cases per grid and street: received, in time, overdue, escalated, extended, reopened, ratings', async () => {
    const [resident, dispatcher, official, qingshi, admin] = await Promise.all([
      login(uniqueOpenid('rates')),
      newDispatcher('s-bailu'),
      newOfficial(),
      login('o-demo-dispatcher'),
      login('o-demo-admin'),
    ])
    const before = (await rates(dispatcher.token, 'grid', 'g-daoxiang-3')).body.total
    const report = async (categoryId = 'cat-water-off') =>
      (await api('POST', '/v1/cases', { token: resident.token, body: { categoryId, description: '稻香村三组停水两天了', location: D3 } })).body
    const handle = async (id: string) => {
      await fire(dispatcher.token, id, { type: 'accept' })
      await fire(dispatcher.token, id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })
      await fire(official.token, id, { type: 'start' })
    }
    // A: handled in time, rated 5.
    const a = await report()
    await handle(a.id)
    await fire(official.token, a.id, { type: 'resolve', result: '已恢复供水' })
    await fire(resident.token, a.id, { type: 'confirm', rating: 5 })
    // B: extended, resolved, reopened, resolved again, rated 2.
    const b = await report()
    await handle(b.id)
    const deadline = (await read(official.token, b.id)).clock.deadline
    await fire(official.token, b.id, { type: 'request_extension', reason: '需要更换主管道', until: minutesAfter(deadline, 1440).toISOString() })
    await fire(dispatcher.token, b.id, { type: 'approve_extension' })
    await fire(official.token, b.id, { type: 'resolve', result: '已更换主管道' })
    await fire(resident.token, b.id, { type: 'reopen', reason: '水压还是很低' })
    await fire(official.token, b.id, { type: 'start' })
    expect((await fire(official.token, b.id, { type: 'resolve', result: '已调整水压' })).status).toBe(200)
    await fire(resident.token, b.id, { type: 'confirm', rating: 2 })
    // C: nobody accepts it; the clock escalates it.
    const c = await report('cat-garbage')
    await sweepAt(minutesAfter(c.clock.startedAt, 241), async () => ((await read(resident.token, c.id)).status === 'accepted' ? true : undefined))
    // D: rejected at once.
    const d = await report()
    await fire(dispatcher.token, d.id, { type: 'reject', reason: '重复上报，已有同一事件' })
    // E: resolved two days and an hour after dispatch: late (水电气热 has two days).
    const e = await report()
    await handle(e.id)
    try {
      expect((await moveClock({ advanceMinutes: 2 * 1440 + 60 })).status).toBe(200)
      expect((await fire(official.token, e.id, { type: 'resolve', result: '已恢复供水' })).status).toBe(200)
    } finally {
      await moveClock({ reset: true })
    }

    const expected = {
      received: 5,
      accepted: 4,
      acceptedInTime: 4,
      dispatched: 3,
      dispatchedInTime: 3,
      resolved: 4,
      resolvedInTime: 3,
      overdue: 1,
      escalated: 1,
      extended: 1,
      reopened: 1,
      supervised: 0,
      rated: 2,
      ratingSum: 7,
      satisfied: 1,
    }
    const delta = (total: Record<string, number>) => Object.fromEntries(Object.keys(expected).map((k) => [k, total[k]! - before[k]]))
    const after = await eventually(async () => {
      const { body } = await rates(dispatcher.token, 'grid', 'g-daoxiang-3')
      return JSON.stringify(delta(body.total)) === JSON.stringify(expected) ? body : undefined
    }, 15_000).catch(async () => (await rates(dispatcher.token, 'grid', 'g-daoxiang-3')).body)
    expect(delta(after.total)).toEqual(expected)
    expect(after).toMatchObject({ level: 'grid', nodeId: 'g-daoxiang-3', name: '稻香村第三网格' })
    expect(after.days.length).toBeGreaterThanOrEqual(1)
    // From scratch (a fresh run): the rates themselves.
    if (before.received === 0)
      expect(after.total).toMatchObject({ acceptRate: 1, dispatchRate: 1, resolveRate: 0.75, satisfactionRate: 0.5, averageRating: 3.5 })

    // The street sums its grids; another street's dispatcher may not read it; the admin reads any level.
    const street = (await rates(dispatcher.token, 'street', 's-bailu')).body.total
    expect(street.received).toBeGreaterThanOrEqual(after.total.received)
    expectError(await rates(qingshi.token, 'grid', 'g-daoxiang-3'), 403, 'auth.forbidden')
    expect((await rates(admin.token, 'department', 'dept-water')).body.total.resolved).toBeGreaterThanOrEqual(4)
    expectError(await rates(admin.token, 'street', 'g-daoxiang-3'), 404, 'report.notFound')
    const wide = await api('GET', '/v1/reports/rates?level=grid&nodeId=g-daoxiang-3&from=2026-01-01&to=2026-12-31', { token: admin.token })
    expectError(wide, 400, 'request.invalid')
    expect(wide.body.error.fields[0]).toEqual({ path: 'to', message: '一次最多查询 92 天' })
  })
})
