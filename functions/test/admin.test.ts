/**
 * District administration, its first slice (issue 25): a district's admin creates and changes its departments and the
 * items of its taxonomy; every change is logged with who, when, before and after, in the same write; references are
 * checked against the district's own catalogue (another district's department is unknown); residents see the new
 * item in the categories they report under; nothing of it reaches another district. The file works in a district of
 * its own (the demo districts stay as seeded).
 */
import {
  adminCatalogue,
  adminCategoryPut,
  adminChanges,
  adminDepartmentPut,
  adminStaff,
  submitCase,
  chinaDate,
  listCategories,
  type ErrorBody,
} from '@linli/shared'
import { call, eventually, expectError, login, type Answer } from './support/client'
import { newDistrict } from './support/scenario'
import { workdayDeadline } from '../src/adapters/workdays'

jest.setTimeout(60_000)

const suffix = Math.random().toString(36).slice(2, 8)
const deptId = `dept-adm-${suffix}`
const catId = `cat-adm-${suffix}`
const categoryBody = { classId: 'cls-env', name: `测试绿地养护${suffix}`, order: 9, departmentId: deptId, priority: 'low', slaBand: 'general' } as const

let admin: string
let otherAdmin: string
let resident: string
let district: Awaited<ReturnType<typeof newDistrict>>
beforeAll(async () => {
  district = await newDistrict('admin')
  const [a, r, o] = await Promise.all([district.person('admin', '周管理'), district.person('resident', '王居民'), login('o-demo2-admin')])
  ;[admin, resident, otherAdmin] = [a.token, r.token, o.token]
})

/** The fields an error answer names. */
const fieldsOf = (a: Answer<unknown>) => (a.body as ErrorBody).error.fields

const changesOf = async (token: string, subjectId: string) => {
  const log = await call(adminChanges, { token, query: { date: chinaDate(new Date()), limit: 50 } })
  expect(log.status).toBe(200)
  return log.body.items.filter((c) => c.subjectId === subjectId)
}

describe('district administration', () => {
  it('creates a department and renames it, logging each change with before and after; a PUT that changes nothing logs nothing', async () => {
    const made = await call(adminDepartmentPut, { token: admin, params: { id: deptId }, body: { name: '测试园林科', nodeId: 's-qingshi' } })
    expect(made.status).toBe(200)
    expect(made.body).toEqual({ id: deptId, name: '测试园林科', nodeId: 's-qingshi' })
    const renamed = await call(adminDepartmentPut, { token: admin, params: { id: deptId }, body: { name: '测试园林绿化科', nodeId: 's-qingshi' } })
    expect(renamed.body.name).toBe('测试园林绿化科')
    expect((await call(adminDepartmentPut, { token: admin, params: { id: deptId }, body: { name: '测试园林绿化科', nodeId: 's-qingshi' } })).status).toBe(200)

    const [latest, first, ...more] = await changesOf(admin, deptId)
    expect(more).toEqual([])
    expect(first).toMatchObject({ kind: 'department', userName: '周管理', after: { name: '测试园林科', nodeId: 's-qingshi' } })
    expect(first!.before).toBeUndefined()
    expect(latest).toMatchObject({ before: { name: '测试园林科' }, after: { name: '测试园林绿化科', nodeId: 's-qingshi' } })
    expect(new Date(latest!.at).getTime()).toBeGreaterThanOrEqual(new Date(first!.at).getTime())
  })

  it('adds an item to the taxonomy, dispatched to the new department, which residents then report under', async () => {
    const put = await call(adminCategoryPut, { token: admin, params: { id: catId }, body: categoryBody })
    expect(put.status).toBe(200)
    expect(put.body).toEqual({ id: catId, ...categoryBody })
    const item = await eventually(async () => {
      const { body } = await call(listCategories, { token: resident })
      return body.classes.find((c) => c.id === 'cls-env')?.items.find((i) => i.id === catId)
    })
    expect(item).toMatchObject({ name: categoryBody.name, departmentId: deptId, departmentName: '测试园林绿化科', priority: 'low', slaBand: 'general' })
    // The console reads what it edits fresh: the new item and its department at once, under their class.
    const { body: edited } = await call(adminCatalogue, { token: admin })
    expect(edited.departments).toContainEqual({ id: deptId, name: '测试园林绿化科', nodeId: 's-qingshi' })
    expect(edited.classes.find((c) => c.id === 'cls-env')?.items).toContainEqual({ id: catId, ...categoryBody, autoDispatch: false })
    expect(edited.nodes.find((n) => n.id === 's-qingshi')).toMatchObject({ level: 'street', parentId: edited.district.id, boundary: { type: 'Polygon' } })
    const [change] = await changesOf(admin, catId)
    expect(change).toMatchObject({ kind: 'category', after: categoryBody })
    expect(change).not.toHaveProperty('before')
  })

  it('puts an item on a band counted in working days: residents are told so, and its cases get their deadline from the official calendar', async () => {
    const id = `${catId}-wd`
    const body = { ...categoryBody, name: `测试法定工作日${suffix}`, departmentId: 'dept-urban', slaBand: 'workdays5' as const }
    expect((await call(adminCategoryPut, { token: admin, params: { id }, body })).status).toBe(200)
    const item = await eventually(async () => (await call(listCategories, { token: resident })).body.classes.flatMap((c) => c.items).find((i) => i.id === id))
    expect(item.sla.resolveWorkdays).toBe(5)
    const report = await call(submitCase, {
      token: resident,
      body: { categoryId: id, description: '绿化带的树倒了一棵，挡住了人行道', location: { lat: 30.5051, lng: 114.3052 } },
      headers: { 'idempotency-key': `wd-${suffix}` },
    })
    expect(report.status).toBe(201)
    // The end of the fifth working day after the report (China's calendar, holidays and 调休 counted), not seven days on.
    expect(report.body.deadlines.resolveBy).toBe(workdayDeadline(new Date(report.body.createdAt), 5))
  })

  it('refuses a reference its district lacks, naming the field in Chinese, and writes nothing', async () => {
    const noNode = await call(adminDepartmentPut, { token: admin, params: { id: `${deptId}-x` }, body: { name: '无处部门', nodeId: 's-nowhere' } })
    expectError(noNode, 422, 'admin.unknownReference')
    expect(fieldsOf(noNode)).toEqual([{ path: 'nodeId', message: '本区没有这个街道或网格' }])
    const noClass = await call(adminCategoryPut, { token: admin, params: { id: `${catId}-x` }, body: { ...categoryBody, classId: 'cls-nowhere' } })
    expect(fieldsOf(noClass)?.[0]?.path).toBe('classId')
    // Another district (临溪区) has the same tree ids, but not the department just made here: to its admin it does not exist.
    const foreign = await call(adminCategoryPut, { token: otherAdmin, params: { id: catId }, body: categoryBody })
    expectError(foreign, 422, 'admin.unknownReference')
    expect(fieldsOf(foreign)).toEqual([{ path: 'departmentId', message: '本区没有这个部门' }])
    const bad = await call(adminDepartmentPut, { token: admin, params: { id: deptId }, body: { name: '  ', nodeId: 's-qingshi' } as never })
    expectError(bad, 400, 'request.invalid')
    expect(fieldsOf(bad)?.[0]).toEqual({ path: 'name', message: '请填写名称' })

    expect(await changesOf(admin, `${deptId}-x`)).toEqual([])
    expect(await changesOf(admin, `${catId}-x`)).toEqual([])
    expect(await changesOf(otherAdmin, catId)).toEqual([])
    expect((await changesOf(admin, deptId)).map((c) => c.after.name)).toEqual(['测试园林绿化科', '测试园林科'])
  })

  it('lists the staff of a role in a scope, phones masked, page by page', async () => {
    await district.person('official', '赵水务', 'dept-water')
    await district.person('official', '钱水务', 'dept-water')
    const first = await call(adminStaff, { token: admin, query: { role: 'official', scopeId: 'dept-water', limit: 1 } })
    expect(first.body.scope).toEqual({ id: 'dept-water', name: '区水务局' })
    expect(first.body.items).toHaveLength(1)
    const second = await call(adminStaff, { token: admin, query: { role: 'official', scopeId: 'dept-water', limit: 1, cursor: first.body.nextCursor } })
    const staff = [...first.body.items, ...second.body.items]
    expect(staff.map((p) => p.name).sort()).toEqual(['赵水务', '钱水务'].sort())
    expect(staff.map((p) => p.phone)).toEqual(['139****9900', '139****9900'])
    // The demo district has officials in its own dept-water; none of them is this district's.
    expect(
      (await call(adminStaff, { token: otherAdmin, query: { role: 'official', scopeId: 'dept-water', limit: 50 } })).body.items.map((p) => p.name),
    ).not.toContain('赵水务')
    const unknown = await call(adminStaff, { token: admin, query: { role: 'official', scopeId: 'dept-nowhere' } })
    expectError(unknown, 422, 'admin.unknownReference')
    expect(fieldsOf(unknown)).toEqual([{ path: 'scopeId', message: '本区没有这个网格、街道、部门或说事室' }])
  })

  it("is the district admins' alone", async () => {
    expectError(await call(adminDepartmentPut, { token: resident, params: { id: deptId }, body: { name: '越权', nodeId: 's-qingshi' } }), 403, 'auth.forbidden')
    expectError(await call(adminChanges, { token: resident, query: { date: chinaDate(new Date()) } }), 403, 'auth.forbidden')
    expectError(await call(adminCatalogue, { token: resident }), 403, 'auth.forbidden')
    expectError(await call(adminStaff, { token: resident, query: { role: 'official', scopeId: 'dept-water' } }), 403, 'auth.forbidden')
  })
})
