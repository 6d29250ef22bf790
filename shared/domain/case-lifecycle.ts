/**
 * The case lifecycle as data (DESIGN.md §3, the closed loop 上报→受理→派单→处置→反馈→评价): each event, the states it
 * may fire from, the state it leads to, who may fire it, and whom it notifies. The server enforces this table; the
 * mini-program reads the events the server says the caller may fire now.
 */
export const caseStatuses = ['submitted', 'accepted', 'rejected', 'withdrawn', 'dispatched', 'in_progress', 'resolved', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const caseStatusLabels: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  withdrawn: '已撤回',
  dispatched: '已派单',
  in_progress: '处置中',
  resolved: '待评价',
  closed: '已办结',
}

export const openStatuses: readonly CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved']

/** How the caller stands to a case; computed by the server from our records, never taken from the client. */
export type Actor = 'reporter' | 'dispatcher' | 'assignee' | 'gridworker' | 'system'

/** Who hears of a transition by subscribe message. */
export type Audience = 'reporter' | 'followers' | 'assignees'

export interface Transition {
  from: readonly CaseStatus[]
  to: CaseStatus
  who: readonly Actor[]
  notify: readonly Audience[]
  label: string
}

export const transitions = {
  accept: { from: ['submitted'], to: 'accepted', who: ['dispatcher'], notify: ['reporter', 'followers'], label: '受理' },
  reject: { from: ['submitted'], to: 'rejected', who: ['dispatcher'], notify: ['reporter', 'followers'], label: '不予受理' },
  withdraw: { from: ['submitted', 'accepted'], to: 'withdrawn', who: ['reporter'], notify: [], label: '撤回' },
  dispatch: { from: ['accepted'], to: 'dispatched', who: ['dispatcher'], notify: ['assignees', 'reporter', 'followers'], label: '派单' },
  start: { from: ['dispatched'], to: 'in_progress', who: ['assignee'], notify: [], label: '开始处置' },
  return: { from: ['dispatched'], to: 'accepted', who: ['assignee'], notify: [], label: '退回派单' },
  resolve: { from: ['in_progress'], to: 'resolved', who: ['assignee', 'gridworker'], notify: ['reporter', 'followers'], label: '办结反馈' },
  confirm: { from: ['resolved'], to: 'closed', who: ['reporter', 'system'], notify: [], label: '评价' },
  reopen: { from: ['resolved'], to: 'dispatched', who: ['reporter'], notify: ['assignees'], label: '不满意重办' },
  escalate: { from: ['submitted', 'accepted', 'dispatched', 'in_progress'], to: 'accepted', who: ['dispatcher', 'assignee', 'gridworker', 'system'], notify: [], label: '上报上级' },
} as const satisfies Record<string, Transition>

export type CaseEventType = keyof typeof transitions
export const caseEventTypes = Object.keys(transitions) as [CaseEventType, ...CaseEventType[]]

/** The events `actors` may fire on a case in `status`. */
export function allowedEvents(status: CaseStatus, actors: ReadonlySet<Actor>): CaseEventType[] {
  return caseEventTypes.filter((type) => {
    const t: Transition = transitions[type]
    return t.from.includes(status) && t.who.some((a) => actors.has(a))
  })
}

/** Resolved cases not rated within this time close by themselves. */
export const AUTO_CONFIRM_HOURS = 72
