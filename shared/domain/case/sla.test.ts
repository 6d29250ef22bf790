import { slaDeadlines, slaBands } from './sla'

describe('slaDeadlines', () => {
  it('adds each band interval to the submission time', () => {
    const at = new Date('2026-01-01T00:00:00.000Z')
    expect(slaDeadlines('urgent', at)).toEqual({
      acceptBy: '2026-01-01T00:15:00.000Z',
      dispatchBy: '2026-01-01T01:00:00.000Z',
      resolveBy: '2026-01-02T00:00:00.000Z',
    })
  })

  it('keeps every band ordered accept ≤ dispatch ≤ resolve', () => {
    for (const b of Object.values(slaBands)) {
      expect(b.acceptMinutes).toBeLessThanOrEqual(b.dispatchMinutes)
      expect(b.dispatchMinutes).toBeLessThan(b.resolveMinutes)
    }
  })
})

import { caseLifecycle } from './lifecycle'
import { clockDue, clockStep, extensionProblem, nextClock, startClock, type ClockStage, slaBandKeys } from './sla'

const t0 = new Date('2026-03-02T00:00:00.000Z')
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000)
/** The clock spec of the lifecycle row that fires `event` from `state` for `actor`. */
const clockOf = (
  state: Parameters<typeof caseLifecycle.row>[0],
  event: Parameters<typeof caseLifecycle.row>[1],
  actor: 'reporter' | 'dispatcher' | 'assignee' | 'system',
  door?: string,
) => caseLifecycle.row(state, event, new Set([actor]), door)!.clock

describe('the SLA clock, per band', () => {
  it.each(slaBandKeys)('%s: each stage starts with its own deadline from the band, and warns at 80 %%', (band) => {
    const b = slaBands[band]
    const stages: [ClockStage, number][] = [
      ['accept', b.acceptMinutes],
      ['dispatch', b.dispatchMinutes],
      ['resolve', b.resolveMinutes],
    ]
    for (const [stage, length] of stages) {
      const c = startClock(band, stage, t0)
      expect(c).toEqual({ stage, startedAt: t0.toISOString(), deadline: minutes(length).toISOString() })
      expect(clockDue(c)).toBe(minutes(length * 0.8).toISOString())
      expect(clockStep(c, minutes(length * 0.8 - 1))).toBeUndefined()
      expect(clockStep(c, minutes(length * 0.8))).toBe('warn')
      // Warned, the next look is the deadline; past it the case is overdue, and the clock has nothing more to do.
      const warned = { ...c, mark: 'warn' as const }
      expect(clockDue(warned)).toBe(c.deadline)
      expect(clockStep(warned, minutes(length - 1))).toBeUndefined()
      expect(clockStep(warned, minutes(length))).toBe('overdue')
      expect(clockDue({ ...c, mark: 'overdue' })).toBeUndefined()
      // A sweep that comes late goes straight to overdue.
      expect(clockStep(c, minutes(length + 5))).toBe('overdue')
    }
  })

  it('follows the lifecycle: submit starts accept, accept starts dispatch, dispatch starts resolve, resolve stops it', () => {
    const submitted = nextClock('urgent', undefined, clockOf('new', 'submit', 'reporter'), t0)
    expect(submitted).toMatchObject({ stage: 'accept', deadline: minutes(15).toISOString() })
    const accepted = nextClock('urgent', submitted, clockOf('submitted', 'accept', 'dispatcher'), minutes(10))
    expect(accepted).toMatchObject({ stage: 'dispatch', startedAt: minutes(10).toISOString(), deadline: minutes(70).toISOString() })
    // The dispatcher's own deadline replaces the band's for resolving.
    const own = minutes(600).toISOString()
    const dispatched = nextClock('urgent', accepted, clockOf('accepted', 'dispatch', 'dispatcher'), minutes(20), own)
    expect(dispatched).toMatchObject({ stage: 'resolve', deadline: own })
    // Starting work leaves the clock running; resolving stops it.
    expect(nextClock('urgent', dispatched, clockOf('dispatched', 'start', 'assignee'), minutes(30))).toBe(dispatched)
    expect(nextClock('urgent', dispatched, clockOf('in_progress', 'resolve', 'assignee'), minutes(40))).toBeUndefined()
  })

  it('restarts on escalation and reopen, with a mark gone', () => {
    const late = { ...startClock('general', 'resolve', t0), mark: 'overdue' as const }
    const escalated = nextClock('general', late, clockOf('in_progress', 'escalate', 'assignee'), minutes(9000))
    expect(escalated).toEqual({ stage: 'dispatch', startedAt: minutes(9000).toISOString(), deadline: minutes(9000 + 24 * 60).toISOString() })
    const auto = nextClock(
      'general',
      { ...startClock('general', 'accept', t0), mark: 'warn' },
      clockOf('submitted', 'escalate', 'system', 'clock'),
      minutes(240),
    )
    expect(auto).toEqual({ stage: 'dispatch', startedAt: minutes(240).toISOString(), deadline: minutes(240 + 24 * 60).toISOString() })
    const reopened = nextClock('general', undefined, clockOf('resolved', 'reopen', 'reporter'), minutes(20_000))
    expect(reopened).toEqual({ stage: 'resolve', startedAt: minutes(20_000).toISOString(), deadline: minutes(20_000 + 7 * 24 * 60).toISOString() })
  })

  it('lets an extension ask only for a later resolve deadline within the band ceiling', () => {
    const c = startClock('urgent', 'resolve', t0)
    expect(extensionProblem('urgent', c, minutes(2 * 24 * 60).toISOString(), minutes(60))).toBeUndefined()
    expect(extensionProblem('urgent', c, minutes(30).toISOString(), minutes(60))).toMatch('必须晚于')
    expect(extensionProblem('urgent', c, minutes(24 * 60).toISOString(), minutes(60))).toMatch('必须晚于')
    expect(extensionProblem('urgent', c, minutes(4 * 24 * 60).toISOString(), minutes(60))).toMatch('最长 3 天')
    expect(extensionProblem('urgent', startClock('urgent', 'dispatch', t0), minutes(600).toISOString(), minutes(60))).toMatch('不在处置时限')
  })
})

describe('bands counted in working days', () => {
  const calendar = (at: Date, days: number) => `calendar:${at.toISOString()}+${days}`
  it('take the resolve deadline from the calendar they are given, and only the resolve stage', () => {
    expect(startClock('workdays5', 'resolve', t0, undefined, calendar).deadline).toBe(`calendar:${t0.toISOString()}+5`)
    expect(startClock('workdays15', 'resolve', t0, undefined, calendar).deadline).toBe(`calendar:${t0.toISOString()}+15`)
    expect(startClock('workdays5', 'accept', t0, undefined, calendar).deadline).toBe(minutes(slaBands.workdays5.acceptMinutes).toISOString())
    // A dispatcher's own deadline still wins; a band in minutes ignores the calendar.
    expect(startClock('workdays5', 'resolve', t0, '2026-03-09T00:00:00.000Z', calendar).deadline).toBe('2026-03-09T00:00:00.000Z')
    expect(startClock('general', 'resolve', t0, undefined, calendar).deadline).toBe(minutes(slaBands.general.resolveMinutes).toISOString())
    expect(slaDeadlines('workdays5', t0, calendar).resolveBy).toBe(`calendar:${t0.toISOString()}+5`)
  })
})
