import { NEW } from '../lifecycle'
import { allowedEvents, caseLifecycle, type Actor } from './lifecycle'

const as = (...actors: Actor[]) => new Set(actors)

describe('the case lifecycle', () => {
  it('lets a dispatcher accept or reject a new case, and nobody else', () => {
    expect(allowedEvents('submitted', as('dispatcher'))).toEqual(['accept', 'reject', 'escalate', 'clear_flag'])
    expect(allowedEvents('submitted', as('reporter'))).toEqual(['withdraw'])
    expect(allowedEvents('submitted', as('assignee'))).toEqual(['escalate'])
  })

  it('closes the loop: dispatch → start → resolve → confirm or reopen', () => {
    expect(allowedEvents('accepted', as('dispatcher'))).toContain('dispatch')
    expect(allowedEvents('dispatched', as('assignee'))).toEqual(['start', 'return', 'escalate', 'request_extension'])
    expect(allowedEvents('in_progress', as('assignee'))).toEqual(['resolve', 'escalate', 'request_extension'])
    expect(allowedEvents('resolved', as('reporter'))).toEqual(['confirm', 'reopen'])
    expect(caseLifecycle.row('resolved', 'reopen', as('reporter'))?.to).toBe('dispatched')
  })

  it('ends in terminal states from which nothing fires', () => {
    for (const terminal of ['closed', 'rejected', 'withdrawn'] as const) {
      expect(allowedEvents(terminal, as('reporter', 'dispatcher', 'assignee', 'gridworker', 'system'))).toEqual([])
    }
  })

  it('keeps the gridworker to the rules: whistle only after acceptance, never resolve through the front door', () => {
    expect(allowedEvents('submitted', as('gridworker'))).toEqual([])
    expect(allowedEvents('accepted', as('gridworker'))).toEqual(['escalate'])
    expect(allowedEvents('in_progress', as('gridworker'))).toEqual(['escalate'])
    expect(caseLifecycle.verdict('in_progress', 'resolve', as('gridworker'))).toBe('forbidden')
    expect(caseLifecycle.verdict('submitted', 'resolve', as('gridworker'), 'onTheSpot')).toBe('ok')
  })

  it('has its side doors as rows: submit, on the spot, auto-dispatch', () => {
    expect(caseLifecycle.row(NEW, 'submit', as('reporter'))?.to).toBe('submitted')
    expect(caseLifecycle.row('submitted', 'dispatch', as('system'), 'autoDispatch')?.notify).toEqual(['assignees'])
    expect(caseLifecycle.row('submitted', 'dispatch', as('system'))).toBeUndefined()
  })

  it('refers an accepted dispute to mediation, whose outcome alone closes it', () => {
    expect(allowedEvents('accepted', as('dispatcher'))).toContain('refer')
    expect(allowedEvents('referred', as('dispatcher'))).toEqual(['clear_flag'])
    expect(allowedEvents('referred', as('reporter'))).toEqual(['withdraw'])
    expect(caseLifecycle.row('referred', 'mediate', as('system'))).toBeUndefined()
    expect(caseLifecycle.row('referred', 'mediate', as('system'), 'mediation')?.to).toBe('closed')
  })

  it('lets a neighbour only report an open case, and its level’s dispatcher clear the flag, the status kept', () => {
    for (const s of ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'referred'] as const) {
      expect(allowedEvents(s, as('neighbour'))).toEqual(['report'])
      expect(caseLifecycle.row(s, 'report', as('neighbour'))?.to).toBe(s)
      expect(caseLifecycle.row(s, 'clear_flag', as('dispatcher'))?.to).toBe(s)
    }
    for (const s of ['closed', 'rejected', 'withdrawn'] as const) expect(allowedEvents(s, as('neighbour'))).toEqual([])
    expect(caseLifecycle.verdict('accepted', 'report', as('reporter'))).toBe('forbidden')
    expect(caseLifecycle.verdict('accepted', 'clear_flag', as('gridworker', 'assignee'))).toBe('forbidden')
  })

  it('lets the clock warn, mark overdue and escalate only through its side door, the status kept', () => {
    for (const s of ['submitted', 'accepted', 'dispatched', 'in_progress'] as const) {
      expect(caseLifecycle.row(s, 'warn', as('system'), 'clock')?.to).toBe(s)
      expect(caseLifecycle.row(s, 'overdue', as('system'), 'clock')?.notify).toEqual(['assignees', 'dispatchers'])
      expect(caseLifecycle.row(s, 'warn', as('system'))).toBeUndefined()
    }
    // 黄牌 goes to the stage's handler: the dispatcher before dispatch, the officials after.
    expect(caseLifecycle.row('accepted', 'warn', as('system'), 'clock')?.notify).toEqual(['dispatchers'])
    expect(caseLifecycle.row('in_progress', 'warn', as('system'), 'clock')?.notify).toEqual(['assignees'])
    // Only an unanswered accept or dispatch escalates by itself.
    expect(caseLifecycle.row('submitted', 'escalate', as('system'), 'clock')?.to).toBe('accepted')
    expect(caseLifecycle.row('in_progress', 'escalate', as('system'), 'clock')).toBeUndefined()
    expect(caseLifecycle.row('resolved', 'warn', as('system'), 'clock')).toBeUndefined()
  })

  it('has extensions asked by the official and answered by the dispatcher, and 督办 for the district alone', () => {
    expect(caseLifecycle.verdict('in_progress', 'request_extension', as('dispatcher'))).toBe('forbidden')
    expect(caseLifecycle.verdict('accepted', 'request_extension', as('assignee'))).toBe('invalidState')
    expect(allowedEvents('in_progress', as('dispatcher'))).toEqual(expect.arrayContaining(['approve_extension', 'decline_extension']))
    expect(allowedEvents('accepted', as('supervisor'))).toEqual(['supervise'])
    expect(caseLifecycle.verdict('closed', 'supervise', as('supervisor'))).toBe('invalidState')
    expect(caseLifecycle.verdict('accepted', 'supervise', as('dispatcher'))).toBe('forbidden')
  })

  it('gives a co-department (联办) its task while the lead handles the case, and nothing else', () => {
    expect(allowedEvents('dispatched', as('co_assignee'))).toEqual(['start_task', 'finish_task'])
    expect(allowedEvents('in_progress', as('co_assignee'))).toEqual(['start_task', 'finish_task'])
    expect(allowedEvents('resolved', as('co_assignee'))).toEqual([])
    expect(caseLifecycle.verdict('in_progress', 'resolve', as('co_assignee'))).toBe('forbidden')
  })

  it('says 409 for a wrong state and 403 for a wrong actor', () => {
    expect(caseLifecycle.verdict('accepted', 'accept', as('dispatcher'))).toBe('invalidState')
    expect(caseLifecycle.verdict('submitted', 'accept', as('reporter'))).toBe('forbidden')
  })
})
