/** Firing lifecycle events: check who and when against the table, compute the next case, write it in one go. */
import { AUTO_CONFIRM_HOURS, caseStatusLabels, DomainError, transitions, type Actor, type CaseDetail, type CaseEvent, type CaseEventType } from '@linli/shared'
import type { CaseRecord, Caller, NoticeRecord, TimelineRecord } from '../model'
import { actorsFor, listKeysOf } from './case-access'
import { detailView, loadVisible } from './case-read'
import type { Deps } from './deps'
import { noticesFor } from './notices'
import { verifyPhotos } from './uploads'

type Loaded = Awaited<ReturnType<typeof loadVisible>>
interface Change {
  next: Partial<CaseRecord>
  note?: string
  rating?: number
  photoKeys?: string[]
}

export async function fireEvent(deps: Deps, caller: Caller, caseId: string, event: CaseEvent): Promise<CaseDetail> {
  const loaded = await loadVisible(deps, caller, caseId)
  const actors = actorsFor(caller, loaded.record)
  const t = transitions[event.type]
  if (!t.who.some((a: Actor) => actors.has(a))) throw new DomainError('auth.forbidden', [{ path: 'type', message: `你不能对该事件执行“${t.label}”` }])
  checkState(loaded.record, event.type)
  if (event.version !== undefined && event.version !== loaded.record.version) throw new DomainError('case.conflict')
  const change = await changeFor(deps, caller, loaded.record, event)
  const after = await apply(deps, loaded, event.type, change, { id: caller.user.id, name: caller.user.name })
  return detailView(deps, caller, after.record, after.timeline, loaded.followers)
}

/** Shared by people and the scheduled jobs (actor `system`). */
async function apply(deps: Deps, loaded: Loaded, type: CaseEventType, change: Change, actor: { id: string; name: string }) {
  const t = transitions[type]
  checkState(loaded.record, type)
  const item = { type, actorId: actor.id, actorName: actor.name, note: change.note, rating: change.rating, photoKeys: change.photoKeys ?? [] }
  return commit(deps, loaded, loaded.followers, { ...change.next, status: t.to }, item, (record) => noticesFor(deps, record, type, t.notify, loaded.followers, change.note))
}

/** Writes the next version of a case with one timeline item in one transaction; losing a race is a 409. */
async function commit(
  deps: Deps,
  loaded: Pick<Loaded, 'record' | 'timeline'>,
  followers: Loaded['followers'],
  changes: Partial<CaseRecord>,
  item: Omit<TimelineRecord, 'eventId' | 'at'>,
  notices: (record: CaseRecord) => NoticeRecord[] = () => [],
  follower?: Loaded['followers'][number],
) {
  const before = loaded.record
  const now = deps.clock().toISOString()
  const draft = { ...before, ...changes, version: before.version + 1, updatedAt: now }
  const record: CaseRecord = { ...draft, ...listKeysOf(draft, followers) }
  const entry: TimelineRecord = { eventId: `${now}#${deps.newId().slice(0, 8)}`, at: now, ...item }
  if (!(await deps.repos.cases.transition(before, record, entry, notices(record), follower))) throw new DomainError('case.conflict')
  return { record, timeline: [...loaded.timeline, entry] }
}

function checkState(c: CaseRecord, type: CaseEventType) {
  const t = transitions[type]
  if (!(t.from as readonly string[]).includes(c.status)) {
    throw new DomainError('case.invalidTransition', [{ path: 'type', message: `事件当前为“${caseStatusLabels[c.status]}”，不能${t.label}` }])
  }
}

async function changeFor(deps: Deps, caller: Caller, c: CaseRecord, e: CaseEvent): Promise<Change> {
  switch (e.type) {
    case 'accept':
    case 'start':
      return { next: {} }
    case 'reject':
    case 'withdraw':
      return { next: {}, note: e.reason }
    case 'return':
      return { next: { assigneeIds: [], assigneeNames: [] }, note: e.reason }
    case 'reopen':
      return { next: { reopenCount: c.reopenCount + 1 }, note: e.reason }
    case 'confirm':
      return { next: { rating: e.rating }, rating: e.rating, note: e.comment }
    case 'resolve':
      await verifyPhotos(deps, caller, e.photoKeys, 'photoKeys')
      return { next: {}, note: e.result, photoKeys: e.photoKeys }
    case 'dispatch':
      return dispatchChange(deps, c, e)
    case 'escalate': {
      const { nodes } = await deps.catalogue(c.districtId)
      const parent = nodes.find((n) => n.id === c.levelNodeId)?.parentId
      if (!parent) throw new DomainError('case.invalidTransition', [{ path: 'type', message: '已是最高层级，无法再上报' }])
      return { next: { levelNodeId: parent, assigneeIds: [], assigneeNames: [] }, note: e.reason }
    }
  }
}

async function dispatchChange(deps: Deps, c: CaseRecord, e: Extract<CaseEvent, { type: 'dispatch' }>): Promise<Change> {
  const { departments } = await deps.catalogue(c.districtId)
  const department = departments.find((d) => d.id === e.departmentId)
  if (!department) throw new DomainError('department.notFound', [{ path: 'departmentId', message: '部门不存在' }])
  const staff = await deps.repos.users.holders(e.departmentId, 'official')
  const chosen = e.officialIds ? e.officialIds.map((id) => staff.find((s) => s.userId === id)) : staff
  const missing = chosen.findIndex((s) => !s)
  if (missing >= 0) throw new DomainError('official.notFound', [{ path: `officialIds.${missing}`, message: `所选人员不是${department.name}的工作人员` }])
  if (!chosen.length) throw new DomainError('official.notFound', [{ path: 'departmentId', message: `${department.name}暂无可派单的工作人员` }])
  if (e.deadline && e.deadline <= deps.clock().toISOString()) throw new DomainError('request.invalid', [{ path: 'deadline', message: '处置期限必须晚于现在' }])
  const assignees = chosen as { userId: string; name: string }[]
  return {
    next: { departmentId: department.id, assigneeIds: assignees.map((a) => a.userId), assigneeNames: assignees.map((a) => a.name), ...(e.deadline ? { resolveBy: new Date(e.deadline).toISOString() } : {}) },
    note: `派至${department.name}：${assignees.map((a) => a.name).join('、')}`,
  }
}

/** "Me too": the caller follows an open case of the district and hears of its progress, instead of filing again. */
export async function followCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseDetail> {
  const found = await deps.repos.cases.detail(caseId)
  if (!found || found.record.districtId !== caller.user.districtId || ['rejected', 'withdrawn', 'closed'].includes(found.record.status)) {
    throw new DomainError('case.notFound', [{ path: 'id', message: '事件不存在或已办结' }])
  }
  const { record: before, followers } = found
  if (before.reporterId === caller.user.id || followers.some((f) => f.id === caller.user.id)) throw new DomainError('case.alreadyFollowing')
  const me = { id: caller.user.id, name: caller.user.name }
  const all = [...followers, me]
  const after = await commit(deps, found, all, {}, { type: 'follow', actorId: me.id, actorName: '又一位居民反映此问题', photoKeys: [] }, undefined, me)
  return detailView(deps, caller, after.record, after.timeline, all)
}

/** The scheduled job: resolved cases nobody rated within 72 h are confirmed by the system. Returns the case ids. */
export async function autoConfirm(deps: Deps, districtId: string): Promise<string[]> {
  const cutoff = new Date(deps.clock().getTime() - AUTO_CONFIRM_HOURS * 3600_000).toISOString()
  const closed: string[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await deps.repos.cases.byStatus(districtId, 'resolved', 50, startKey, cutoff)
    for (const s of page.items) {
      const loaded = await deps.repos.cases.detail(s.caseId)
      if (!loaded || loaded.record.status !== 'resolved' || loaded.record.updatedAt > cutoff) continue
      try {
        await apply(deps, loaded, 'confirm', { next: {}, note: `${AUTO_CONFIRM_HOURS} 小时未评价，系统自动办结` }, { id: 'system', name: '系统' })
        closed.push(s.caseId)
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'case.conflict')) throw err
      }
    }
    startKey = page.lastKey
  } while (startKey)
  return closed
}
