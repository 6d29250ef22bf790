import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { sweep } from '../src/jobs/sweep'
import { api, cloud, eventually, expectError, login, uniqueOpenid, newOfficial, repos } from './support/client'

jest.setTimeout(40_000)

const P = { lat: 30.5071, lng: 114.3149 } // 柳岸社区第二网格
const north = (p: typeof P, metres: number) => ({ lat: p.lat + metres / 111_320, lng: p.lng })
const submit = (token: string, over: Record<string, unknown> = {}) =>
  api('POST', '/v1/cases', { token, body: { categoryId: 'cat-garbage', description: '垃圾桶满了好几天没人清运', location: P, ...over } }).then((r) => r.body)
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })

describe('lists', () => {
  it('pages through mine with an opaque cursor, newest first, no item twice', async () => {
    const me = await login(uniqueOpenid('pager'))
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await submit(me.token)).id)
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await api('GET', `/v1/cases?view=mine&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: me.token })
      expect(page.status).toBe(200)
      expect(page.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.items.map((i: { id: string }) => i.id))
      cursor = page.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual([...ids].reverse())
    expect(pages).toBeGreaterThanOrEqual(3)
  })

  it('refuses tampered cursors and cursors of someone else’s list', async () => {
    const a = await login(uniqueOpenid('ca'))
    const b = await login(uniqueOpenid('cb'))
    await submit(a.token)
    await submit(a.token)
    const cursor = (await api('GET', '/v1/cases?view=mine&limit=1', { token: a.token })).body.nextCursor as string
    expect(cursor).toBeTruthy()
    expectError(await api('GET', `/v1/cases?view=mine&cursor=${encodeURIComponent(cursor)}`, { token: b.token }), 400, 'cursor.invalid')
    expectError(await api('GET', `/v1/cases?view=mine&cursor=${encodeURIComponent('x' + cursor)}`, { token: a.token }), 400, 'cursor.invalid')
    expectError(await api('GET', '/v1/cases?view=everything', { token: a.token }), 400, 'request.invalid')
  })

  it('gives each role its own lists and nobody else’s', async () => {
    const resident = await login(uniqueOpenid('views'))
    const c = await submit(resident.token)
    const [dispatcher, official, gridworker, leader] = await Promise.all(
      ['o-demo-dispatcher', 'o-demo-official', 'o-demo-gridworker', 'o-demo-gridleader'].map(login),
    )
    const ids = async (token: string, q: string) => (await api('GET', `/v1/cases?${q}&limit=50`, { token })).body.items.map((i: { id: string }) => i.id)

    expect(await ids(resident.token, 'view=mine&status=submitted')).toContain(c.id)
    expect(await ids(resident.token, 'view=mine&status=closed')).not.toContain(c.id)
    expect(await ids(dispatcher!.token, 'view=queue')).toContain(c.id)
    expectError(await api('GET', '/v1/cases?view=queue', { token: resident.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/cases?view=queue', { token: official!.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/cases?view=queue&scopeId=s-bailu', { token: dispatcher!.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/cases?view=assigned', { token: resident.token }), 403, 'auth.forbidden')
    expectError(await api('GET', '/v1/cases?view=grid', { token: resident.token }), 403, 'auth.forbidden')
    // 李建国 and 张丽 serve 柳岸社区第一网格; this case is in the second grid.
    expect(await ids(gridworker!.token, 'view=grid')).not.toContain(c.id)
    expect(await ids(leader!.token, 'view=grid')).not.toContain(c.id)
    const inFirstGrid = await submit(resident.token, { location: { lat: 30.5051, lng: 114.3052 } })
    expect(await ids(gridworker!.token, 'view=grid')).toContain(inFirstGrid.id)
    expect((await api('GET', `/v1/cases/${inFirstGrid.id}`, { token: gridworker!.token })).status).toBe(200)
    expectError(await api('GET', `/v1/cases/${c.id}`, { token: gridworker!.token }), 404, 'case.notFound')
  })
})

describe('nearby and “me too”', () => {
  it('finds open cases of the category within 300 m; a neighbour follows instead of filing again', async () => {
    const first = await login(uniqueOpenid('first'))
    const c = await submit(first.token, { location: P })
    const neighbour = await login(uniqueOpenid('neighbour'))
    const near = async (point: typeof P, categoryId = 'cat-garbage') =>
      (await api('GET', `/v1/cases/nearby?lat=${point.lat}&lng=${point.lng}&categoryId=${categoryId}`, { token: neighbour.token })).body.items
    const found = (await near(north(P, 100))).find((i: { id: string }) => i.id === c.id)
    // Measured to the case's public (~100 m snapped) position and told in 100 m steps.
    expect([100, 200]).toContain(found.distanceMeters)
    expect(found).toMatchObject({ public: true, followerCount: 0 })
    expect(found).not.toHaveProperty('description')
    expect(found).not.toHaveProperty('address')
    expect((await near(north(P, 100), 'cat-noise')).map((i: { id: string }) => i.id)).not.toContain(c.id)
    expect((await near(north(P, 1000))).map((i: { id: string }) => i.id)).not.toContain(c.id)

    const followed = await api('POST', `/v1/cases/${c.id}/follow`, { token: neighbour.token })
    expect(followed.status).toBe(200)
    expect(followed.body).toMatchObject({ following: true, allowedEvents: ['report'] })
    expect((await api('GET', '/v1/cases?view=mine', { token: neighbour.token })).body.items.map((i: { id: string }) => i.id)).toContain(c.id)
    expectError(await api('POST', `/v1/cases/${c.id}/follow`, { token: neighbour.token }), 409, 'case.alreadyFollowing')
    expectError(await api('POST', `/v1/cases/${c.id}/follow`, { token: first.token }), 409, 'case.alreadyFollowing')

    const dispatcher = await login('o-demo-dispatcher')
    await api('POST', '/v1/subscriptions', { token: neighbour.token, body: { templateKey: 'case_accepted', result: 'accept' } })
    await fire(dispatcher.token, c.id, { type: 'accept' })
    // Followers hear of it through the fan-out from the stream, after the transition committed.
    const notices = await eventually(async () => {
      const items = (await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })).body.items
      return items.length >= 2 ? items : undefined
    })
    expect(notices.map((n: { recipientName: string }) => n.recipientName)).toEqual(expect.arrayContaining([neighbour.user.name, first.user.name]))
    // The follower's own list shows the new status once the fan-out has run.
    await eventually(async () => {
      const mine = (await api('GET', '/v1/cases?view=mine', { token: neighbour.token })).body.items
      return mine.find((i: { id: string; status: string }) => i.id === c.id && i.status === 'accepted')
    })
  })

  it('a case that closes leaves the nearby list', async () => {
    const resident = await login(uniqueOpenid('closing'))
    const c = await submit(resident.token, { location: P })
    const nearbyIds = async () =>
      (await api('GET', `/v1/cases/nearby?lat=${P.lat}&lng=${P.lng}&categoryId=cat-garbage`, { token: resident.token })).body.items.map(
        (i: { id: string }) => i.id,
      )
    const { cell } = (await repos().cases.get('linjiang', c.id))!.record
    const onIndex = async () => (await repos().cases.near('linjiang', cell!, 'cat-garbage', 100)).items.map((i) => i.caseId)
    expect(await nearbyIds()).toContain(c.id)
    expect(await onIndex()).toContain(c.id)
    expect((await fire(resident.token, c.id, { type: 'withdraw', reason: '已经自行解决了' })).status).toBe(200)
    expect(await nearbyIds()).not.toContain(c.id)
    // The index is sparse: the closed case is no longer on it at all.
    expect(await onIndex()).not.toContain(c.id)
  })
})

describe('auto-confirm after 72 hours', () => {
  it('closes resolved cases nobody rated, and only those old enough', async () => {
    const resident = await login(uniqueOpenid('auto'))
    const [dispatcher, official] = await Promise.all([login('o-demo-dispatcher'), newOfficial()])
    const c = await submit(resident.token, { categoryId: 'cat-water-off' })
    await fire(dispatcher.token, c.id, { type: 'accept' })
    await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })
    await fire(official.token, c.id, { type: 'start' })
    await fire(official.token, c.id, { type: 'resolve', result: '已恢复供水' })

    const deps = buildDeps(await loadConfig(cloud().env))
    const at = (hours: number) => ({ ...deps, clock: () => new Date(Date.now() + hours * 3600_000) })
    // The resolved case sits on the due index at resolve + 72 h: a sweep before then leaves it alone.
    expect((await repos().cases.get('linjiang', c.id))!.record.dueAt).toBeDefined()
    await sweep(at(71))
    expect((await api('GET', `/v1/cases/${c.id}`, { token: resident.token })).body.status).toBe('resolved')
    await sweep(at(73))
    const closed = (await api('GET', `/v1/cases/${c.id}`, { token: resident.token })).body
    expect(closed.status).toBe('closed')
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'confirm', actorName: '系统', from: 'resolved', to: 'closed' })
    // Closed, it leaves the due index.
    expect((await repos().cases.get('linjiang', c.id))!.record.dueAt).toBeUndefined()
  })
})

describe('the public view (what a share card opens)', () => {
  it('shows anyone, visitors too, the category, status, grid and followers — never the words, place, photos or people', async () => {
    const reporter = await login(uniqueOpenid('shared'))
    const c = await submit(reporter.token, { contactPhone: '13912345678', location: { ...P, address: '柳岸小区 7 栋门口' } })
    for (const token of [undefined, (await login(uniqueOpenid('neighbour'))).token]) {
      const res = await api('GET', `/v1/cases/${c.id}/public`, { token })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        id: c.id,
        number: c.number,
        categoryName: c.categoryName,
        status: 'submitted',
        gridName: '柳岸社区第二网格',
        followerCount: 0,
      })
      for (const secret of ['垃圾桶满了', '柳岸小区 7 栋', '13912345678', reporter.user.name]) expect(JSON.stringify(res.body)).not.toContain(secret)
      expect(Object.keys(res.body)).not.toEqual(expect.arrayContaining(['description']))
    }
  })

  it('has none for a case of a sensitive class, nor for one whose text waits for review, nor an unknown id', async () => {
    const reporter = await login(uniqueOpenid('private'))
    const dispute = await submit(reporter.token, { categoryId: 'cat-neighbour', description: '楼上邻居长期噪音扰民，多次沟通无果' })
    const flagged = await submit(reporter.token, { description: '再不修我们就去上访了' })
    expect(flagged.flagged).toBe(true)
    for (const id of [dispute.id, flagged.id, 'case-nope']) expectError(await api('GET', `/v1/cases/${id}/public`, {}), 404, 'case.notFound')
  })
})
