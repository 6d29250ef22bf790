import { api, expectError, login, repos, uniqueOpenid, userIdOf } from './support/client'

const OTHER = 'test-other'

/** A second, tiny district with its own admin: nothing of it may be reachable from 临江区 and back. */
beforeAll(async () => {
  const r = repos()
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [120, 30],
        [120.01, 30],
        [120.01, 30.01],
        [120, 30.01],
        [120, 30],
      ],
    ],
  }
  await r.catalogue.save({
    district: { id: OTHER, name: '测试区', casePrefix: 'TS' },
    nodes: [
      { id: OTHER, name: '测试区', level: 'district', boundary: square },
      { id: 'g-other-1', name: '测试网格', level: 'grid', parentId: OTHER, boundary: square },
    ],
    departments: [],
    rooms: [],
    classes: [],
    categories: [],
  })
  const adminId = userIdOf('o-test-other-admin')
  await r.users.put({ id: adminId, districtId: OTHER, name: '外区管理员' })
  await r.users.putRole(adminId, { role: 'admin', scopeId: OTHER, scopeName: '测试区', districtId: OTHER }, 'test')
  await r.users.put({ id: userIdOf('o-test-other-resident'), districtId: OTHER, name: '外区居民' })
})

const create = async (token: string, body: Record<string, unknown>) => api('POST', '/v1/invites', { token, body })

describe('POST /v1/invites', () => {
  it('lets a district admin invite a gridworker to a grid', async () => {
    const { token } = await login('o-demo-admin')
    const res = await create(token, { role: 'gridworker', scopeId: 'g-guixiang-2', expiresInHours: 24 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ role: 'gridworker', scopeId: 'g-guixiang-2', scopeName: '桂香社区第二网格' })
    expect(res.body.code).toMatch(/^[A-Z2-9]{8}$/)
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(23.9)
    expect(hours).toBeLessThanOrEqual(24)
  })

  it('refuses non-admins with 403', async () => {
    for (const persona of ['o-demo-resident', 'o-demo-dispatcher', 'o-demo-gridworker']) {
      const { token } = await login(persona)
      expectError(await create(token, { role: 'gridworker', scopeId: 'g-liuan-2' }), 403, 'auth.forbidden')
    }
  })

  it('keeps an admin inside the own district: a foreign scope is 404', async () => {
    const { token } = await login('o-demo-admin')
    expectError(await create(token, { role: 'gridworker', scopeId: 'g-other-1' }), 404, 'scope.notFound')
    const other = await login('o-test-other-admin')
    expectError(await create(other.token, { role: 'gridworker', scopeId: 'g-liuan-1' }), 404, 'scope.notFound')
  })

  it('checks that the scope fits the role', async () => {
    const { token } = await login('o-demo-admin')
    const res = await create(token, { role: 'gridworker', scopeId: 's-qingshi' })
    expectError(res, 400, 'scope.wrongType')
    expect(res.body.error.fields[0].path).toBe('scopeId')
    expectError(await create(token, { role: 'official', scopeId: 'g-liuan-1' }), 404, 'scope.notFound')
    expect((await create(token, { role: 'official', scopeId: 'dept-gas' })).status).toBe(201)
    expect((await create(token, { role: 'mediator', scopeId: 'room-bailu' })).status).toBe(201)
  })

  it('validates the body field by field', async () => {
    const { token } = await login('o-demo-admin')
    const res = await create(token, { role: 'resident', scopeId: 'bad id!', expiresInHours: 0 })
    expectError(res, 400, 'request.invalid')
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['expiresInHours', 'role', 'scopeId'])
  })
})

describe('POST /v1/invites/redeem', () => {
  const newInvite = async (scopeId = 'g-daoxiang-3') => {
    const { token } = await login('o-demo-admin')
    return (await create(token, { role: 'gridworker', scopeId })).body.code as string
  }

  it('grants the role once; the code is then spent', async () => {
    const code = await newInvite()
    const first = await login(uniqueOpenid('redeemer'))
    const res = await api('POST', '/v1/invites/redeem', { token: first.token, body: { code: code.toLowerCase() } })
    expect(res.status).toBe(200)
    expect(res.body.roles).toContainEqual({ role: 'gridworker', scopeId: 'g-daoxiang-3', scopeName: '稻香村第三网格' })
    expect((await api('GET', '/v1/me', { token: first.token })).body.roles).toHaveLength(2)

    const second = await login(uniqueOpenid('late'))
    expectError(await api('POST', '/v1/invites/redeem', { token: second.token, body: { code } }), 409, 'invite.used')
  })

  it('refuses an admin their own invite (separation of duties): the code stays for the person it was made for', async () => {
    const code = await newInvite('g-daoxiang-2')
    const admin = await login('o-demo-admin')
    const refused = await api('POST', '/v1/invites/redeem', { token: admin.token, body: { code } })
    expectError(refused, 403, 'invite.ownInvite')
    expect(refused.body.error.fields[0].path).toBe('code')
    expect((await api('GET', '/v1/me', { token: admin.token })).body.roles.some((r: { role: string }) => r.role === 'gridworker')).toBe(false)
    const staff = await login(uniqueOpenid('intended'))
    expect((await api('POST', '/v1/invites/redeem', { token: staff.token, body: { code } })).status).toBe(200)
  })

  it('lets exactly one of many simultaneous redeemers win', async () => {
    const code = await newInvite('g-donghu-1')
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => login(uniqueOpenid(`race${i}`))))
    const answers = await Promise.all(users.map((u) => api('POST', '/v1/invites/redeem', { token: u.token, body: { code } })))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409])
    const winners = await Promise.all(users.map(async (u) => (await api('GET', '/v1/me', { token: u.token })).body.roles.length))
    expect(winners.filter((n) => n === 2)).toHaveLength(1)
  })

  it('refuses an expired code with 410 and grants nothing', async () => {
    await repos().invites.create({
      code: 'EXPRD234',
      districtId: 'linjiang',
      role: 'gridworker',
      scopeId: 'g-liuan-3',
      scopeName: '柳岸社区第三网格',
      createdBy: 'test',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    })
    const u = await login(uniqueOpenid('expired'))
    expectError(await api('POST', '/v1/invites/redeem', { token: u.token, body: { code: 'EXPRD234' } }), 410, 'invite.expired')
    expect((await api('GET', '/v1/me', { token: u.token })).body.roles).toHaveLength(1)
  })

  it('answers 404 for unknown codes and for codes of another district', async () => {
    const u = await login(uniqueOpenid('unknown'))
    expectError(await api('POST', '/v1/invites/redeem', { token: u.token, body: { code: 'ZZZZ2345' } }), 404, 'invite.notFound')
    const code = await newInvite('g-liuan-2')
    const foreigner = await login('o-test-other-resident')
    expectError(await api('POST', '/v1/invites/redeem', { token: foreigner.token, body: { code } }), 404, 'invite.notFound')
  })

  it('validates the code format', async () => {
    const u = await login(uniqueOpenid('format'))
    const res = await api('POST', '/v1/invites/redeem', { token: u.token, body: { code: '12' } })
    expectError(res, 400, 'request.invalid')
    expect(res.body.error.fields[0]).toEqual({ path: 'code', message: '邀请码为 8 位字母或数字' })
  })
})
