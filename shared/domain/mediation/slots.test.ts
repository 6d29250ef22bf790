import { computeSlots, ruleProblems, slotId, weeklyHours, type AvailabilityRule } from './slots'
import { chinaDate, chinaInstant, weekdayOf } from './china-time'

// 2026-12-07 is a Monday.
const monday = '2026-12-07'
const rule = (over: Partial<AvailabilityRule> = {}): AvailabilityRule => ({
  mediatorId: 'm1',
  weekday: 1,
  start: '09:00',
  end: '12:00',
  sessionMinutes: 60,
  bufferMinutes: 0,
  ...over,
})
const policy = { minNoticeHours: 2, horizonDays: 14 }
/** Sunday 2026-12-06, 10:00 China time. */
const now = chinaInstant('2026-12-06', '10:00')
const times = (slots: { time: string }[]) => slots.map((s) => s.time)
const run = (over: Partial<Parameters<typeof computeSlots>[0]> = {}) =>
  computeSlots({ rules: [rule()], exceptions: [], taken: new Set(), policy, now, from: monday, to: monday, ...over })

describe('China time', () => {
  it('names dates, weekdays and instants at UTC+8 whatever the clock', () => {
    expect(weekdayOf(monday)).toBe(1)
    expect(weekdayOf('2026-12-06')).toBe(7)
    expect(chinaInstant(monday, '09:00').toISOString()).toBe('2026-12-07T01:00:00.000Z')
    // 23:30 UTC on the 6th is already the 7th in China.
    expect(chinaDate('2026-12-06T23:30:00.000Z')).toBe(monday)
  })
})

describe('slots', () => {
  it('cuts a weekly rule into sessions, with the buffer between them', () => {
    expect(times(run())).toEqual(['09:00', '10:00', '11:00'])
    expect(times(run({ rules: [rule({ sessionMinutes: 45, bufferMinutes: 15 })] }))).toEqual(['09:00', '10:00', '11:00'])
    expect(times(run({ rules: [rule({ sessionMinutes: 50, bufferMinutes: 10, end: '11:30' })] }))).toEqual(['09:00', '10:00'])
    const [first] = run()
    expect(first).toMatchObject({ start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T02:00:00.000Z', date: monday, mediatorId: 'm1', taken: false })
  })

  it('applies only on the rule’s weekday', () => {
    expect(run({ from: '2026-12-08', to: '2026-12-13' })).toEqual([])
    expect(times(run({ from: monday, to: '2026-12-14' }))).toEqual(['09:00', '10:00', '11:00', '09:00', '10:00', '11:00'])
  })

  it('marks the slots bookings hold as taken', () => {
    const slots = run({ taken: new Set([slotId({ date: monday, time: '10:00', mediatorId: 'm1' })]) })
    expect(slots.map((s) => s.taken)).toEqual([false, true, false])
  })

  it('removes closed days and hours, for the room or one mediator, and adds extra hours', () => {
    const two = [rule(), rule({ mediatorId: 'm2' })]
    expect(run({ rules: two, exceptions: [{ date: monday, kind: 'closed' }] })).toEqual([])
    expect(run({ rules: two, exceptions: [{ date: monday, kind: 'closed', mediatorId: 'm1' }] }).map((s) => s.mediatorId)).toEqual(['m2', 'm2', 'm2'])
    expect(times(run({ exceptions: [{ date: monday, kind: 'closed', start: '09:30', end: '10:30' }] }))).toEqual(['11:00'])
    expect(times(run({ exceptions: [{ date: monday, kind: 'extra', mediatorId: 'm1', start: '14:00', end: '16:00', sessionMinutes: 60 }] }))).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '14:00',
      '15:00',
    ])
    // Extra hours on a day without rules, for a mediator with no rule at all.
    expect(
      run({
        rules: [],
        exceptions: [{ date: '2026-12-08', kind: 'extra', mediatorId: 'm3', start: '19:00', end: '20:00' }],
        from: '2026-12-08',
        to: '2026-12-08',
      }).map((s) => s.mediatorId),
    ).toEqual(['m3'])
  })

  it('keeps the minimum notice and the horizon', () => {
    const mondayNine = chinaInstant(monday, '08:30')
    expect(times(run({ now: mondayNine }))).toEqual(['11:00'])
    expect(times(run({ now: mondayNine, policy: { minNoticeHours: 0, horizonDays: 14 } }))).toEqual(['09:00', '10:00', '11:00'])
    // 14 days from Sunday the 6th is the 20th: Monday the 21st is beyond the horizon.
    expect(run({ from: '2026-12-21', to: '2026-12-21' })).toEqual([])
    expect(run({ from: '2026-12-14', to: '2026-12-14' })).toHaveLength(3)
  })

  it('crosses month and year ends and never lists the past', () => {
    const lateDecember = chinaInstant('2026-12-27', '12:00')
    const slots = run({ now: lateDecember, from: '2026-12-20', to: '2027-01-05' })
    expect([...new Set(slots.map((s) => s.date))]).toEqual(['2026-12-28', '2027-01-04'])
  })

  it('filters one mediator, and orders by time then mediator', () => {
    const two = [rule({ mediatorId: 'm2' }), rule()]
    expect(
      run({ rules: two })
        .slice(0, 2)
        .map((s) => s.mediatorId),
    ).toEqual(['m1', 'm2'])
    expect(run({ rules: two, mediatorId: 'm2' }).every((s) => s.mediatorId === 'm2')).toBe(true)
  })
})

describe('rule problems', () => {
  it('finds overlaps on one weekday, ends before starts, windows shorter than a session', () => {
    const r = (weekday: number, start: string, end: string) => ({ weekday, start, end, sessionMinutes: 60, bufferMinutes: 0 })
    expect(ruleProblems([r(1, '09:00', '12:00'), r(2, '09:00', '12:00'), r(1, '14:00', '17:00')])).toEqual([])
    expect(ruleProblems([r(1, '09:00', '12:00'), r(1, '11:00', '13:00')])).toEqual([{ index: 1, message: '与第 1 条时段重叠' }])
    expect(ruleProblems([r(1, '12:00', '09:00')])[0]!.message).toContain('结束时间')
    expect(ruleProblems([r(1, '09:00', '09:30')])[0]!.message).toContain('短于')
  })
})

describe('weekly hours in words', () => {
  const r = (weekday: number, start: string, end: string) => ({ weekday, start, end })
  it('merges the mediators’ windows per weekday and joins runs of equal days', () => {
    const workdays = [1, 2, 3, 4, 5].map((d) => r(d, '09:00', '12:00'))
    expect(weeklyHours([...workdays, r(7, '14:00', '17:00')])).toBe('周一至周五 09:00–12:00；周日 14:00–17:00')
    // Two mediators overlapping on Monday make one window; a second window that day stays apart.
    expect(weeklyHours([r(1, '09:00', '11:00'), r(1, '10:00', '12:00'), r(1, '14:00', '16:00'), r(2, '09:00', '12:00')])).toBe(
      '周一 09:00–12:00、14:00–16:00；周二 09:00–12:00',
    )
    expect(weeklyHours([r(6, '09:00', '12:00'), r(7, '09:00', '12:00')])).toBe('周六、周日 09:00–12:00')
    expect(weeklyHours([])).toBe('')
  })
})
