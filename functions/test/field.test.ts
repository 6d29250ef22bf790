/**
 * Field work over HTTP: check-ins inside, outside and in another grid; offline check-ins sent late and in order;
 * patrols and their routes; who reads which check-ins.
 */
import { api, expectError, login, newGridLeader, newGridworker, uploadPhoto } from './support/client'

jest.setTimeout(60_000)

// 柳岸社区第二网格: 114.31–114.32 E, 30.500–30.515 N.
const INSIDE = { lat: 30.507, lng: 114.315, accuracy: 15 }
const M_PER_DEG_LAT = 111_195
const northOf = (meters: number) => ({ ...INSIDE, lat: 30.515 + meters / M_PER_DEG_LAT })
const IN_LIUAN_1 = { lat: 30.507, lng: 114.305, accuracy: 15 }
const suffix = Math.random().toString(36).slice(2, 8)
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

let worker: { token: string; user: { id: string } }
beforeAll(async () => {
  worker = await newGridworker('g-liuan-2')
})

const checkIn = (body: Record<string, unknown>, token = worker.token, headers?: Record<string, string>) =>
  api('POST', '/v1/checkins', { token, body: { kind: 'duty', note: '', ...body }, headers })

describe('check-ins', () => {
  it('records a check-in inside the grid with the server time, the photos and the grid', async () => {
    const photo = await uploadPhoto(worker.token)
    const res = await checkIn({ location: INSIDE, note: '小区东门值守', photoKeys: [photo] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      kind: 'duty',
      gridId: 'g-liuan-2',
      gridName: '柳岸社区第二网格',
      userId: worker.user.id,
      metersOutside: 0,
      note: '小区东门值守',
      late: false,
    })
    expect(Math.abs(Date.parse(res.body.at) - Date.now())).toBeLessThan(60_000)
    expect(res.body.photos).toHaveLength(1)
    expect(res.body.photos[0].key).toMatch(/^photos\//)
  })

  it('lets GPS error pass within 50 m, and refuses further out saying how far', async () => {
    const near = await checkIn({ location: northOf(30) })
    expect(near.status).toBe(201)
    expect(near.body.metersOutside).toBeGreaterThanOrEqual(28)
    const far = await checkIn({ location: northOf(500) })
    expectError(far, 422, 'checkin.outsideGrid')
    expect(far.body.error.fields[0]).toMatchObject({ path: 'location', message: expect.stringMatching(/柳岸社区第二网格外约 (49\d|50\d) 米/) })
  })

  it('refuses a point in another grid, and a fix too coarse to tell', async () => {
    const other = await checkIn({ location: IN_LIUAN_1 })
    expectError(other, 422, 'checkin.outsideGrid')
    expect(other.body.error.message).toMatch(/外约 \d+ 米/)
    expectError(await checkIn({ location: { ...INSIDE, accuracy: 350 } }), 422, 'checkin.badAccuracy')
  })

  it('takes offline check-ins sent later in order, each marked late with its capture time', async () => {
    const patrolId = `field-late-${suffix}`
    expect((await api('PUT', `/v1/patrols/${patrolId}`, { token: worker.token, body: { capturedAt: minutesAgo(50) } })).status).toBe(200)
    const taken = [40, 30, 20].map(minutesAgo)
    for (const [i, capturedAt] of taken.entries()) {
      const res = await checkIn({ kind: 'patrol', patrolId, location: { ...INSIDE, lat: INSIDE.lat + i * 0.001 }, note: `第${i + 1}个点`, capturedAt })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ late: true, capturedAt: new Date(capturedAt).toISOString(), patrolId })
    }
    const ended = await api('POST', `/v1/patrols/${patrolId}/end`, { token: worker.token, body: {} })
    expect(ended.status).toBe(200)
    expect(ended.body.endedAt).toBeDefined()
    const route = await api('GET', `/v1/patrols/${patrolId}`, { token: worker.token })
    expect(route.body.points.map((p: any) => p.note)).toEqual(['第1个点', '第2个点', '第3个点'])
    expect(route.body.boundary.type).toBe('Polygon')
    // An ended patrol takes no more points; its end is not moved by a repeat.
    expectError(await checkIn({ kind: 'patrol', patrolId, location: INSIDE }), 409, 'patrol.closed')
    expect((await api('POST', `/v1/patrols/${patrolId}/end`, { token: worker.token, body: {} })).body.endedAt).toBe(ended.body.endedAt)
  })

  it('refuses a capture time in the future or older than the queue may hold', async () => {
    const future = await checkIn({ location: INSIDE, capturedAt: new Date(Date.now() + 3_600_000).toISOString() })
    expectError(future, 400, 'checkin.badTime')
    expect(future.body.error.fields[0].path).toBe('capturedAt')
    expectError(await checkIn({ location: INSIDE, capturedAt: minutesAgo(73 * 60) }), 400, 'checkin.badTime')
  })

  it('answers a retried request with the first check-in, and refuses the key for another', async () => {
    const headers = { 'idempotency-key': `field-idem-${suffix}` }
    const first = await checkIn({ location: INSIDE, note: '重试测试' }, worker.token, headers)
    const again = await checkIn({ location: INSIDE, note: '重试测试' }, worker.token, headers)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    expectError(await checkIn({ location: INSIDE, note: '另一次' }, worker.token, headers), 422, 'idempotency.mismatch')
  })

  it('checks a patrol point against the patrol, and keeps patrols to their author', async () => {
    const patrolId = `field-own-${suffix}`
    await api('PUT', `/v1/patrols/${patrolId}`, { token: worker.token, body: {} })
    const other = await newGridworker('g-liuan-3')
    expectError(await checkIn({ kind: 'patrol', patrolId, location: INSIDE }, other.token), 404, 'patrol.notFound')
    expectError(await api('GET', `/v1/patrols/${patrolId}`, { token: other.token }), 404, 'patrol.notFound')
    expectError(await api('PUT', `/v1/patrols/${patrolId}`, { token: other.token, body: {} }), 409, 'patrol.idTaken')
    // A repeated start by its author answers the same patrol.
    expect((await api('PUT', `/v1/patrols/${patrolId}`, { token: worker.token, body: {} })).body.startedAt).toBeDefined()
    expectError(await checkIn({ kind: 'patrol', location: INSIDE }), 400, 'request.invalid')
  })
})

describe('who reads check-ins', () => {
  it("gives a gridworker their own, the grid's leader the grid's, and nobody else either", async () => {
    const mine = await api('GET', '/v1/checkins?limit=50', { token: worker.token })
    expect(mine.status).toBe(200)
    expect(mine.body.items.length).toBeGreaterThanOrEqual(5)
    expect(mine.body.items.every((c: any) => c.userId === worker.user.id)).toBe(true)
    const times = mine.body.items.map((c: any) => c.at)
    expect([...times].sort().reverse()).toEqual(times)

    // A community's leader reads its grids' check-ins, one author's if asked; a page at a time.
    const leader = await newGridLeader('c-liuan')
    const page1 = await api('GET', `/v1/checkins?gridId=g-liuan-2&userId=${worker.user.id}&limit=2`, { token: leader.token })
    expect(page1.body.items).toHaveLength(2)
    const page2 = await api('GET', `/v1/checkins?gridId=g-liuan-2&userId=${worker.user.id}&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, {
      token: leader.token,
    })
    expect(page2.body.items[0].at <= page1.body.items[1].at).toBe(true)
    expect(page2.body.items.map((c: any) => c.id)).not.toContain(page1.body.items[0].id)

    // The leader of another grid, a gridworker asking for the grid or for someone else, a resident: refused.
    const zhangli = await login('o-demo-gridleader')
    expectError(await api('GET', '/v1/checkins?gridId=g-liuan-2', { token: zhangli.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/checkins?gridId=g-liuan-2', { token: worker.token }), 403, 'auth.forbidden')
    expectError(await api('GET', `/v1/checkins?userId=${worker.user.id}`, { token: zhangli.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/checkins', { token: (await login('o-demo-resident')).token }), 403, 'auth.forbidden')
  })

  it("shows a patrol's route to the grid's leader", async () => {
    const patrolId = `field-leader-${suffix}`
    await api('PUT', `/v1/patrols/${patrolId}`, { token: worker.token, body: {} })
    await checkIn({ kind: 'patrol', patrolId, location: INSIDE, note: '巡查点', photoKeys: [await uploadPhoto(worker.token)] })
    const leader = await newGridLeader('g-liuan-2')
    const route = await api('GET', `/v1/patrols/${patrolId}`, { token: leader.token })
    expect(route.status).toBe(200)
    expect(route.body).toMatchObject({ userId: worker.user.id, gridId: 'g-liuan-2', pointCount: 1, points: [expect.objectContaining({ note: '巡查点' })] })
    expect((await fetch(route.body.points[0].photos[0].url)).status).toBe(200)
  })
})
