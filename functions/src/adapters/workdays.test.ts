import { workdayDeadline } from './workdays'

describe('working days on China’s official calendar', () => {
  it('skips the National Day holidays and Sunday, and counts a 调休 working Saturday', () => {
    // 2026-09-30 (Wed) → 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (Sat, 调休) 3, 10-12 (Mon) 4, 10-13 (Tue) 5: ends at 24:00 China time.
    expect(workdayDeadline(new Date('2026-09-30T02:00:00.000Z'), 5)).toBe('2026-10-13T16:00:00.000Z')
    expect(workdayDeadline(new Date('2026-10-09T09:00:00.000Z'), 1)).toBe('2026-10-10T16:00:00.000Z')
  })

  it('counts from the China date, not the UTC one', () => {
    // 2026-12-07 23:30 China time is still the 7th there (15:30 UTC); the 8th (UTC 16:30) is the next China day.
    expect(workdayDeadline(new Date('2026-12-07T15:30:00.000Z'), 1)).toBe('2026-12-08T16:00:00.000Z')
    expect(workdayDeadline(new Date('2026-12-07T16:30:00.000Z'), 1)).toBe('2026-12-09T16:00:00.000Z')
  })
})
