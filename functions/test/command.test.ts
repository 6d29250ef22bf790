/**
 * The command centre over HTTP against DynamoDB Local, in a district of its own: the figures, the map's grades and the
 * month's rankings are checked against cases this test makes (read from the counters the stream keeps, never a scan),
 * and each viewer sees only their level and below.
 */
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { sweep } from '../src/jobs/sweep'
import { chinaDate } from '@linli/shared'
import ExcelJS from 'exceljs'
import { api, cloud, eventually, expectError, repos } from './support/client'
import { newDistrict } from './support/scenario'

jest.setTimeout(120_000)

const D3 = { lat: 30.5225, lng: 114.355 } // 稻香村第三网格, 白鹭镇
const P = { lat: 30.5071, lng: 114.3149 } // 柳岸社区第二网格, 青石街道
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })

let deps: ReturnType<typeof buildDeps>
beforeAll(async () => {
  deps = buildDeps(await loadConfig(cloud().env))
})

describe('the command centre', () => {
  it("watches a district's day, its grids on the map and the month's rankings, each viewer at their level", async () => {
    const d = await newDistrict('cmd')
    const [resident, leader, chief, bailu, qingshi, admin, official, worker] = await Promise.all([
      d.person('resident', '居民甲'),
      d.person('dispatcher', '区指挥中心', d.id),
      d.person('leader', '分管领导', d.id),
      d.person('dispatcher', '白鹭镇坐席', 's-bailu'),
      d.person('dispatcher', '青石街道坐席', 's-qingshi'),
      d.person('admin', '区管理员'),
      d.person('official', '水务专员', 'dept-water'),
      d.person('gridworker', '稻香网格员', 'g-daoxiang-3'),
    ])
    // A gridworker's 值守 check-in in 稻香村第三网格: the day's field work.
    const checkin = await api('POST', '/v1/checkins', { token: worker.token, body: { kind: 'duty', location: { ...D3, accuracy: 20 } } })
    expect(checkin.status).toBe(201)
    const report = async (location: typeof D3) =>
      (await api('POST', '/v1/cases', { token: resident.token, body: { categoryId: 'cat-water-off', description: '停水两天了', location } })).body
    const dispatch = async (id: string) => {
      expect((await fire(bailu.token, id, { type: 'accept' })).status).toBe(200)
      expect((await fire(bailu.token, id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })).status).toBe(200)
    }
    // Five cases of 稻香村第三网格 handled in time and rated 5; a sixth left with its official past the deadline; one in 青石街道 just reported.
    for (let i = 0; i < 5; i++) {
      const c = await report(D3)
      await dispatch(c.id)
      await fire(official.token, c.id, { type: 'start' })
      expect((await fire(official.token, c.id, { type: 'resolve', result: '已恢复供水' })).status).toBe(200)
      expect((await fire(resident.token, c.id, { type: 'confirm', rating: 5 })).status).toBe(200)
    }
    const late = await report(D3)
    await dispatch(late.id)
    const deadline = (await api('GET', `/v1/cases/${late.id}`, { token: official.token })).body.clock.deadline as string
    const at = new Date(Date.parse(deadline) + 60_000)
    await eventually(async () => {
      await sweep({ ...deps, clock: () => at })
      return (await api('GET', `/v1/cases/${late.id}`, { token: official.token })).body.clock?.mark === 'overdue' || undefined
    }, 60_000)
    const fresh = await report(P)

    // The district's overview: today's counts, 在办 split, the month, and its streets.
    const overview = await eventually(async () => {
      const { body } = await api('GET', '/v1/command/overview', { token: leader.token })
      // Each transition's counts, gauges and category counts are written by its own fan-out step: wait for them all.
      const settled = body.inHand?.open === 2 && body.inHand.openOverdue === 1 && body.today?.received === 7 && body.today.resolved === 5
      return settled ? body : undefined
    }, 20_000)
    expect(overview.node).toEqual({ id: d.id, name: d.catalogue.district.name, level: 'district' })
    expect(overview.today).toEqual({ received: 7, accepted: 6, dispatched: 6, resolved: 5 })
    expect(overview.inHand).toEqual({ open: 2, openOverdue: 1 })
    expect(overview.rates.month).toMatchObject({ received: 7, acceptRate: 1, dispatchRate: 1, resolveRate: 1, satisfactionRate: 1, averageRating: 5 })
    expect(overview.rates.year.received).toBe(7)
    expect(overview.mediation).toEqual({ booked: 0, held: 0, agreements: 0 })
    expect(overview.field).toEqual({ checkins: 1, visits: 0, gridsPatrolled: 1, grids: d.catalogue.nodes.filter((n) => n.level === 'grid').length })
    const street = (id: string) => overview.units.find((u: { id: string }) => u.id === id)
    expect(street('s-bailu')).toMatchObject({ name: '白鹭镇', open: 1, openOverdue: 1, receivedMonth: 6, resolvedMonth: 5 })
    expect(street('s-qingshi')).toMatchObject({ open: 1, openOverdue: 0, receivedMonth: 1, resolvedMonth: 0 })

    // The district's leader (领导) watches the same district, and acts on nothing.
    expect((await api('GET', '/v1/command/overview', { token: chief.token })).body).toMatchObject({ node: { id: d.id }, inHand: { open: 2, openOverdue: 1 } })
    expectError(await fire(chief.token, late.id, { type: 'supervise', note: '请尽快办结' }), 403, 'auth.forbidden')
    const read = (await api('GET', `/v1/cases/${late.id}`, { token: chief.token })).body
    expect(read).toMatchObject({ description: '停水两天了', reporterName: '居民甲' })
    // Nothing of the handling is offered: a leader is a neighbour of the case at most (举报 is anyone's).
    expect(read.allowedEvents.filter((e: string) => e !== 'report')).toEqual([])
    expect(read.contactPhone ?? '').not.toMatch(/\d{11}/) // never the whole number

    // Drill-down: a grid's cases for those who watch it from above; another street's dispatcher is refused.
    const gridCases = (token: string) => api('GET', '/v1/cases?view=grid&scopeId=g-daoxiang-3&limit=20', { token })
    for (const watcher of [bailu, leader, chief]) expect((await gridCases(watcher.token)).body.items).toHaveLength(6)
    expectError(await gridCases(qingshi.token), 403, 'auth.forbidden')
    expectError(await gridCases(admin.token), 403, 'auth.forbidden')

    // A street's dispatcher watches their street and its grids, and does not meet the district or another street.
    const own = (await api('GET', '/v1/command/overview', { token: bailu.token })).body
    expect(own.node).toMatchObject({ id: 's-bailu', level: 'street' })
    expect(own.inHand).toEqual({ open: 1, openOverdue: 1 })
    expect(own.field).toMatchObject({ checkins: 1, gridsPatrolled: 1 })
    expect((await api('GET', '/v1/command/overview?nodeId=s-qingshi', { token: leader.token })).body.field).toMatchObject({ checkins: 0, gridsPatrolled: 0 })
    expect(own.units.find((u: { id: string }) => u.id === 'g-daoxiang-3')).toMatchObject({ open: 1, openOverdue: 1, receivedMonth: 6 })
    expect(own.units.every((u: { id: string }) => u.id.startsWith('g-'))).toBe(true)
    expectError(await api('GET', `/v1/command/overview?nodeId=s-bailu`, { token: qingshi.token }), 404, 'command.notFound')
    expectError(await api('GET', `/v1/command/map?nodeId=${d.id}`, { token: bailu.token }), 404, 'command.notFound')
    expectError(await api('GET', '/v1/command/overview?nodeId=g-daoxiang-3', { token: leader.token }), 404, 'command.notFound')

    // The map: every grid with its boundary; the late case turns its grid orange, and the grade says why.
    const map = (await api('GET', '/v1/command/map', { token: admin.token })).body
    const grid = map.grids.find((g: { id: string }) => g.id === 'g-daoxiang-3')
    expect(grid).toMatchObject({
      streetId: 's-bailu',
      open: 1,
      openOverdue: 1,
      receivedMonth: 6,
      grade: 'orange',
      reasons: ['1 件超期未办结', '本月同类投诉 6 件'],
      repeatedMonth: 6,
    })
    expect(grid.boundary.type).toBe('Polygon')
    // Today's patrol: the gridworker's check-in in its grid, none elsewhere.
    expect(grid).toMatchObject({ checkinsToday: 1, visitsToday: 0 })
    expect(map.grids.filter((g: { checkinsToday: number }) => g.checkinsToday > 0).map((g: { id: string }) => g.id)).toEqual(['g-daoxiang-3'])
    // The rooms on the map: the district's all; a street's dispatcher, the street's only.
    const roomsOf = (m: { rooms: { id: string }[] }) => m.rooms.map((r) => r.id).sort()
    expect(roomsOf(map)).toEqual(d.catalogue.rooms.map((r) => r.id).sort())
    expect(map.rooms[0]).toEqual({ id: expect.any(String), name: expect.any(String), lat: expect.any(Number), lng: expect.any(Number) })
    const bailuRooms = roomsOf((await api('GET', '/v1/command/map', { token: bailu.token })).body)
    expect(bailuRooms.length).toBeGreaterThan(0)
    expect(bailuRooms.length).toBeLessThan(map.rooms.length)
    // Its card: who serves it and how many households, no phone.
    const roster = d.catalogue.nodes.find((n) => n.id === 'g-daoxiang-3')!.roster!
    expect(grid).toMatchObject({ staff: { gridworker: roster.gridworker!.name, gridLeader: roster.gridLeader!.name }, households: roster.households })
    expect(JSON.stringify(grid)).not.toContain(roster.gridworker!.phone)
    expect(map.grids.filter((g: { grade: string }) => g.grade !== 'green').map((g: { id: string }) => g.id)).toEqual(['g-daoxiang-3'])
    expect(map.grids.length).toBe(d.catalogue.nodes.filter((n) => n.level === 'grid').length)

    // The open cases on the map: the late one in 稻香村 and the new one in 青石街道, each where it was reported.
    const points = (await api('GET', '/v1/command/points', { token: leader.token })).body
    expect(points.capped).toBe(false)
    expect(points.points.map((p: { id: string }) => p.id).sort()).toEqual([late.id, fresh.id].sort())
    expect(points.points.find((p: { id: string }) => p.id === late.id)).toMatchObject({ gridId: 'g-daoxiang-3', lat: D3.lat, lng: D3.lng })
    expect((await api('GET', '/v1/command/points', { token: qingshi.token })).body.points.map((p: { gridId: string }) => p.gridId)).toEqual(['g-liuan-2'])
    expectError(await api('GET', '/v1/command/points', { token: admin.token }), 403, 'auth.forbidden')

    // The month's categories and hot spots: six 停水 in one grid is a hot spot, one in another grid is not.
    const month0 = chinaDate(new Date().toISOString()).slice(0, 7)
    const kinds = await eventually(async () => {
      const { body } = await api('GET', `/v1/command/categories?month=${month0}`, { token: leader.token })
      return body.categories?.[0]?.received === 7 ? body : undefined
    }, 20_000)
    expect(kinds.categories).toEqual([{ id: 'cat-water-off', name: expect.any(String), received: 7 }])
    expect(kinds.hotSpots).toEqual([
      { gridId: 'g-daoxiang-3', gridName: '稻香村第三网格', categoryId: 'cat-water-off', categoryName: kinds.categories[0].name, received: 6 },
    ])
    const streets = (await api('GET', `/v1/command/categories?month=${month0}&nodeId=s-qingshi`, { token: leader.token })).body
    expect(streets).toMatchObject({ categories: [{ id: 'cat-water-off', received: 1 }], hotSpots: [] })

    // The trends: 30 days and 12 months, today's and this month's last.
    const trend = (await api('GET', '/v1/command/trends', { token: chief.token })).body
    expect(trend.days).toHaveLength(30)
    expect(trend.days.at(-1)).toMatchObject({ received: 7, resolved: 5, resolveRate: 1, satisfactionRate: 1 })
    expect(trend.days.slice(0, -1).every((p: { received: number }) => p.received === 0)).toBe(true)
    expect(trend.months).toHaveLength(12)
    expect(trend.months.at(-1)).toMatchObject({ month: chinaDate(new Date().toISOString()).slice(0, 7), received: 7 })

    // The month's rankings: a grid with six cases is ranked; one with a single case is listed, not ranked.
    const month = chinaDate(new Date().toISOString()).slice(0, 7)
    const grids = (await api('GET', `/v1/command/rankings?level=grid&month=${month}`, { token: leader.token })).body
    expect(grids).toMatchObject({ level: 'grid', month, weights: { accept: 30, resolve: 35, satisfaction: 35 }, minCases: 5 })
    expect(grids.units[0]).toMatchObject({ id: 'g-daoxiang-3', rank: 1, score: 100, received: 6, resolved: 5 })
    expect(grids.units[0].monthOnMonth).toBeUndefined()
    const single = grids.units.find((u: { received: number }) => u.received === 1)
    expect(single.rank).toBeUndefined()
    expect(single.score).toBeUndefined()
    // Communities (社区/村) likewise: 稻香村 ranked on its six; a street's dispatcher ranks their street's only.
    const communities = (await api('GET', `/v1/command/rankings?level=community&month=${month}`, { token: leader.token })).body
    expect(communities.units[0]).toMatchObject({ id: 'c-daoxiang', rank: 1, received: 6 })
    const liuan = communities.units.find((u: { id: string }) => u.id === 'c-liuan')
    expect({ received: liuan.received, ranked: 'rank' in liuan }).toEqual({ received: 1, ranked: false })
    const ofBailu = (await api('GET', `/v1/command/rankings?level=community&month=${month}`, { token: bailu.token })).body.units
    expect(ofBailu.map((u: { id: string }) => u.id)).toContain('c-daoxiang')
    expect(ofBailu.map((u: { id: string }) => u.id)).not.toContain('c-liuan')
    const departments = (await api('GET', `/v1/command/rankings?level=department&month=${month}`, { token: admin.token })).body
    expect(departments.units.find((u: { id: string }) => u.id === 'dept-water')).toMatchObject({ rank: 1, received: 7 })
    expectError(await api('GET', `/v1/command/rankings?level=street&month=${month}`, { token: bailu.token }), 404, 'command.notFound')

    // The export: the district's cases reported today, one row each with every stage's time and deadline, in China time.
    const today = chinaDate(new Date().toISOString())
    const exported = async (token: string, query = '') => {
      const res = await fetch(`${cloud().urls.api}/v1/command/cases.xlsx?from=${today}&to=${today}${query}`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('.xlsx')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      const header = (sheet.getRow(1).values as unknown[]).slice(1)
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => Object.fromEntries(header.map((h, j) => [h, sheet.getRow(i + 2).getCell(j + 1).text])))
      return { header, rows }
    }
    const all = await exported(chief.token)
    expect(all.header).toEqual(
      expect.arrayContaining(['编号', '上报时间', '受理时间', '受理时限', '派单时间', '办结时间', '办结时限', '结案时间', '超时时间', '评价']),
    )
    expect(all.rows).toHaveLength(7)
    const row = all.rows.find((r) => r['编号'] === late.number)!
    expect(row).toMatchObject({ 状态: '已派单', 街道: '白鹭镇', 网格: '稻香村第三网格', 职能部门: '区水务局', 办结时间: '', 结案时间: '' })
    expect(row['超时时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(row['派单时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(all.rows.filter((r) => r['评价'] === '5' && r['结案时间'])).toHaveLength(5)
    // A street's dispatcher exports their street; an admin exports nothing; each export is in the audit log.
    expect((await exported(bailu.token)).rows).toHaveLength(6)
    expect((await exported(qingshi.token)).rows).toHaveLength(1)
    expectError(await api('GET', `/v1/command/cases.xlsx?from=${today}&to=${today}`, { token: admin.token }), 403, 'auth.forbidden')
    const badPeriod = await api('GET', `/v1/command/cases.xlsx?from=${today}&to=2020-01-01`, { token: chief.token })
    expect(badPeriod.status).toBe(400)
    const audit = await repos().audit.day(d.id, today, 20)
    const exports = audit.items.filter((a) => a.subject === 'case-export')
    expect(exports.map((a) => a.ids.length).sort()).toEqual([1, 6, 7])

    // The district's own rules: the admin sets the weights, the minimum and the grade rules; the map and ranking follow.
    expect((await api('GET', '/v1/command/settings', { token: leader.token })).body).toMatchObject({ weights: { accept: 30 }, minCases: 5 })
    const rules = {
      weights: { accept: 50, resolve: 25, satisfaction: 25 },
      minCases: 7,
      gradeRules: [{ grade: 'red', figure: 'open', atLeast: 1, reason: '在办 {n} 件' }],
    }
    expectError(await api('PUT', '/v1/command/settings', { token: leader.token, body: rules }), 403, 'auth.forbidden')
    const wrong = await api('PUT', '/v1/command/settings', { token: admin.token, body: { ...rules, weights: { accept: 50, resolve: 50, satisfaction: 50 } } })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body.error.fields)).toContain('三项权重之和须为 100')
    expect((await api('PUT', '/v1/command/settings', { token: admin.token, body: rules })).body).toEqual(rules)
    const remapped = (await api('GET', '/v1/command/map', { token: leader.token })).body.grids
    expect(remapped.find((g: { id: string }) => g.id === 'g-daoxiang-3')).toMatchObject({ grade: 'red', reasons: ['在办 1 件'] })
    expect(remapped.filter((g: { grade: string }) => g.grade === 'red')).toHaveLength(2)
    // A rule on patrols: a grid nobody checked in at for 2 days turns yellow; the map looks back 2 days, no more.
    const patrols = { ...rules, gradeRules: [{ grade: 'yellow', figure: 'daysUnpatrolled', atLeast: 2, reason: '{n} 天无巡查打卡' }] }
    const tooFar = await api('PUT', '/v1/command/settings', {
      token: admin.token,
      body: { ...patrols, gradeRules: [{ ...patrols.gradeRules[0], atLeast: 40 }] },
    })
    expect(tooFar.status).toBe(400)
    expect(JSON.stringify(tooFar.body.error.fields)).toContain('无巡查天数最多看 31 天')
    expect((await api('PUT', '/v1/command/settings', { token: admin.token, body: patrols })).status).toBe(200)
    const patrolled = (await api('GET', '/v1/command/map', { token: leader.token })).body.grids
    expect(patrolled.find((g: { id: string }) => g.id === 'g-daoxiang-3')).toMatchObject({ daysUnpatrolled: 0, grade: 'green' })
    const idle = patrolled.filter((g: { id: string }) => g.id !== 'g-daoxiang-3')
    expect(idle.length).toBeGreaterThan(0)
    expect(
      idle.every(
        (g: { daysUnpatrolled: number; grade: string; reasons: string[] }) =>
          g.daysUnpatrolled === 2 && g.grade === 'yellow' && g.reasons[0] === '2 天无巡查打卡',
      ),
    ).toBe(true)
    expect((await api('PUT', '/v1/command/settings', { token: admin.token, body: rules })).status).toBe(200)
    const reranked = (await api('GET', `/v1/command/rankings?level=grid&month=${month}`, { token: leader.token })).body
    expect(reranked).toMatchObject({ weights: rules.weights, minCases: 7 })
    expect(reranked.units.every((u: { rank?: number }) => u.rank === undefined)).toBe(true)

    const bad = await api('GET', '/v1/command/rankings?level=grid&month=2026-13', { token: leader.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.error.fields)).toContain('月份格式应为 YYYY-MM')
  })
})

describe("the command centre's counters", () => {
  it('sums the counts of many events written at once in one district, each event once, the same event twice counted once', async () => {
    const rates = repos().rates
    const districtId = `cnt${Math.random().toString(36).slice(2, 8)}`
    const day = chinaDate(new Date())
    const now = new Date()
    const grid = (i: number) => ({ level: 'grid' as const, nodeId: `g${i % 7}` })
    // 150 events: more than one transaction's 100 items, so they are written in several turns of marks and sums.
    const change = (i: number) => ({
      day,
      nodes: [{ level: 'district' as const, nodeId: districtId }, grid(i)],
      tally: { received: 1, resolved: i % 2 },
      category: { gridId: grid(i).nodeId, categoryId: `c${i % 3}` },
      gauges: [{ ...grid(i), delta: { open: 1, openOverdue: i % 5 ? 0 : 1 } }],
    })
    const event = (i: number) => ({ districtId, eventId: `e${i}` })
    const first = await Promise.all(Array.from({ length: 150 }, (_, i) => rates.count(event(i), change(i), now)))
    expect(first.every(Boolean)).toBe(true)
    // A replay of 20 of them beside 10 new ones, and one new event asked twice in the same turn.
    const again = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => rates.count(event(i * 7), change(i * 7), now)),
      ...Array.from({ length: 10 }, (_, i) => rates.count(event(150 + i), change(150 + i), now)),
      rates.count(event(160), change(160), now),
      rates.count(event(160), change(160), now),
    ])
    expect(again.filter(Boolean)).toHaveLength(11)
    expect(await rates.count(event(161), { day, nodes: [], gauges: [{ ...grid(1), delta: { open: 0, openOverdue: 0 } }] }, now)).toBe(false)

    const n = 161
    const month = await rates.month(districtId, 'district', day.slice(0, 7))
    expect(month.get(districtId)).toMatchObject({ received: n, resolved: Math.floor(n / 2) })
    const grids = await rates.gauges(districtId, 'grid')
    const expected = (g: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === g)
    expect(grids.get('g3')).toEqual({ open: expected(3).length, openOverdue: expected(3).filter((i) => i % 5 === 0).length })
    const { byCategory, byGrid } = await rates.categoryMonth(districtId, day.slice(0, 7))
    expect([...byCategory.values()].reduce((a, b) => a + b, 0)).toBe(n)
    expect(byGrid.get('g0')?.get('c0')).toBe(expected(0).filter((i) => i % 3 === 0).length)
  })
})
