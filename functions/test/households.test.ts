/**
 * The household roster over HTTP: its staff's CRUD, the masked view of an overseer, nobody else's at all; the audit
 * record of every unmasked read; sealed fields at rest; the due-to-visit list and a visit moving it.
 */
import { chinaDate } from '@linli/shared'
import ExcelJS from 'exceljs'
import { api, cloud, expectError, login, newGridLeader, newGridworker, repos, uniqueOpenid, uploadFile } from './support/client'

jest.setTimeout(60_000)

// 桂香社区第一网格: 114.30–114.31 E, 30.515–30.530 N.
const GRID = 'g-guixiang-1'
const INSIDE = { lat: 30.52, lng: 114.305, accuracy: 12 }
let doors = 300
/** A household at a door of its own (a door is registered once), unless the test names one. */
const body = (over: Record<string, unknown> = {}) => ({
  gridId: GRID,
  building: '3',
  unit: '2',
  room: String(++doors),
  headName: '王秀兰',
  members: 1,
  phone: '13912345678',
  careTags: ['elderly_alone'],
  notes: '腿脚不便，独居',
  ...over,
})

let worker: { token: string; user: { id: string; name: string } }
beforeAll(async () => {
  worker = await newGridworker(GRID)
})

describe('the household roster', () => {
  it("lets the grid's gridworker register, read, change and remove a household, the personal fields sealed at rest", async () => {
    const made = await api('POST', '/v1/households', { token: worker.token, body: body() })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      gridId: GRID,
      address: `3栋2单元${doors}室`,
      headName: '王秀兰',
      phone: '13912345678',
      careTags: ['elderly_alone'],
      notes: '腿脚不便，独居',
      masked: false,
      version: 1,
    })
    // Never visited: due a week after its entry.
    expect(Date.parse(made.body.nextDueAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000)

    const stored = await repos().households.get('linjiang', made.body.id)
    expect(JSON.stringify(stored)).not.toMatch(/13912345678|elderly_alone|building|独居/)

    const door = { building: '3', unit: '2', room: made.body.room }
    const changed = await api('PUT', `/v1/households/${made.body.id}`, {
      token: worker.token,
      body: { ...body({ ...door, phone: '13700001111', careTags: ['low_income'] }), gridId: undefined, version: 1 },
    })
    expect(changed.body).toMatchObject({ phone: '13700001111', careTags: ['low_income'], version: 2 })
    expectError(
      await api('PUT', `/v1/households/${made.body.id}`, { token: worker.token, body: { ...body(door), gridId: undefined, version: 1 } }),
      409,
      'household.conflict',
    )
    expectError(await api('POST', '/v1/households', { token: worker.token, body: body(door) }), 409, 'household.exists')
    expect((await api('DELETE', `/v1/households/${made.body.id}`, { token: worker.token })).status).toBe(200)
    expectError(await api('GET', `/v1/households/${made.body.id}`, { token: worker.token }), 404, 'household.notFound')
  })

  it('moves a household to another door under the new door’s id; refuses while a resident is linked to the old one', async () => {
    const made = (await api('POST', '/v1/households', { token: worker.token, body: body() })).body
    const edit = (id: string, over: Record<string, unknown>, version: number) =>
      api('PUT', `/v1/households/${id}`, { token: worker.token, body: { ...body({ room: made.room, ...over }), gridId: undefined, version } })
    // A resident asks for the new door before it is on the roster.
    const resident = await login(uniqueOpenid('mover'))
    const newRoom = String(++doors)
    await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: GRID, building: '3', unit: '2', room: newRoom } })

    const moved = await edit(made.id, { room: newRoom }, 1)
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ room: newRoom, headName: '王秀兰', version: 2 })
    expect(moved.body.id).not.toBe(made.id)
    expectError(await api('GET', `/v1/households/${made.id}`, { token: worker.token }), 404, 'household.notFound')
    // The old door is free again; the new one is taken.
    expect((await api('POST', '/v1/households', { token: worker.token, body: body({ room: made.room }) })).status).toBe(201)
    expectError(await edit(moved.body.id, { room: made.room }, 2), 409, 'household.exists')

    // Linked to the new door, the household keeps it.
    expect((await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: worker.token, body: { approve: true } })).body.status).toBe('linked')
    const refused = await edit(moved.body.id, { room: String(++doors) }, 2)
    expectError(refused, 409, 'household.linked')
    expect(refused.body.error.fields[0].path).toBe('room')
    expect((await api('GET', `/v1/households/${moved.body.id}`, { token: worker.token })).body).toMatchObject({ room: newRoom, version: 2 })
    // Other fields change in place as before.
    expect((await edit(moved.body.id, { room: newRoom, members: 3 }, 2)).body).toMatchObject({ id: moved.body.id, members: 3, version: 3 })
  })

  it('shows the roster masked to the district admin, and not at all to a resident or another grid', async () => {
    const { id } = (await api('POST', '/v1/households', { token: worker.token, body: body({ headName: '赵大勇' }) })).body
    const admin = await login('o-demo-admin')
    const masked = await api('GET', `/v1/households/${id}`, { token: admin.token })
    expect(masked.body).toMatchObject({ address: '3栋****', headName: '赵**', phone: '139****5678', careTags: [], notes: '', masked: true })
    expect(masked.body.building).toBeUndefined()
    // Nothing that betrays a care tag: no visit dates, and no list filtered by tag or by due date.
    expect(masked.body.lastVisitAt).toBeUndefined()
    expect(masked.body.nextDueAt).toBeUndefined()
    const byTag = await api('GET', `/v1/households?gridId=${GRID}&tag=disabled`, { token: admin.token })
    expectError(byTag, 403, 'auth.forbidden')
    expect(byTag.body.error.fields[0].path).toBe('tag')
    expectError(await api('GET', `/v1/households?gridId=${GRID}&due=1`, { token: admin.token }), 403, 'auth.forbidden')
    // What the admin may know of the tags: how many households carry each, on the roster's first page — the same
    // counts the grid's own staff would find by filtering.
    const roster = (await api('GET', `/v1/households?gridId=${GRID}&limit=5`, { token: admin.token })).body
    const counted = async (tag: string) => {
      const ids: string[] = []
      let cursor: string | undefined
      do {
        const page = (await api('GET', `/v1/households?gridId=${GRID}&tag=${tag}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token: worker.token })).body
        ids.push(...page.items.map((h: { id: string }) => h.id))
        cursor = page.nextCursor
      } while (cursor)
      return ids.length
    }
    expect(roster.tagCounts.elderly_alone).toBe(await counted('elderly_alone'))
    expect(roster.tagCounts.elderly_alone).toBeGreaterThan(0)
    expect(Object.keys(roster.tagCounts).sort()).toEqual(['disabled', 'elderly_alone', 'key_attention', 'left_behind_child', 'low_income'])
    expect((await api('GET', `/v1/households?gridId=${GRID}`, { token: worker.token })).body.tagCounts).toBeUndefined()
    const all = await api('GET', `/v1/households?gridId=${GRID}`, { token: admin.token })
    expect(all.status).toBe(200)
    expect(all.body.items.every((h: { masked: boolean; nextDueAt?: string; careTags: string[] }) => h.masked && !h.nextDueAt && !h.careTags.length)).toBe(true)
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
    expect(reads.find((e: any) => e.userId === leader.user.id)).toMatchObject({
      subject: 'household',
      fields: ['address', 'phone', 'careTags', 'notes'],
      route: 'GET /v1/households/{id}',
    })
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

    const visit = await api('POST', '/v1/checkins', {
      token: w.token,
      body: { kind: 'visit', householdId: a, location: { ...INSIDE, lng: 114.325 }, note: '老人身体尚可，家中煤气灶老化，已提醒更换' },
    })
    expect(visit.status).toBe(201)
    expect(visit.body).toMatchObject({ kind: 'visit', householdId: a, gridId: grid })
    const after = await api('GET', `/v1/households?gridId=${grid}&due=1`, { token: w.token })
    expect(after.body.items.map((h: any) => h.id)).toEqual([b])
    const visited = await api('GET', `/v1/households/${a}`, { token: w.token })
    expect(visited.body.lastVisitAt).toBe(visit.body.capturedAt)
    expect(Date.parse(visited.body.nextDueAt) - Date.parse(visit.body.capturedAt)).toBe(7 * 86_400_000)
    // A visit to another grid's household is refused as unknown.
    expectError(
      await api('POST', '/v1/checkins', { token: worker.token, body: { kind: 'visit', householdId: a, location: INSIDE } }),
      404,
      'household.notFound',
    )

    // 走访覆盖 for the grid's leader: a visit to a household not yet due counts as a visit, not a due one.
    await api('POST', '/v1/checkins', {
      token: w.token,
      body: { kind: 'visit', householdId: c, location: { ...INSIDE, lng: 114.325 }, note: '孩子学习正常，奶奶身体好' },
    })
    const leader = await newGridLeader(grid)
    const month = chinaDate(new Date()).slice(0, 7)
    const coverage = await api('GET', `/v1/reports/visits?gridId=${grid}&month=${month}`, { token: leader.token })
    expect(coverage.status).toBe(200)
    expect(coverage.body).toMatchObject({ gridId: grid, month, overdueNow: 1, people: [{ userId: w.user.id, visits: 2, dueVisits: 1 }] })
    expectError(await api('GET', `/v1/reports/visits?gridId=${grid}&month=${month}`, { token: w.token }), 403, 'auth.forbidden')
  })

  describe('import and export', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    const columns = ['楼栋', '单元', '门牌号', '户主姓名', '人口数', '联系电话', '关爱标签', '备注']
    async function xlsx(rows: (string | number)[][]) {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('台账')
      sheet.addRow(columns)
      for (const r of rows) sheet.addRow(r)
      return new Uint8Array(await book.xlsx.writeBuffer())
    }

    it('refuses a sheet with bad rows, saying which rows and why, and writes none of it', async () => {
      const w = await newGridworker('g-donghu-2')
      const file = await xlsx([
        ['1', '1', '101', '甲一', 2, '13900001111', '独居老人', ''],
        ['1', '1', '102', '', 2, '', '', ''],
        ['1', '1', '103', '甲三', 2, '12345', '孤寡', ''],
        ['1', '1', '101', '甲四', 1, '', '', ''],
      ])
      const res = await api('POST', '/v1/households/import', { token: w.token, body: { gridId: 'g-donghu-2', fileKey: await uploadFile(w.token, file, XLSX) } })
      expectError(res, 422, 'household.importInvalid')
      const fields = res.body.error.fields as { path: string; message: string }[]
      expect(fields.map((f) => f.path)).toEqual(['rows.3.headName', 'rows.4.phone', 'rows.4.careTags', 'rows.5.room'])
      expect(fields[0]!.message).toBe('第 3 行「户主姓名」：请填写户主姓名')
      expect(fields[3]!.message).toContain('与第 2 行是同一户')
      expect((await api('GET', '/v1/households?gridId=g-donghu-2', { token: w.token })).body.items).toHaveLength(0)
    })

    it('judges a file’s size on the bytes it reads: a 3 MB CSV is refused in words, nothing written', async () => {
      const w = await newGridworker('g-donghu-2')
      const csv = Buffer.from('楼栋,门牌号,户主姓名,人口数\n' + '1,101,甲,1\n'.repeat(300_000))
      expect(csv.length).toBeGreaterThan(3 * 1024 * 1024)
      const res = await api('POST', '/v1/households/import', {
        token: w.token,
        body: { gridId: 'g-donghu-2', fileKey: await uploadFile(w.token, csv, 'text/csv') },
      })
      expectError(res, 400, 'upload.invalid')
      expect(res.body.error.fields).toEqual([{ path: 'fileKey', message: '文件不能超过 2 MB' }])
      expect((await api('GET', '/v1/households?gridId=g-donghu-2', { token: w.token })).body.items).toHaveLength(0)
    })

    it('imports an Excel sheet and a CSV, exports the roster and imports the export into another grid unchanged', async () => {
      const w = await newGridworker('g-daoxiang-1')
      const rows = Array.from({ length: 30 }, (_, i) => [
        String(1 + Math.floor(i / 10)),
        '2',
        String(101 + (i % 10)),
        `住户${i + 1}`,
        1 + (i % 4),
        `1390000${String(3000 + i)}`,
        i % 3 === 0 ? '独居老人、低保' : '',
        i % 5 === 0 ? '需关注用电安全' : '',
      ])
      const imported = await api('POST', '/v1/households/import', {
        token: w.token,
        body: { gridId: 'g-daoxiang-1', fileKey: await uploadFile(w.token, await xlsx(rows), XLSX) },
      })
      expect(imported.status).toBe(201)
      expect(imported.body.imported).toBe(30)
      const csv = `${columns.join(',')}\n9,1,901,"钱,多多",3,,重点关注,\n`
      const fromCsv = await api('POST', '/v1/households/import', {
        token: w.token,
        body: { gridId: 'g-daoxiang-1', fileKey: await uploadFile(w.token, Buffer.from(csv), 'text/csv') },
      })
      expect(fromCsv.body.imported).toBe(1)
      // The same door again is refused, by hand or by file.
      expectError(
        await api('POST', '/v1/households', { token: w.token, body: body({ gridId: 'g-daoxiang-1', building: '9', unit: '1', room: '901' }) }),
        409,
        'household.exists',
      )

      const exported = await fetch(`${cloud().urls.api}/v1/households/export?gridId=g-daoxiang-1`, { headers: { authorization: `Bearer ${w.token}` } })
      expect(exported.status).toBe(200)
      expect(exported.headers.get('content-type')).toBe(XLSX)
      const bytes = new Uint8Array(await exported.arrayBuffer())
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      expect(sheet.rowCount).toBe(32)
      const cells = (n: number) => Array.from({ length: 9 }, (_, i) => sheet.getRow(n).getCell(i + 1).text)
      const byName = new Map(Array.from({ length: 31 }, (_, i) => cells(i + 2)).map((r) => [r[3], r]))
      expect(byName.get('住户1')!.slice(0, 8)).toEqual(['1', '2', '101', '住户1', '1', '13900003000', '独居老人、低保', '需关注用电安全'])
      expect(byName.get('钱,多多')!.slice(0, 7)).toEqual(['9', '1', '901', '钱,多多', '3', '', '重点关注'])

      // The export imports as it is into another grid, and exports the same households again.
      const other = await newGridworker('g-daoxiang-2')
      const again = await api('POST', '/v1/households/import', {
        token: other.token,
        body: { gridId: 'g-daoxiang-2', fileKey: await uploadFile(other.token, bytes, XLSX) },
      })
      expect(again.body.imported).toBe(31)
      const roster = await api('GET', '/v1/households?gridId=g-daoxiang-2&limit=50', { token: other.token })
      const first = roster.body.items.find((h: any) => h.headName === '住户1')
      expect(first).toMatchObject({ address: '1栋2单元101室', phone: '13900003000', careTags: ['elderly_alone', 'low_income'], notes: '需关注用电安全' })
      expect(roster.body.items.filter((h: any) => h.careTags.length)).toHaveLength(11)
    })
  })
})
