/**
 * Bounded transactions (DESIGN.md rule 4): whatever the number of followers or officials, a transition writes a
 * bounded set; the people's list entries and notices are fanned out from the stream, each once.
 */
import { api, eventually, expectError, login, newOfficial, repos, standin, uniqueOpenid, uploadPhoto } from './support/client'

jest.setTimeout(120_000)

const P = { lat: 30.5051, lng: 114.3052, address: '柳岸路 8 号' } // 柳岸社区第一网格
// Another test reports a gas leak in 柳岸社区第一网格: a second one there within the hour would join it.
const inGuixiang3 = { lat: 30.522, lng: 114.325 }
const report = (over: Record<string, unknown> = {}) => ({ categoryId: 'cat-road', description: '路面塌陷出一个大坑，车辆绕行', location: P, ...over })
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })
const messagesFor = async (openid: string, number: string) =>
  ((await standin('GET', `/dev/messages?touser=${openid}`)).messages as { data: Record<string, { value: string }> }[]).filter(
    (m) => m.data.character_string1?.value === number,
  )

/** Runs `fn` for 0..n-1, `width` at a time. */
async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => fn(i + j)))))
  return out
}

describe('a case with 60 followers', () => {
  it('is accepted in one bounded write, and every follower is told once and sees the new status', async () => {
    const reporter = await login(uniqueOpenid('popular'))
    const c = (await api('POST', '/v1/cases', { token: reporter.token, body: report() })).body
    const followers = await inBatches(60, 10, async (i) => {
      const openid = uniqueOpenid(`follower${i}`)
      const f = await login(openid)
      await api('POST', '/v1/subscriptions', { token: f.token, body: { templateKey: 'case_accepted', result: 'accept' } })
      const r = await api('POST', `/v1/cases/${c.id}/follow`, { token: f.token })
      expect(r.status).toBe(200)
      return { ...f, openid }
    })
    // "Me too" never moves the case: its version and time stay, so a version-pinned event still fits.
    const seen = (await api('GET', `/v1/cases/${c.id}`, { token: reporter.token })).body
    expect(seen).toMatchObject({ version: 1, updatedAt: c.updatedAt, followerCount: 60 })

    const dispatcher = await login('o-demo-dispatcher')
    const accepted = await fire(dispatcher.token, c.id, { type: 'accept', version: 1 })
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')

    for (const f of followers) {
      await eventually(async () => ((await messagesFor(f.openid, c.number)).length >= 1 ? true : undefined), 20_000)
    }
    const counts = await Promise.all(followers.map(async (f) => (await messagesFor(f.openid, c.number)).length))
    expect(new Set(counts)).toEqual(new Set([1]))
    const mine = await Promise.all(
      followers
        .slice(0, 5)
        .map(async (f) => (await api('GET', '/v1/cases?view=mine', { token: f.token })).body.items.find((i: { id: string }) => i.id === c.id)),
    )
    expect(mine.map((m) => m?.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted'])
  })
})

describe('following', () => {
  it('can be undone: the case leaves the follower’s list and the count drops', async () => {
    const reporter = await login(uniqueOpenid('unfollowed'))
    const neighbour = await login(uniqueOpenid('neighbour'))
    const c = (await api('POST', '/v1/cases', { token: reporter.token, body: report({ photoKeys: [await uploadPhoto(reporter.token)] }) })).body
    const followed = await api('POST', `/v1/cases/${c.id}/follow`, { token: neighbour.token })
    expect(followed.body).toMatchObject({ following: true, followerCount: 1 })
    // "Me too" does not widen read access: the neighbour sees the public view, not the reporter's photo.
    expect(followed.body).toMatchObject({ public: true, photos: [] })
    const ids = async () => (await api('GET', '/v1/cases?view=mine', { token: neighbour.token })).body.items.map((i: { id: string }) => i.id)
    expect(await ids()).toContain(c.id)
    expect((await api('DELETE', `/v1/cases/${c.id}/follow`, { token: neighbour.token })).body).toEqual({ following: false })
    expect(await ids()).not.toContain(c.id)
    expect((await api('GET', `/v1/cases/${c.id}`, { token: reporter.token })).body.followerCount).toBe(0)
    expectError(await api('DELETE', `/v1/cases/${c.id}/follow`, { token: neighbour.token }), 409, 'case.notFollowing')
    expectError(await api('GET', `/v1/cases/${c.id}`, { token: neighbour.token }), 404, 'case.notFound')
  })
})

describe('dispatch', () => {
  it('refuses a repeated official id with a 400 naming the field, and writes nothing', async () => {
    const [reporter, dispatcher, official] = await Promise.all([login(uniqueOpenid('twice')), login('o-demo-dispatcher'), newOfficial('dept-urban')])
    const c = (await api('POST', '/v1/cases', { token: reporter.token, body: report() })).body
    await fire(dispatcher.token, c.id, { type: 'accept' })
    const res = await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-urban', officialIds: [official.user.id, official.user.id] })
    expectError(res, 400, 'request.invalid')
    expect(res.body.error.fields[0]).toMatchObject({ path: 'officialIds', message: expect.stringContaining('重复') })
    expect((await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })).body).toMatchObject({ status: 'accepted', version: 2 })
  })

  it('auto-dispatches an emergency to a department of 55 officials: each gets the case in 我的工单', async () => {
    // Officials made straight in the table (no WeChat identity: their notices end dead, which is not what this tests).
    const r = repos()
    const officials = await inBatches(55, 11, async (i) => {
      const id = `bulk-gas-${Date.now().toString(36)}-${i}`
      await r.users.put({ id, districtId: 'linjiang', name: `燃气员${i}` })
      await r.users.putRole(id, { role: 'official', scopeId: 'dept-gas', scopeName: '临江燃气公司', districtId: 'linjiang' }, 'test', `燃气员${i}`)
      return id
    })
    const resident = await login(uniqueOpenid('gas-many'))
    const res = await api('POST', '/v1/cases', {
      token: resident.token,
      body: report({ categoryId: 'cat-gas-leak', description: '单元门口煤气味很浓', location: inGuixiang3 }),
    })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('dispatched')
    expect(res.body.assignees.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(officials))
    const notices = await eventually(async () => {
      const items = (await api('GET', `/v1/cases/${res.body.id}/notices`, { token: (await login('o-demo-dispatcher')).token })).body.items ?? []
      return items.length >= 55 ? items : undefined
    }, 20_000)
    expect(notices.filter((n: { templateKey: string }) => n.templateKey === 'case_dispatch').length).toBeGreaterThanOrEqual(55)
    const last = officials.at(-1)!
    const page = await r.cases.list('linjiang', { kind: 'assigned', userId: last }, undefined, 10)
    expect(page.items.map((i) => i.caseId)).toContain(res.body.id)
  })
})

describe('an official whose binding is removed', () => {
  it('loses the case at once: 404 on read and on events, and nothing is written', async () => {
    const [reporter, dispatcher, official] = await Promise.all([login(uniqueOpenid('removed')), login('o-demo-dispatcher'), newOfficial('dept-water')])
    const c = (await api('POST', '/v1/cases', { token: reporter.token, body: report({ categoryId: 'cat-water-off' }) })).body
    await fire(dispatcher.token, c.id, { type: 'accept' })
    await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })
    expect((await api('GET', `/v1/cases/${c.id}`, { token: official.token })).status).toBe(200)
    // The dispatch's fan-out done first (a fan-out that finds the binding gone takes the official off the case).
    await eventually(async () =>
      (await repos().cases.list('linjiang', { kind: 'assigned', userId: official.user.id }, undefined, 10)).items.length ? true : undefined,
    )

    await repos().users.removeRole(official.user.id, { role: 'official', scopeId: 'dept-water' })
    expectError(await api('GET', `/v1/cases/${c.id}`, { token: official.token }), 404, 'case.notFound')
    expectError(await fire(official.token, c.id, { type: 'start' }), 404, 'case.notFound')
    expect((await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })).body).toMatchObject({ status: 'dispatched', version: 3 })
  })
})
