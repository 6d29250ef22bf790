/**
 * The district's reference data as its admins edit it (DESIGN.md §3 "Administration"): departments and the taxonomy's
 * items, each change logged with its before and after. Every reference is checked against the district's own
 * catalogue (another district's node, class or department is unknown here), and an edit that changes nothing writes
 * nothing.
 */
import { DomainError, type RouteBody, type adminCategoryPut, type adminDepartmentPut } from '@linli/shared'
import { isDeepStrictEqual } from 'node:util'
import type { Caller } from '../identity/ports'
import type { Catalogue, CatalogueNeed } from '../district/ports'
import { decodeCursor, encodeCursor } from '../cursor'
import type { AdminDeps, Edited } from './ports'

const unknown = (path: string, message: string) => new DomainError('admin.unknownReference', [{ path, message }])

/** The district's catalogue, reloaded when a cached copy lacks what the edit names (made a moment ago, in another container). */
const catalogueHaving = (deps: AdminDeps, caller: Caller, need: CatalogueNeed): Promise<Catalogue> => deps.catalogue(caller.user.districtId, need)

async function record<K extends 'department' | 'category'>(deps: AdminDeps, caller: Caller, kind: K, id: string, after: Edited<K>) {
  const districtId = caller.user.districtId
  const before = await deps.repos.admin.current(districtId, kind, id)
  if (!isDeepStrictEqual(before, after))
    await deps.repos.admin.apply({
      districtId,
      at: deps.clock().toISOString(),
      userId: caller.user.id,
      userName: caller.user.name,
      kind,
      subjectId: id,
      before,
      after,
    })
  return { id, ...after }
}

/** Creates or changes a department: it serves from a node of the district's tree. */
export async function putDepartment(deps: AdminDeps, caller: Caller, id: string, body: RouteBody<typeof adminDepartmentPut>) {
  const c = await catalogueHaving(deps, caller, (c) => c.nodes.some((n) => n.id === body.nodeId))
  if (!c.nodes.some((n) => n.id === body.nodeId)) throw unknown('nodeId', '本区没有这个街道或网格')
  return record(deps, caller, 'department', id, { name: body.name, nodeId: body.nodeId })
}

/** Creates or changes an item of the taxonomy: under a class of the district, dispatched by default to one of its departments. */
export async function putCategory(deps: AdminDeps, caller: Caller, id: string, body: RouteBody<typeof adminCategoryPut>) {
  const has = (c: Catalogue) => ({ cls: c.classes.some((x) => x.id === body.classId), dept: c.departments.some((x) => x.id === body.departmentId) })
  const c = await catalogueHaving(deps, caller, (c) => has(c).cls && has(c).dept)
  if (!has(c).cls) throw unknown('classId', '本区没有这个事件大类')
  if (!has(c).dept) throw unknown('departmentId', '本区没有这个部门')
  const { autoDispatch, ...rest } = body
  return record(deps, caller, 'category', id, { ...rest, ...(autoDispatch === undefined ? {} : { autoDispatch }) })
}

/** What the console edits, read from the table (an edit just made shows at once, whatever the containers' caches hold). */
export async function catalogueView(deps: AdminDeps, caller: Caller) {
  const c = await deps.repos.catalogue.load(caller.user.districtId)
  if (!c) throw new Error(`district ${caller.user.districtId} has no catalogue`)
  const byOrder = <T extends { order: number }>(xs: T[]) => [...xs].sort((a, b) => a.order - b.order)
  return {
    district: { id: c.district.id, name: c.district.name },
    nodes: c.nodes.map(({ id, name, level, parentId, boundary }) => ({ id, name, level, parentId, boundary })),
    departments: c.departments.map(({ id, name, nodeId }) => ({ id, name, nodeId })),
    rooms: c.rooms.map(({ id, name }) => ({ id, name })),
    classes: byOrder(c.classes).map((k) => ({
      id: k.id,
      name: k.name,
      items: byOrder(c.categories.filter((i) => i.classId === k.id)).map(({ id, classId, name, order, departmentId, priority, slaBand, autoDispatch }) => ({
        id,
        classId,
        name,
        order,
        departmentId,
        priority,
        slaBand,
        autoDispatch: autoDispatch ?? false,
      })),
    })),
  }
}

/** A day of the change log (China date), newest first. */
export async function changesPage(deps: AdminDeps, caller: Caller, q: { date: string; cursor?: string; limit: number }) {
  const list = `changes:${q.date}`
  const page = await deps.repos.admin.changes(caller.user.districtId, q.date, q.limit, decodeCursor(deps.cursorSecret, list, q.cursor))
  return { items: page.items.map(({ districtId: _d, ...change }) => change), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}
