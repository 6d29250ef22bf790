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
    expect(allowedEvents('dispatched', as('assignee'))).toEqual(['start', 'return', 'escalate'])
    expect(allowedEvents('in_progress', as('assignee'))).toEqual(['resolve', 'escalate'])
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

  it('says 409 for a wrong state and 403 for a wrong actor', () => {
    expect(caseLifecycle.verdict('accepted', 'accept', as('dispatcher'))).toBe('invalidState')
    expect(caseLifecycle.verdict('submitted', 'accept', as('reporter'))).toBe('forbidden')
  })
})
