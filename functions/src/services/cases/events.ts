/** Firing lifecycle events: check who and when against the table, compute the next case, write it in one go. */
import {
  AUTO_CONFIRM_HOURS,
  caseEventLabels,
  chinaTime,
  clockDue,
  clockStageLabels,
  clockStep,
  extensionProblem,
  nextClock,
  caseLifecycle,
  caseStatusLabels,
  DomainError,
  openStatuses,
  permits,
  type CaseDetail,
  type CaseEvent,
} from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { CaseRecord, CasesDeps, CaseTask, TimelineRecord } from './ports'
import { keepPhotos } from '../uploads/uploads'
import { enforce, type Limit } from '../identity/limits'
import { canView, eventActors, taskOf } from './access'
import { caseEvent } from './outbox'
import { checkTexts } from '../moderation/content'
import { askMediaChecks } from '../moderation/media'
import { detailView, isFindable, loadVisible } from './read'

type CaseRow = (typeof caseLifecycle.rows)[number]
type Loaded = { record: CaseRecord; timeline: TimelineRecord[] }
interface Change {
  /** What the event changes; an `sla` here replaces the clock (a mark, an extension) instead of the row's start/stop. */
  next: Partial<CaseRecord>
  note?: string
  rating?: number
  photoKeys?: string[]
  /** The resolve deadline a dispatcher set on dispatch. */
  resolveBy?: string
}

/** 举报 one resident may file in a day: enough for what they meet, too few to flood the dispatchers. */
const REPORT_LIMIT: Limit = { name: 'cases.report', label: '举报', day: 20, code: 'case.reportLimited' }

/** When the clock must look at a case next: its running stage at 80 % and 100 %; a resolved case nobody rates, after 72 hours. */
export const dueOf = (c: Pick<CaseRecord, 'status' | 'updatedAt' | 'sla'>) =>
  c.status === 'resolved' ? new Date(new Date(c.updatedAt).getTime() + AUTO_CONFIRM_HOURS * 3600_000).toISOString() : clockDue(c.sla)

const stageDeadline = { accept: 'acceptBy', dispatch: 'dispatchBy', resolve: 'resolveBy' } as const

export async function fireEvent(deps: CasesDeps, caller: Caller, caseId: string, event: CaseEvent): Promise<CaseDetail> {
  // A neighbour may report a case they met nearby without following it.
  const loaded = await loadVisible(deps, caller, caseId, { findable: event.type === 'report' })
  const actors = eventActors(caller, loaded.record)
  const verdict = caseLifecycle.verdict(loaded.record.status, event.type, actors)
  if (verdict === 'forbidden') throw new DomainError('auth.forbidden', [{ path: 'type', message: `你不能对该事件执行“${caseEventLabels[event.type]}”` }])
  if (verdict === 'invalidState') {
    throw new DomainError('case.invalidTransition', [
      { path: 'type', message: `事件当前为“${caseStatusLabels[loaded.record.status]}”，不能${caseEventLabels[event.type]}` },
    ])
  }
  if (event.version !== undefined && event.version !== loaded.record.version) throw new DomainError('case.conflict')
  // A resolved case whose handlers all left since (their roles taken back) reopens to the dispatchers, not to nobody.
  const door = event.type === 'reopen' && !loaded.record.assigneeIds.length ? 'unheld' : undefined
  const row = caseLifecycle.row(loaded.record.status, event.type, actors, door)!
  const [change, flagged] = await Promise.all([changeFor(deps, caller, loaded.record, event), checkTexts(deps, caller, eventTexts(event))])
  if (flagged) change.next.flagged = true
  const after = await apply(deps, loaded, row, change, { id: caller.user.id, name: caller.user.name })
  await askMediaChecks(deps, caller, after.record.districtId, { kind: 'case', id: after.record.caseId }, change.photoKeys ?? [])
  return detailView(deps, caller, after.record, after.timeline, loaded.following)
}

/**
 * Writes the next version of a case: its timeline item (from → to) and one outbox event, in one bounded transaction.
 * Shared by people and the scheduled jobs (actor `system`); losing a race is a 409.
 */
export async function apply(deps: CasesDeps, loaded: Loaded, row: CaseRow, change: Change, actor: { id: string; name: string }) {
  const before = loaded.record
  const at = deps.clock()
  const now = at.toISOString()
  const to = row.to as CaseRecord['status']
  const sla = 'sla' in change.next ? change.next.sla : nextClock(before.slaBand, before.sla, row.clock, at, change.resolveBy, deps.workdays)
  // A stage that (re)started shows its deadline where the case's deadlines are read.
  const startedNow = !!sla && sla !== before.sla && sla.startedAt === now
  const started = startedNow ? { [stageDeadline[sla.stage]]: sla.deadline } : {}
  const late = row.door === 'clock' ? row.event === 'escalate' || before.late : startedNow ? undefined : before.late
  const draft: CaseRecord = {
    ...before,
    ...change.next,
    ...started,
    sla,
    late,
    status: to,
    version: before.version + 1,
    updatedAt: now,
    resolvedBy: to === 'resolved' ? actor.id : undefined,
  }
  const record: CaseRecord = { ...draft, dueAt: dueOf(draft) }
  const item: TimelineRecord = {
    eventId: `${now}#${deps.newId().slice(0, 8)}`,
    at: now,
    type: row.event,
    from: before.status,
    to,
    actorId: actor.id,
    actorName: actor.name,
    note: change.note,
    rating: change.rating,
    photoKeys: change.photoKeys ?? [],
    // The timeline records each deadline set (a stage started, an extension approved), warned of and missed.
    deadline: sla && sla !== before.sla ? sla.deadline : undefined,
  }
  const event = caseEvent(deps, before, record, row.event, row.notify ?? [], change.note, { byClock: row.door === 'clock' })
  if (!(await deps.repos.cases.transition(before, record, item, event))) throw new DomainError('case.conflict')
  return { record, timeline: [...loaded.timeline, item] }
}

/** The free text an event carries, which others (the reporter, staff, followers) will read. */
function eventTexts(e: CaseEvent) {
  if ('reason' in e) return [{ path: 'reason', text: e.reason, label: '原因' }]
  if ('note' in e) return [{ path: 'note', text: e.note, label: e.type === 'supervise' ? '督办意见' : '办理情况' }]
  if (e.type === 'resolve') return [{ path: 'result', text: e.result, label: '处置结果' }]
  if (e.type === 'confirm') return [{ path: 'comment', text: e.comment, label: '评价' }]
  return []
}

async function changeFor(deps: CasesDeps, caller: Caller, c: CaseRecord, e: CaseEvent): Promise<Change> {
  switch (e.type) {
    case 'accept':
    case 'start':
      return { next: {} }
    case 'reject':
    case 'withdraw':
      return { next: {}, note: e.reason }
    case 'return':
      return { next: unassigned, note: e.reason }
    case 'reopen':
      return { next: { reopenCount: c.reopenCount + 1 }, note: e.reason }
    case 'confirm':
      return { next: { rating: e.rating }, rating: e.rating, note: e.comment }
    case 'resolve': {
      const waiting = (c.tasks ?? []).filter((t) => t.status !== 'done')
      if (waiting.length)
        throw new DomainError('case.invalidTransition', [{ path: 'type', message: `联办部门尚未办结：${waiting.map((t) => t.departmentName).join('、')}` }])
      return { next: {}, note: e.result, photoKeys: await keepPhotos(deps, caller, e.photoKeys, 'photoKeys') }
    }
    case 'start_task':
    case 'finish_task': {
      const task = taskOf(caller, c)
      if (!task || task.departmentId !== e.departmentId)
        throw new DomainError('auth.forbidden', [{ path: 'departmentId', message: '你不是该联办部门的工作人员' }])
      if (task.status === 'done' || (e.type === 'start_task' && task.status === 'started')) {
        throw new DomainError('case.invalidTransition', [
          { path: 'type', message: `${task.departmentName}的联办任务${task.status === 'done' ? '已办结' : '已开始'}` },
        ])
      }
      const at = deps.clock().toISOString()
      const done =
        e.type === 'finish_task'
          ? { status: 'done' as const, note: e.note, photoKeys: await keepPhotos(deps, caller, e.photoKeys, 'photoKeys'), doneAt: at }
          : { status: 'started' as const }
      const tasks = c.tasks!.map((t) => (t === task ? { ...t, ...done } : t))
      return {
        next: { tasks },
        note: `${task.departmentName}：${e.type === 'finish_task' ? e.note : '开始办理'}`,
        photoKeys: 'photoKeys' in done ? done.photoKeys : [],
      }
    }
    case 'dispatch':
      return dispatchChange(deps, c, e)
    case 'report':
      await enforce(deps, caller.user.id, REPORT_LIMIT)
      return { next: { flagged: true }, note: e.reason }
    case 'clear_flag':
      if (!c.flagged) throw new DomainError('case.invalidTransition', [{ path: 'type', message: '该事件没有待审核的内容' }])
      return { next: { flagged: false } }
    case 'refer': {
      const { categories, classes } = await deps.catalogue(c.districtId)
      const classId = categories.find((x) => x.id === c.categoryId)?.classId
      if (!classes.find((x) => x.id === classId)?.mediable)
        throw new DomainError('case.invalidTransition', [{ path: 'type', message: '只有矛盾纠纷类事件可以转人民调解' }])
      return { next: {}, note: e.reason }
    }
    case 'request_extension': {
      if (c.extension) throw new DomainError('case.invalidTransition', [{ path: 'type', message: '已有待审批的延期申请' }])
      const until = new Date(e.until).toISOString()
      const problem = extensionProblem(c.slaBand, c.sla, until, deps.clock())
      if (problem) throw new DomainError('request.invalid', [{ path: 'until', message: problem }])
      return {
        next: { extension: { until, reason: e.reason, byId: caller.user.id, byName: caller.user.name, at: deps.clock().toISOString() } },
        note: `${e.reason}（申请延期至 ${chinaTime(until)}）`,
      }
    }
    case 'approve_extension': {
      const asked = pendingExtension(c)
      // The clock's stage goes on with the later deadline: its marks start afresh.
      const sla = { stage: 'resolve' as const, startedAt: c.sla!.startedAt, deadline: asked.until }
      return {
        next: { extension: undefined, sla, resolveBy: asked.until, extensionCount: (c.extensionCount ?? 0) + 1 },
        note: `同意${asked.byName}的延期申请，处置期限延至 ${chinaTime(asked.until)}`,
      }
    }
    case 'decline_extension':
      pendingExtension(c)
      return { next: { extension: undefined }, note: e.reason }
    case 'supervise':
      return { next: { supervision: { note: e.note, byName: caller.user.name, at: deps.clock().toISOString() } }, note: e.note }
    case 'escalate': {
      const { nodes } = await deps.catalogue(c.districtId)
      const parent = nodes.find((n) => n.id === c.levelNodeId)?.parentId
      if (!parent) throw new DomainError('case.invalidTransition', [{ path: 'type', message: '已是最高层级，无法再上报' }])
      return { next: { levelNodeId: parent, ...unassigned }, note: e.reason }
    }
  }
}

/** Officials of a co-department a task goes to (its first page of them). */
const TASK_OFFICIALS = 10

/** The officials a co-department's task goes to: its first page of them, as they are now. */
export const taskOfficials = async (deps: CasesDeps, districtId: string, departmentId: string) =>
  (await deps.repos.users.holders(districtId, departmentId, 'official', { limit: TASK_OFFICIALS })).items

async function coDepartmentTask(deps: CasesDeps, districtId: string, department: { id: string; name: string } | undefined, path: string): Promise<CaseTask> {
  if (!department) throw new DomainError('department.notFound', [{ path, message: '联办部门不存在' }])
  const officials = await taskOfficials(deps, districtId, department.id)
  if (!officials.length) throw new DomainError('official.notFound', [{ path, message: `${department.name}暂无可派单的工作人员` }])
  return {
    departmentId: department.id,
    departmentName: department.name,
    assigneeIds: officials.map((o) => o.userId),
    assigneeNames: officials.map((o) => o.name),
    status: 'open',
    photoKeys: [],
  }
}

/** What a case loses when it goes back to a dispatcher (退回, escalation): its officials and its co-departments' tasks. */
export const unassigned: Partial<CaseRecord> = { assigneeIds: [], assigneeNames: [], tasks: undefined }

function pendingExtension(c: CaseRecord) {
  if (!c.extension || c.sla?.stage !== 'resolve') throw new DomainError('case.invalidTransition', [{ path: 'type', message: '没有待审批的延期申请' }])
  return c.extension
}

/** Officials named by the dispatcher must hold an official binding of the department; none named → its officials. */
async function dispatchChange(deps: CasesDeps, c: CaseRecord, e: Extract<CaseEvent, { type: 'dispatch' }>): Promise<Change> {
  const { departments } = await deps.catalogue(c.districtId)
  const department = departments.find((d) => d.id === e.departmentId)
  if (!department) throw new DomainError('department.notFound', [{ path: 'departmentId', message: '部门不存在' }])
  if (e.deadline && e.deadline <= deps.clock().toISOString()) throw new DomainError('request.invalid', [{ path: 'deadline', message: '处置期限必须晚于现在' }])
  const assignees = e.officialIds
    ? await namedOfficials(deps, c.districtId, department, e.officialIds)
    : (await deps.repos.users.holders(c.districtId, department.id, 'official')).items
  if (!assignees.length) throw new DomainError('official.notFound', [{ path: 'departmentId', message: `${department.name}暂无可派单的工作人员` }])
  const tasks = await Promise.all(
    (e.coDepartmentIds ?? []).map((id, i) =>
      coDepartmentTask(
        deps,
        c.districtId,
        departments.find((d) => d.id === id),
        `coDepartmentIds.${i}`,
      ),
    ),
  )
  return {
    next: {
      departmentId: department.id,
      assigneeIds: assignees.map((a) => a.userId),
      assigneeNames: assignees.map((a) => a.name),
      tasks: tasks.length ? tasks : undefined,
    },
    note: `派至${department.name}：${assignees.map((a) => a.name).join('、')}${tasks.length ? `；联办：${tasks.map((t) => t.departmentName).join('、')}` : ''}`,
    resolveBy: e.deadline && new Date(e.deadline).toISOString(),
  }
}

async function namedOfficials(deps: CasesDeps, districtId: string, department: { id: string; name: string }, ids: string[]) {
  const found = await Promise.all(ids.map((id) => deps.repos.users.getWithRoles(id)))
  return found.map((u, i) => {
    const official = u?.user.districtId === districtId && permits(u.roles, districtId, 'cases.handle', department.id)
    if (!official) throw new DomainError('official.notFound', [{ path: `officialIds.${i}`, message: `所选人员不是${department.name}的工作人员` }])
    return { userId: u.user.id, name: u.user.name }
  })
}

/** "Me too": the caller follows an open case of the district and hears of its progress, instead of filing again. */
export async function followCase(deps: CasesDeps, caller: Caller, caseId: string): Promise<CaseDetail> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await deps.repos.cases.get(caller.user.districtId, caseId)
    // A stranger follows only what nearby would show them: open, not flagged, not of a sensitive class.
    const followable = async (c: CaseRecord) => (openStatuses.includes(c.status) && canView(caller, c, false)) || (await isFindable(deps, c))
    if (!found || !(await followable(found.record))) throw new DomainError('case.notFound', [{ path: 'id', message: '事件不存在或已办结' }])
    if (found.record.reporterId === caller.user.id) throw new DomainError('case.alreadyFollowing')
    const outcome = await deps.repos.cases.follow(found.record, { id: caller.user.id, name: caller.user.name }, deps.clock().toISOString())
    if (outcome === 'already') throw new DomainError('case.alreadyFollowing')
    if (outcome === 'followed') return detailView(deps, caller, { ...found.record, followerCount: found.record.followerCount + 1 }, found.timeline, true)
    // The case moved on meanwhile: follow the new version, so its list entry is current.
  }
  throw new DomainError('case.conflict')
}

export async function unfollowCase(deps: CasesDeps, caller: Caller, caseId: string): Promise<{ following: false }> {
  const found = await deps.repos.cases.get(caller.user.districtId, caseId)
  if (!found) throw new DomainError('case.notFound', [{ path: 'id', message: '事件不存在' }])
  if (!(await deps.repos.cases.unfollow(found.record, caller.user.id))) throw new DomainError('case.notFollowing')
  return { following: false }
}

/**
 * The clock's work on a case that came due: a resolved case nobody rated within 72 h is confirmed by the system; a
 * running stage at 80 % is warned (黄牌) and at 100 % marked overdue (红牌) — an accept or dispatch deadline missed
 * below the district escalates the case one level up instead (乡呼县应). Idempotent: a case that moved on is left alone.
 */
export async function caseDue(deps: CasesDeps, districtId: string, caseId: string): Promise<'closed' | 'warn' | 'overdue' | 'escalated' | 'skipped'> {
  const now = deps.clock()
  const fresh = await deps.repos.cases.get(districtId, caseId)
  if (!fresh || !fresh.record.dueAt || fresh.record.dueAt > now.toISOString()) return 'skipped'
  const c = fresh.record
  const system = { id: 'system', name: '系统' }
  const clockRow = (event: 'warn' | 'overdue' | 'escalate') => caseLifecycle.row(c.status, event, new Set(['system']), 'clock')
  try {
    if (c.status === 'resolved') {
      await apply(
        deps,
        fresh,
        caseLifecycle.row('resolved', 'confirm', new Set(['system']))!,
        { next: {}, note: `${AUTO_CONFIRM_HOURS} 小时未评价，系统自动办结` },
        system,
      )
      return 'closed'
    }
    const step = clockStep(c.sla, now)
    const sla = c.sla!
    const stage = clockStageLabels[sla.stage]
    if (!step || !clockRow(step)) return 'skipped'
    if (step === 'warn') {
      await apply(deps, fresh, clockRow('warn')!, { next: { sla: { ...sla, mark: 'warn' } }, note: `${stage}时限将于 ${chinaTime(sla.deadline)} 到期` }, system)
      return 'warn'
    }
    const parent =
      sla.stage !== 'resolve' && clockRow('escalate') ? (await deps.catalogue(districtId)).nodes.find((n) => n.id === c.levelNodeId)?.parentId : undefined
    if (parent) {
      const note = `${stage}时限（${chinaTime(sla.deadline)}）已过，系统自动上报上级`
      await apply(deps, fresh, clockRow('escalate')!, { next: { levelNodeId: parent, ...unassigned }, note }, system)
      return 'escalated'
    }
    await apply(
      deps,
      fresh,
      clockRow('overdue')!,
      { next: { sla: { ...sla, mark: 'overdue' } }, note: `${stage}时限（${chinaTime(sla.deadline)}）已过` },
      system,
    )
    return 'overdue'
  } catch (err) {
    if (err instanceof DomainError && err.code === 'case.conflict') return 'skipped'
    throw err
  }
}

/** A dispute the caller reported and a dispatcher referred to mediation: what a booking for it may name (else 404 / 409). */
export async function referredCase(deps: CasesDeps, caller: Caller, caseId: string): Promise<{ caseId: string; description: string }> {
  const found = await deps.repos.cases.get(caller.user.districtId, caseId)
  if (!found || found.record.reporterId !== caller.user.id) throw new DomainError('case.notFound', [{ path: 'caseId', message: '事件不存在' }])
  if (found.record.status !== 'referred') throw new DomainError('case.invalidTransition', [{ path: 'caseId', message: '该事件未转人民调解' }])
  return { caseId, description: found.record.description }
}

/** The mediation's outcome closes the dispute it settled (idempotent: a case already moved on is left alone). */
export async function closeByMediation(deps: CasesDeps, districtId: string, caseId: string, note: string): Promise<'closed' | 'skipped'> {
  const found = await deps.repos.cases.get(districtId, caseId)
  if (!found || found.record.status !== 'referred') return 'skipped'
  const row = caseLifecycle.row('referred', 'mediate', new Set(['system']), 'mediation')!
  await apply(deps, found, row, { next: {}, note }, { id: 'system', name: '人民调解' })
  return 'closed'
}
