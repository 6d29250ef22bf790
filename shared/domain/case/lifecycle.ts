/**
 * The case lifecycle as data (DESIGN.md §3, the closed loop 上报→受理→派单→处置→反馈→评价), on the generic machinery.
 * The server enforces this table; the mini-program shows the events the server says the caller may fire now.
 * The side doors are rows too: a submit resolved on the spot, an emergency auto-dispatched.
 */
import { defineLifecycle, NEW } from '../lifecycle'
import type { ClockStage } from './sla'

export const caseStatuses = ['submitted', 'accepted', 'rejected', 'withdrawn', 'dispatched', 'in_progress', 'resolved', 'referred', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const caseStatusLabels: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  withdrawn: '已撤回',
  dispatched: '已派单',
  in_progress: '处置中',
  resolved: '待评价',
  referred: '已转调解',
  closed: '已办结',
}

export const openStatuses: readonly CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'referred']

/**
 * How the caller stands to a case; computed by the server from our records, never taken from the client. A
 * `neighbour` is any other resident of the district who meets the case (nearby, following): they may only report it.
 * A `supervisor` is a dispatcher of the district itself (督办); a `co_assignee` an official of a co-department (联办).
 */
export type Actor = 'reporter' | 'dispatcher' | 'assignee' | 'co_assignee' | 'gridworker' | 'neighbour' | 'supervisor' | 'system'

/** Who hears of a transition by subscribe message: dispatchers are those of the case's level. */
export type Audience = 'reporter' | 'followers' | 'assignees' | 'dispatchers'

/** The SLA stages whose clocks a row starts or stops. */
export type CaseClock = ClockStage

/** Events a client may fire through POST /v1/cases/{id}/events. */
export const caseEventTypes = [
  'accept',
  'reject',
  'withdraw',
  'dispatch',
  'start',
  'return',
  'resolve',
  'confirm',
  'reopen',
  'escalate',
  'refer',
  'report',
  'clear_flag',
  'request_extension',
  'approve_extension',
  'decline_extension',
  'supervise',
  'start_task',
  'finish_task',
] as const
/** Events about a case's content, not its handling: their timeline items are for staff only. */
export const moderationEvents: readonly CaseEventType[] = ['report', 'clear_flag']
export type CaseEventType = (typeof caseEventTypes)[number]
/** Everything a timeline can show. */
/** `warn` and `overdue` are the clock's (黄牌, 红牌); `unassign`, a handler's leaving when their role was taken back. */
export const caseTimelineTypes = ['submit', 'follow', 'mediate', 'warn', 'overdue', 'unassign', ...caseEventTypes] as const
export type CaseTimelineType = (typeof caseTimelineTypes)[number]

const open = ['submitted', 'accepted', 'dispatched', 'in_progress'] as const
/** The states whose clock a dispatcher runs (accept, dispatch) and those an assigned official runs (resolve). */
const dispatcherStages = ['submitted', 'accepted'] as const
const handlerStages = ['dispatched', 'in_progress'] as const

export const caseLifecycle = defineLifecycle<CaseStatus, CaseTimelineType, Actor, Audience, CaseClock>({
  states: caseStatuses,
  labels: {
    submit: '上报',
    follow: '关注',
    accept: '受理',
    reject: '不予受理',
    withdraw: '撤回',
    dispatch: '派单',
    start: '开始处置',
    return: '退回派单',
    resolve: '办结反馈',
    confirm: '评价',
    reopen: '不满意重办',
    escalate: '上报上级',
    refer: '转人民调解',
    mediate: '调解结案',
    report: '举报',
    clear_flag: '审核通过',
    warn: '即将超时',
    overdue: '已超时',
    request_extension: '申请延期',
    approve_extension: '批准延期',
    decline_extension: '驳回延期',
    supervise: '督办',
    start_task: '联办开始',
    finish_task: '联办完成',
    unassign: '人员调离',
  },
  rows: [
    { event: 'submit', from: [NEW], to: 'submitted', who: ['reporter'], clock: { start: ['accept'] } },
    // Side door: a gridworker who fixed it on the spot reports it already resolved (only in their own grid).
    { event: 'resolve', door: 'onTheSpot', from: ['submitted'], to: 'resolved', who: ['gridworker'], clock: { stop: ['accept'] } },
    // Side door: an emergency item goes straight to its department's officials.
    {
      event: 'dispatch',
      door: 'autoDispatch',
      from: ['submitted'],
      to: 'dispatched',
      who: ['system'],
      notify: ['assignees'],
      clock: { stop: ['accept'], start: ['resolve'] },
    },
    {
      event: 'accept',
      from: ['submitted'],
      to: 'accepted',
      who: ['dispatcher'],
      notify: ['reporter', 'followers'],
      clock: { stop: ['accept'], start: ['dispatch'] },
    },
    { event: 'reject', from: ['submitted'], to: 'rejected', who: ['dispatcher'], notify: ['reporter', 'followers'], clock: { stop: ['accept'] } },
    { event: 'withdraw', from: ['submitted', 'accepted', 'referred'], to: 'withdrawn', who: ['reporter'], clock: { stop: ['accept', 'dispatch'] } },
    // A dispute goes to a talk-it-out room (人民调解) instead of a department; the session's outcome closes it.
    { event: 'refer', from: ['accepted'], to: 'referred', who: ['dispatcher'], notify: ['reporter', 'followers'], clock: { stop: ['dispatch'] } },
    { event: 'mediate', door: 'mediation', from: ['referred'], to: 'closed', who: ['system'], notify: ['reporter', 'followers'] },
    {
      event: 'dispatch',
      from: ['accepted'],
      to: 'dispatched',
      who: ['dispatcher'],
      notify: ['assignees', 'reporter', 'followers'],
      clock: { stop: ['dispatch'], start: ['resolve'] },
    },
    { event: 'start', from: ['dispatched'], to: 'in_progress', who: ['assignee'] },
    { event: 'return', from: ['dispatched'], to: 'accepted', who: ['assignee'], clock: { stop: ['resolve'], start: ['dispatch'] } },
    { event: 'resolve', from: ['in_progress'], to: 'resolved', who: ['assignee'], notify: ['reporter', 'followers'], clock: { stop: ['resolve'] } },
    { event: 'confirm', from: ['resolved'], to: 'closed', who: ['reporter', 'system'] },
    { event: 'reopen', from: ['resolved'], to: 'dispatched', who: ['reporter'], notify: ['assignees'], clock: { start: ['resolve'] } },
    // Side door: nobody handles the resolved case any more (their roles were taken back): it reopens to the dispatchers.
    { event: 'reopen', door: 'unheld', from: ['resolved'], to: 'accepted', who: ['reporter'], notify: ['dispatchers'], clock: { start: ['dispatch'] } },
    { event: 'escalate', from: open, to: 'accepted', who: ['dispatcher', 'assignee'], notify: ['dispatchers'], clock: { start: ['dispatch'] } },
    // 乡呼县应: an accept or dispatch deadline missed below the district sends the case one level up, by itself.
    { event: 'escalate', door: 'clock', from: dispatcherStages, to: 'accepted', who: ['system'], notify: ['dispatchers'], clock: { start: ['dispatch'] } },
    // The grid's gridworker may blow the whistle (吹哨) only once a dispatcher has accepted the case.
    {
      event: 'escalate',
      from: ['accepted', 'dispatched', 'in_progress'],
      to: 'accepted',
      who: ['gridworker'],
      notify: ['dispatchers'],
      clock: { start: ['dispatch'] },
    },
    // A handler whose role was taken back leaves the case (side doors): the last one's goes back to the level's
    // dispatchers to be dispatched again (待重新派单); with others still on it, or once resolved, it stays where it is.
    {
      event: 'unassign',
      door: 'revocation',
      from: handlerStages,
      to: 'accepted',
      who: ['system'],
      notify: ['dispatchers'],
      clock: { stop: ['resolve'], start: ['dispatch'] },
    },
    ...[...handlerStages, 'resolved' as const].map((s) => ({
      event: 'unassign' as const,
      door: 'revocationShared',
      from: [s],
      to: s,
      who: ['system' as const],
    })),
    // The clock (side doors): at 80 % its stage's handler is warned (黄牌); at 100 % the case is overdue (红牌) and the
    // handler and the dispatcher are told. The state stays; the mark is the clock's.
    ...dispatcherStages.map((s) => ({ event: 'warn' as const, door: 'clock', from: [s], to: s, who: ['system' as const], notify: ['dispatchers' as const] })),
    ...handlerStages.map((s) => ({ event: 'warn' as const, door: 'clock', from: [s], to: s, who: ['system' as const], notify: ['assignees' as const] })),
    ...open.map((s) => ({
      event: 'overdue' as const,
      door: 'clock',
      from: [s],
      to: s,
      who: ['system' as const],
      notify: ['assignees' as const, 'dispatchers' as const],
    })),
    // 延期申请: the assigned official asks for a later resolve deadline; a dispatcher of the level approves or declines.
    ...handlerStages.map((s) => ({ event: 'request_extension' as const, from: [s], to: s, who: ['assignee' as const], notify: ['dispatchers' as const] })),
    ...handlerStages.map((s) => ({ event: 'approve_extension' as const, from: [s], to: s, who: ['dispatcher' as const], notify: ['assignees' as const] })),
    ...handlerStages.map((s) => ({ event: 'decline_extension' as const, from: [s], to: s, who: ['dispatcher' as const], notify: ['assignees' as const] })),
    // 联办: each co-department's official starts and finishes their task while the lead handles the case.
    ...handlerStages.map((s) => ({ event: 'start_task' as const, from: [s], to: s, who: ['co_assignee' as const] })),
    ...handlerStages.map((s) => ({ event: 'finish_task' as const, from: [s], to: s, who: ['co_assignee' as const], notify: ['assignees' as const] })),
    // 督办: the district's dispatcher marks an open case supervised; its handlers hear of it.
    ...open.map((s) => ({
      event: 'supervise' as const,
      from: [s],
      to: s,
      who: ['supervisor' as const],
      notify: ['assignees' as const, 'dispatchers' as const],
    })),
    // Moderation keeps the status: 举报 flags an open case for a dispatcher's look (hidden from nearby meanwhile);
    // the dispatcher of its level clears the flag (审核通过).
    ...openStatuses.map((s) => ({ event: 'report' as const, from: [s], to: s, who: ['neighbour' as const] })),
    ...openStatuses.map((s) => ({ event: 'clear_flag' as const, from: [s], to: s, who: ['dispatcher' as const] })),
  ],
})

export const caseEventLabels = caseLifecycle.labels

/** The events `actors` may fire on a case in `status`. */
export const allowedEvents = (status: CaseStatus, actors: ReadonlySet<Actor>) => caseLifecycle.allowed(status, actors) as CaseEventType[]

/** Resolved cases not rated within this time close by themselves. */
export const AUTO_CONFIRM_HOURS = 72
