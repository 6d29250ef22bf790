import { api, expectError, login, uniqueOpenid, uploadPhoto, newOfficial } from './support/client'

jest.setTimeout(30_000)

const inLiuan1 = { lat: 30.5051, lng: 114.3052 }
const report = (over: Record<string, unknown> = {}) => ({ categoryId: 'cat-streetlight', description: '柳岸路口的路灯坏了三天', location: inLiuan1, ...over })
const submit = (token: string, body: Record<string, unknown>, key?: string) =>
  api('POST', '/v1/cases', { token, body, headers: key ? { 'idempotency-key': key } : {} })
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })

let resident: { token: string }
let dispatcher: { token: string }
beforeAll(async () => {
  dispatcher = await login('o-demo-dispatcher')
})
// A resident of their own for each test: one files at most 10 reports an hour.
beforeEach(async () => {
  resident = await login(uniqueOpenid('rules'))
})

describe('submitting', () => {
  it('same Idempotency-Key and body → the same case; another body → 422', async () => {
    const key = `idem-${Date.now()}`
    const [a, b] = await Promise.all([submit(resident.token, report(), key), submit(resident.token, report(), key)])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.id).toBe(b.body.id)
    expect((await submit(resident.token, report(), key)).body.number).toBe(a.body.number)
    expectError(await submit(resident.token, report({ description: '另一件完全不同的事情' }), key), 422, 'idempotency.mismatch')
  })

  it('names every bad field in Chinese', async () => {
    const res = await submit(resident.token, {
      categoryId: 'cat-nope',
      description: '短',
      location: { lat: 95, lng: 114.3 },
      photoKeys: Array(10).fill('x'),
      extra: 1,
    })
    expectError(res, 400, 'request.invalid')
    const paths = res.body.error.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['description', 'location.lat', 'photoKeys', 'extra']))
    expectError(await submit(resident.token, report({ categoryId: 'cat-nope' })), 400, 'category.notFound')
    const outside = await submit(resident.token, report({ location: { lat: 39.9, lng: 116.4 } }))
    expectError(outside, 400, 'location.outsideDistrict')
    expect(outside.body.error.fields[0].path).toBe('location')
    expectError(await submit(resident.token, report({ description: 'x'.repeat(501) })), 400, 'request.invalid')
  })

  it('without a location: the grid the reporter picked and the address they typed; no point, so not on the nearby list', async () => {
    const res = await submit(resident.token, report({ location: { gridId: 'g-liuan-2', address: '柳岸路 18 号门口' } }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ gridId: 'g-liuan-2', gridName: '柳岸社区第二网格', location: { address: '柳岸路 18 号门口' } })
    expect(res.body.location.lat).toBeUndefined()
    // The case is routed to the grid's street like any other: its dispatcher sees it.
    const queue = await api('GET', '/v1/cases?view=queue&limit=50', { token: dispatcher.token })
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id)
  })

  it('a location is a point or a picked grid with an address; each mistake names its field', async () => {
    const fieldsOf = async (location: unknown) => {
      const res = await submit(resident.token, report({ location }))
      expect(res.status).toBe(400)
      return res.body.error.fields
    }
    expect(await fieldsOf({})).toEqual([{ path: 'location', message: '请获取位置，或选择所在网格并填写地址' }])
    expect(await fieldsOf({ gridId: 'g-liuan-2' })).toEqual([{ path: 'location.address', message: '未定位时请填写详细地址' }])
    expect(await fieldsOf({ lat: 30.5 })).toEqual([{ path: 'location.lng', message: '请同时提供纬度和经度' }])
    expect(await fieldsOf({ ...inLiuan1, gridId: 'g-liuan-2' })).toEqual([{ path: 'location.gridId', message: '已定位时由位置确定网格，无需选择' }])
    // Not a grid of the district: a street, a community, a made-up id.
    for (const gridId of ['s-qingshi', 'c-liuan', 'g-nope'])
      expect(await fieldsOf({ gridId, address: '某处' })).toEqual([{ path: 'location.gridId', message: '请选择临江区的网格' }])
  })

  it('refuses foreign, missing, oversized and non-image photos; nothing is written', async () => {
    const mine = async () => (await api('GET', '/v1/cases?view=mine&limit=50', { token: resident.token })).body.items.length
    const before = await mine()
    const other = await login(uniqueOpenid('other'))
    const foreign = await uploadPhoto(other.token)
    const res = await submit(resident.token, report({ photoKeys: [foreign] }))
    expectError(res, 400, 'upload.invalid')
    expect(res.body.error.fields).toEqual([{ path: 'photoKeys.0', message: '不是你上传的图片' }])
    const ownFolder = (await uploadPhoto(resident.token)).replace(/[^/]+$/, '')
    expectError(await submit(resident.token, report({ photoKeys: [`${ownFolder}missing.jpg`] })), 400, 'upload.invalid')
    // s3rver accepts what the policy forbids; the API's re-check does not.
    const big = await uploadPhoto(resident.token, { bytes: 5 * 1024 * 1024 + 10 })
    expect((await submit(resident.token, report({ photoKeys: [big] }))).body.error.fields[0].message).toBe('图片不能超过 5 MB')
    const text = await uploadPhoto(resident.token, { contentType: 'text/plain' })
    expect((await submit(resident.token, report({ photoKeys: [text] }))).body.error.fields[0].message).toMatch(/只能上传/)
    expect(await mine()).toBe(before)
  })

  it('refuses upload requests for non-images and files over 5 MB', async () => {
    expectError(
      await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'case_photo', contentType: 'application/pdf', size: 10 } }),
      400,
      'request.invalid',
    )
    const big = await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'case_photo', contentType: 'image/png', size: 6 * 1024 * 1024 } })
    expect(big.body.error.fields).toEqual([{ path: 'size', message: '文件不能超过 5 MB' }])
    // A spreadsheet is taken only to import a roster, and a photo only as a photo.
    const sheet = await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'case_photo', contentType: 'text/csv', size: 10 } })
    expect(sheet.body.error.fields[0].path).toBe('contentType')
    expectError(
      await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'roster_import', contentType: 'image/png', size: 10 } }),
      400,
      'request.invalid',
    )
  })

  it('refuses risky text, flags text for review', async () => {
    expectError(await submit(resident.token, report({ description: '楼下有人聚众赌博到深夜' })), 400, 'content.risky')
    const review = await submit(resident.token, report({ description: '再不修我们就去上访了' }))
    expect(review.status).toBe(201)
    expect(review.body.flagged).toBe(true)
  })

  it('hides an anonymous reporter from staff and masks the phone', async () => {
    const c = (await submit(resident.token, report({ anonymous: true, contactPhone: '13987654321' }))).body
    expect(c.reporterName).toBeDefined()
    const staffView = (await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })).body
    expect(staffView.reporterName).toBeUndefined()
    expect(staffView.contactPhone).toBe('139****4321')
    expect(staffView.timeline[0].actorName).toBe('匿名居民')
  })
})

describe('who may do what', () => {
  let id: string
  beforeEach(async () => {
    id = (await submit(resident.token, report())).body.id
  })

  it('answers 404 to anyone who may not see the case', async () => {
    for (const persona of ['o-demo-official', 'o-demo-mediator', 'o-demo2-dispatcher']) {
      const { token } = await login(persona)
      const seen = await api('GET', `/v1/cases/${id}`, { token })
      expect({ persona, status: seen.status }).toEqual({ persona, status: 404 })
      expectError(seen, 404, 'case.notFound')
      expectError(await fire(token, id, { type: 'accept' }), 404, 'case.notFound')
    }
    const stranger = await login(uniqueOpenid('stranger'))
    expectError(await api('GET', `/v1/cases/${id}`, { token: stranger.token }), 404, 'case.notFound')
  })

  it('shows every case of the district to its district dispatcher, who may supervise it (督办) but not take the street’s work', async () => {
    const { token } = await login('o-demo-district-dispatcher')
    const seen = await api('GET', `/v1/cases/${id}`, { token })
    expect(seen.status).toBe(200)
    expect(seen.body.allowedEvents).toEqual(['supervise'])
    expectError(await fire(token, id, { type: 'accept' }), 403, 'auth.forbidden')
  })

  it('403 for the wrong role, 409 for the wrong state or a stale version', async () => {
    expectError(await fire(resident.token, id, { type: 'accept' }), 403, 'auth.forbidden')
    expectError(await fire(dispatcher.token, id, { type: 'confirm', rating: 5 }), 403, 'auth.forbidden')
    expectError(await fire(dispatcher.token, id, { type: 'dispatch', departmentId: 'dept-power' }), 409, 'case.invalidTransition')
    expectError(await fire(dispatcher.token, id, { type: 'accept', version: 7 }), 409, 'case.conflict')
  })

  it('lets exactly one of two dispatchers win a race', async () => {
    const [a, b] = await Promise.all([fire(dispatcher.token, id, { type: 'accept' }), fire(dispatcher.token, id, { type: 'reject', reason: '重复上报' })])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const after = (await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body
    expect(after.version).toBe(2)
    expect(after.timeline).toHaveLength(2)
  })

  it('validates event bodies', async () => {
    expectError(await fire(dispatcher.token, id, { type: 'explode' }), 400, 'request.invalid')
    expect((await fire(dispatcher.token, id, { type: 'reject' })).body.error.fields[0].path).toBe('reason')
    expect((await fire(resident.token, id, { type: 'confirm', rating: 6 })).body.error.fields[0]).toEqual({ path: 'rating', message: '评分为 1–5 分' })
    await fire(dispatcher.token, id, { type: 'accept' })
    const bad = await fire(dispatcher.token, id, { type: 'dispatch', departmentId: 'dept-water', officialIds: ['u-nobody'] })
    expectError(bad, 400, 'official.notFound')
    expect(bad.body.error.fields[0].path).toBe('officialIds.0')
    expectError(await fire(dispatcher.token, id, { type: 'dispatch', departmentId: 'dept-nope' }), 400, 'department.notFound')
  })

  it('reporter withdraws; reopen counts and sends the case back to the official; escalate goes up a level', async () => {
    expect((await fire(resident.token, id, { type: 'withdraw' })).body.status).toBe('withdrawn')
    const second = (await submit(resident.token, report())).body.id
    const official = await newOfficial()
    await fire(dispatcher.token, second, { type: 'accept' })
    await fire(dispatcher.token, second, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })
    await fire(official.token, second, { type: 'start' })
    await fire(official.token, second, { type: 'resolve', result: '已修好' })
    const reopened = await fire(resident.token, second, { type: 'reopen', reason: '晚上又不亮了' })
    expect(reopened.body).toMatchObject({ status: 'dispatched', reopenCount: 1 })
    const escalated = await fire(official.token, second, { type: 'escalate', reason: '需要区级协调' })
    expect(escalated.body).toMatchObject({ status: 'accepted', levelNodeId: 'linjiang', assignees: [] })
    const districtDispatcher = await login('o-demo-district-dispatcher')
    expect((await api('GET', `/v1/cases/${second}`, { token: districtDispatcher.token })).body.allowedEvents).toContain('dispatch')
    expectError(await api('GET', `/v1/cases/${second}`, { token: official.token }), 404, 'case.notFound')
  })

  it('a gridworker of the grid reports and resolves on the spot', async () => {
    const gw = await login('o-demo-gridworker')
    const res = await submit(gw.token, report({ onTheSpot: { result: '已现场更换灯泡' } }))
    expect(res.body.status).toBe('resolved')
    expect(res.body.timeline.map((t: { type: string }) => t.type)).toEqual(['submit', 'resolve'])
    expectError(await submit(resident.token, report({ onTheSpot: { result: '我自己修好了' } })), 403, 'auth.forbidden')
  })
})
