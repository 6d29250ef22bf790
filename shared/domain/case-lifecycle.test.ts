import { allowedEvents, caseStatuses, transitions, type Actor } from './case-lifecycle'

const as = (...actors: Actor[]) => new Set(actors)

describe('the case lifecycle', () => {
  it('lets a dispatcher accept or reject a new case, and nobody else', () => {
    expect(allowedEvents('submitted', as('dispatcher'))).toEqual(['accept', 'reject', 'escalate'])
    expect(allowedEvents('submitted', as('reporter'))).toEqual(['withdraw'])
    expect(allowedEvents('submitted', as('assignee'))).toEqual(['escalate'])
  })

  it('closes the loop: dispatch → start → resolve → confirm or reopen', () => {
    expect(allowedEvents('accepted', as('dispatcher'))).toContain('dispatch')
    expect(allowedEvents('dispatched', as('assignee'))).toEqual(['start', 'return', 'escalate'])
    expect(allowedEvents('in_progress', as('assignee'))).toEqual(['resolve', 'escalate'])
    expect(allowedEvents('resolved', as('reporter'))).toEqual(['confirm', 'reopen'])
    expect(transitions.reopen.to).toBe('dispatched')
  })

  it('ends in terminal states from which nothing fires', () => {
    for (const terminal of ['closed', 'rejected', 'withdrawn'] as const) {
      expect(allowedEvents(terminal, as('reporter', 'dispatcher', 'assignee', 'gridworker', 'system'))).toEqual([])
    }
  })

  it('only names known states', () => {
    for (const t of Object.values(transitions)) {
      for (const s of [...t.from, t.to]) expect(caseStatuses).toContain(s)
    }
  })
})
