import { api, expectError, login } from './support/client'

let token: string
beforeAll(async () => {
  token = (await login('o-demo-resident')).token
})

const count = (node: any, level: string): number => (node.level === level ? 1 : 0) + node.children.reduce((n: number, c: any) => n + count(c, level), 0)

describe('grids', () => {
  it('GET /v1/grids/tree returns the district with 2 streets, 4 communities and 12 grids', async () => {
    const res = await api('GET', '/v1/grids/tree', { token })
    expect(res.status).toBe(200)
    expect(res.body.root).toMatchObject({ id: 'linjiang', name: '临江区', level: 'district' })
    expect([count(res.body.root, 'street'), count(res.body.root, 'community'), count(res.body.root, 'grid')]).toEqual([2, 4, 12])
  })

  it('GET /v1/grids/{id} returns the roster card and the path', async () => {
    const res = await api('GET', '/v1/grids/g-liuan-1', { token })
    expect(res.status).toBe(200)
    expect(res.body.path.map((p: any) => p.name)).toEqual(['临江区', '青石街道', '柳岸社区', '柳岸社区第一网格'])
    expect(res.body.roster.gridworker).toMatchObject({ name: '李建国', phone: expect.stringMatching(/^1\d{10}$/) })
    expect(res.body.roster.gridLeader.name).toBe('张丽')
    expect(res.body.roster.gridworker.duties).toBeTruthy()
    expect(res.body.boundary.type).toBe('Polygon')
  })

  it('answers 404 for an unknown or foreign node and 400 for a malformed id', async () => {
    expectError(await api('GET', '/v1/grids/g-nowhere', { token }), 404, 'grid.notFound')
    expectError(await api('GET', '/v1/grids/g-other-1', { token }), 404, 'grid.notFound')
    expectError(await api('GET', `/v1/grids/${encodeURIComponent('a b')}`, { token }), 400, 'request.invalid')
  })

  it('GET /v1/grids/locate finds the deepest node containing the point', async () => {
    const inLiuan2 = await api('GET', '/v1/grids/locate?lat=30.507&lng=114.315', { token })
    expect(inLiuan2.status).toBe(200)
    expect(inLiuan2.body).toMatchObject({ id: 'g-liuan-2', level: 'grid' })
    const inDaoxiang3 = await api('GET', '/v1/grids/locate?lat=30.525&lng=114.355', { token })
    expect(inDaoxiang3.body.id).toBe('g-daoxiang-3')
  })

  it('answers 404 grid.outsideDistrict for a point outside, 400 for bad coordinates', async () => {
    const res = await api('GET', '/v1/grids/locate?lat=39.9&lng=116.4', { token })
    expectError(res, 404, 'grid.outsideDistrict')
    expect(res.body.error.fields[0].message).toContain('临江区')
    const bad = await api('GET', '/v1/grids/locate?lat=abc&lng=200', { token })
    expectError(bad, 400, 'request.invalid')
    expect(bad.body.error.fields.map((f: any) => f.path).sort()).toEqual(['lat', 'lng'])
    expectError(await api('GET', '/v1/grids/locate?lat=30.5', { token }), 400, 'request.invalid')
  })

  it('shows a visitor who has not signed in the deployment district’s grids; a bad token is still refused', async () => {
    const guest = await api('GET', '/v1/grids/tree')
    expect(guest.status).toBe(200)
    expect(guest.body.root).toMatchObject({ id: 'linjiang', name: '临江区' })
    const located = await api('GET', '/v1/grids/locate?lat=30.505&lng=114.305')
    expect(located.body).toMatchObject({ name: '柳岸社区第一网格' })
    expectError(await api('GET', '/v1/grids/tree', { token: 'not-a-token' }), 401, 'auth.invalidToken')
    // What needs an account still asks for one.
    expectError(await api('GET', '/v1/categories'), 401, 'auth.required')
  })
})

describe('GET /v1/categories', () => {
  it('returns ≥8 classes and ≥20 items, each with department, priority and SLA', async () => {
    const res = await api('GET', '/v1/categories', { token })
    expect(res.status).toBe(200)
    const items = res.body.classes.flatMap((c: any) => c.items)
    expect(res.body.classes.length).toBeGreaterThanOrEqual(8)
    expect(items.length).toBeGreaterThanOrEqual(20)
    for (const item of items) {
      expect(item.departmentName).toMatch(/[\u4e00-\u9fa5]/)
      expect(['high', 'medium', 'low']).toContain(item.priority)
      expect(item.sla.resolveMinutes).toBeGreaterThan(item.sla.dispatchMinutes)
    }
    expect(items.find((i: any) => i.id === 'cat-gas-leak')).toMatchObject({ departmentId: 'dept-gas', slaBand: 'urgent', sla: { dispatchMinutes: 60 } })
  })
})

describe('GET /v1/departments', () => {
  it('lists every department with its officials, for dispatchers only', async () => {
    const dispatcher = await login('o-demo-dispatcher')
    const res = await api('GET', '/v1/departments', { token: dispatcher.token })
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(13)
    expect(res.body.items.find((d: any) => d.id === 'dept-water').officials).toContainEqual({ id: expect.any(String), name: '赵刚' })
    expectError(await api('GET', '/v1/departments', { token }), 403, 'auth.forbidden')
  })
})
