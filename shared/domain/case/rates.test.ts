import { gaugeMoves, ratesOf, tallyOf, zeroCounts } from './rates'
import { startClock } from './sla'

const t0 = new Date('2026-03-02T00:00:00.000Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000).toISOString()

describe('三率 counts of one transition', () => {
  it('counts a stage done, in time only before its deadline', () => {
    const accept = startClock('urgent', 'accept', t0)
    expect(tallyOf({ event: 'accept', isNew: false, clock: accept, at: at(15), byClock: false })).toEqual({ accepted: 1, acceptedInTime: 1 })
    expect(tallyOf({ event: 'accept', isNew: false, clock: accept, at: at(16), byClock: false })).toEqual({ accepted: 1, acceptedInTime: 0 })
    const resolve = startClock('urgent', 'resolve', t0)
    expect(tallyOf({ event: 'resolve', isNew: false, clock: resolve, at: at(24 * 60 + 1), byClock: false })).toEqual({ resolved: 1, resolvedInTime: 0 })
  })

  it('counts a new case received, and an emergency dispatched at once as accepted and dispatched in time', () => {
    const accept = startClock('urgent', 'accept', t0)
    expect(tallyOf({ event: 'submit', isNew: true, clock: accept, at: at(0), byClock: false })).toEqual({ received: 1 })
    expect(tallyOf({ event: 'dispatch', isNew: true, clock: accept, at: at(0), byClock: false })).toEqual({
      received: 1,
      accepted: 1,
      acceptedInTime: 1,
      dispatched: 1,
      dispatchedInTime: 1,
    })
    // Resolved on the spot: received and resolved in time.
    expect(tallyOf({ event: 'resolve', isNew: true, clock: accept, at: at(0), byClock: false })).toEqual({ received: 1, resolved: 1, resolvedInTime: 1 })
  })

  it('counts the clock’s escalation as overdue too, a manual one as an escalation only; ratings and the rest', () => {
    expect(tallyOf({ event: 'escalate', isNew: false, at: at(0), byClock: true })).toEqual({ escalated: 1, overdue: 1 })
    expect(tallyOf({ event: 'escalate', isNew: false, at: at(0), byClock: false })).toEqual({ escalated: 1 })
    expect(tallyOf({ event: 'confirm', isNew: false, at: at(0), byClock: false, rating: 4 })).toEqual({ rated: 1, ratingSum: 4, satisfied: 1 })
    expect(tallyOf({ event: 'confirm', isNew: false, at: at(0), byClock: true })).toEqual({})
    expect(tallyOf({ event: 'warn', isNew: false, at: at(0), byClock: true })).toEqual({})
    expect(tallyOf({ event: 'approve_extension', isNew: false, at: at(0), byClock: false })).toEqual({ extended: 1 })
  })

  it('reads rates from summed counts, none where nothing was counted', () => {
    const c = { ...zeroCounts(), accepted: 4, acceptedInTime: 3, rated: 2, ratingSum: 7, satisfied: 1 }
    expect(ratesOf(c)).toEqual({ acceptRate: 0.75, dispatchRate: undefined, resolveRate: undefined, satisfactionRate: 0.5, averageRating: 3.5 })
  })
})

describe('在办 and 超期 gauges', () => {
  const clock = { stage: 'resolve' as const, startedAt: '2026-12-01T00:00:00Z', deadline: '2026-12-03T00:00:00Z' }
  const at = { gridId: 'g1', departmentId: 'dept-water' }
  it('moves by the difference a transition makes', () => {
    expect(gaugeMoves(undefined, { ...at, status: 'submitted' })).toEqual([{ placement: at, delta: { open: 1, openOverdue: 0 } }])
    expect(gaugeMoves({ ...at, status: 'submitted' }, { ...at, status: 'accepted' })).toEqual([])
    const overdue = { ...at, status: 'in_progress' as const, sla: { ...clock, mark: 'overdue' as const } }
    expect(gaugeMoves({ ...at, status: 'in_progress', sla: clock }, overdue)).toEqual([{ placement: at, delta: { open: 0, openOverdue: 1 } }])
    expect(gaugeMoves(overdue, { ...at, status: 'resolved' })).toEqual([{ placement: at, delta: { open: -1, openOverdue: -1 } }])
    expect(gaugeMoves({ ...at, status: 'resolved' }, { ...at, status: 'dispatched', sla: clock })).toEqual([
      { placement: at, delta: { open: 1, openOverdue: 0 } },
    ])
  })
  it('takes a case away from where it was and brings it to where it goes', () => {
    const moved = gaugeMoves({ ...at, status: 'accepted' }, { gridId: 'g1', departmentId: 'dept-road', status: 'dispatched' })
    expect(moved).toEqual([
      { placement: at, delta: { open: -1, openOverdue: 0 } },
      { placement: { gridId: 'g1', departmentId: 'dept-road' }, delta: { open: 1, openOverdue: 0 } },
    ])
  })
})
