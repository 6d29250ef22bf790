/**
 * The household roster over HTTP: its staff's CRUD, the masked view of an overseer, nobody else's at all; the audit
 * record of every unmasked read; sealed fields at rest; the due-to-visit list and a visit moving it.
 */
import { chinaDate } from '@linli/shared'
import { api, expectError, login, newGridLeader, newGridworker, repos } from './support/client'

jest.setTimeout(60_000)

// 桂香社区第一网格: 114.30–114.31 E, 30.515–30.530 N.
const GRID = 'g-guixiang-1'
const INSIDE = { lat: 30.52, lng: 114.305, accuracy: 12 }
const body = (over: Record<string, unknown> = {}) => ({ gridId: GRID, building: '3', unit: '2', room: '301', headName: '王秀兰', members: 1, phone: '13912345678', careTags: ['elderly_alone'], notes: '腿脚不便，独居', ...over })

let worker: { token: string; user: { id: string; name: string } }
beforeAll(async () => {
  worker = await newGridworker(GRID)
})

describe('the household roster', () => {
  it("lets the grid's gridworker register, read, change and remove a household, the personal fields sealed at rest", async () => {
    const made = await api('POST', '/v1/households', { token: worker.token, body: body() })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ gridId: GRID, address: '3栋2单元301室', headName: '王秀兰', phone: '13912345678', careTags: ['elderly_alone'], notes: '腿脚不便，独居', masked: false, version: 1 })
    // Never visited: due a week after its entry.
    expect(Date.parse(made.body.nextDueAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000)

    const stored = await repos().households.get('linjiang', made.body.id)
    expect(JSON.stringify(stored)).not.toMatch(/13912345678|elderly_alone|301|独居/)

    const changed = await api('PUT', `/v1/households/${made.body.id}`, { token: worker.token, body: { ...body({ phone: '13700001111', careTags: ['low_income'] }), gridId: undefined, version: 1 } })
    expect(changed.body).toMatchObject({ phone: '13700001111', careTags: ['low_income'], version: 2 })
    expectError(await api('PUT', `/v1/households/${made.body.id}`, { token: worker.token, body: { ...body(), gridId: undefined, version: 1 } }), 409, 'household.conflict')
    expect((await api('DELETE', `/v1/households/${made.body.id}`, { token: worker.token })).status).toBe(200)
    expectError(await api('GET', `/v1/households/${made.body.id}`, { token: worker.token }), 404, 'household.notFound')
  })

  it('shows the roster masked to the district admin, and not at all to a resident or another grid', async () => {
    const { id } = (await api('POST', '/v1/households', { token: worker.token, body: body({ headName: '赵大勇' }) })).body
    const admin = await login('o-demo-admin')
    const masked = await api('GET', `/v1/households/${id}`, { token: admin.token })
    expect(masked.body).toMatchObject({ address: '3栋****', headName: '赵**', phone: '139****5678', careTags: [], notes: '', masked: true })
    expect(masked.body.building).toBeUndefined()
    const stranger = await newGridworker('g-guixiang-2')
    expectError(await api('GET', `/v1/households/${id}`, { token: stranger.token }), 404, 'household.notFound')
    expectError(await api('GET', `/v1/households?gridId=${GRID}`, { token: stranger.token }), 403, 'auth.forbidden')
    expectError(await api('GET', `/v1/households?gridId=${GRID}`, { token: (await login('o-demo-resident')).token }), 403, 'auth.forbidden')
    expectError(await api('POST', '/v1/households', { token: stranger.token, body: body() }), 403, 'auth.forbidden')
  })

  it('records every unmasked read in the audit log the admin reads, and none for a masked one', async () => {
    const { id } = (await api('POST', '/v1/households', { token: worker.token, body: body({ headName: '孙梅' }) })).body
    const leader = await newGridLeader('c-guixiang')
    await api('GET', `/v1/households/${id}`, { token: leader.token })
    await api('GET', `/v1/households/${id}`, { token: (await login('o-demo-admin')).token })
    const admin = await login('o-demo-admin')
    const log = await api('GET', `/v1/audit?date=${chinaDate(new Date())}&limit=50`, { token: admin.token })
    expect(log.status).toBe(200)
    const reads = log.body.items.filter((e: any) => e.ids.includes(id))
    // The creation's answer (the worker) and the leader's read; the admin's masked read is not one.
    expect(reads.map((e: any) => e.userId).sort()).toEqual([leader.user.id, worker.user.id].sort())
    expect(reads.find((e: any) => e.userId === leader.user.id)).toMatchObject({ subject: 'household', fields: ['address', 'phone', 'careTags', 'notes'], route: 'GET /v1/households/{id}' })
    expectError(await api('GET', `/v1/audit?date=${chinaDate(new Date())}`, { token: worker.token }), 403, 'auth.forbidden')
  })

  it('lists the households due to visit most overdue first, by tag, and a visit takes one off', async () => {
    const grid = 'g-guixiang-3' // 114.32–114.33 E
    const w = await newGridworker(grid)
    const put = async (headName: string, careTags: string[], daysAgo: number) => {
      const { id } = (await api('POST', '/v1/households', { token: w.token, body: body({ gridId: grid, headName, careTags }) })).body
      // Entered on the roster `daysAgo` days ago (arranged in the table: no route backdates an entry).
      const h = (await repos().households.get('linjiang', id))!
      const createdAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
      await repos().households.put({ ...h, createdAt, version: h.version + 1 }, h.version, [])
      return id as string
    }
    const a = await put('甲', ['elderly_alone'], 20) // due 13 days ago
    const b = await put('乙', ['low_income'], 40) // due 10 days ago
    const c = await put('丙', ['left_behind_child'], 3) // due in 11 days
    await put('丁', [], 100) // no tag, never due
    const due = await api('GET', `/v1/households?gridId=${grid}&due=1`, { token: w.token })
    expect(due.body.items.map((h: any) => h.id)).toEqual([a, b])
    const roster = await api('GET', `/v1/households?gridId=${grid}&limit=50`, { token: w.token })
    expect(roster.body.items).toHaveLength(4)
    const lowIncome = await api('GET', `/v1/households?gridId=${grid}&tag=low_income`, { token: w.token })
    expect(lowIncome.body.items.map((h: any) => h.id)).toEqual([b])
    expect((await api('GET', `/v1/households?gridId=${grid}&tag=left_behind_child`, { token: w.token })).body.items.map((h: any) => h.id)).toEqual([c])

    const visit = await api('POST', '/v1/checkins', { token: w.token, body: { kind: 'visit', householdId: a, location: { ...INSIDE, lng: 114.325 }, note: '老人身体尚可，家中煤气灶老化，已提醒更换' } })
    expect(visit.status).toBe(201)
    expect(visit.body).toMatchObject({ kind: 'visit', householdId: a, gridId: grid })
    const after = await api('GET', `/v1/households?gridId=${grid}&due=1`, { token: w.token })
    expect(after.body.items.map((h: any) => h.id)).toEqual([b])
    const visited = await api('GET', `/v1/households/${a}`, { token: w.token })
    expect(visited.body.lastVisitAt).toBe(visit.body.capturedAt)
    expect(Date.parse(visited.body.nextDueAt) - Date.parse(visit.body.capturedAt)).toBe(7 * 86_400_000)
    // A visit to another grid's household is refused as unknown.
    expectError(await api('POST', '/v1/checkins', { token: worker.token, body: { kind: 'visit', householdId: a, location: INSIDE } }), 404, 'household.notFound')
  })
})
