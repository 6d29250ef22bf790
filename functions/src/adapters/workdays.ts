/**
 * China's official calendar (chinese-days: the State Council's holidays and 调休 working weekends, year by year —
 * keep the package current each December, when the next year's schedule is published).
 */
import { addDays, chinaDate, chinaInstant, type WorkdayCalendar } from '@linli/shared'

/**
 * The calendar is read when a deadline in working days is first asked for, not when a function loads: building its
 * tables takes ~10 ms, which every function's cold start would otherwise pay (issue "Back under the speed budgets").
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
const calendar = () => require('chinese-days') as typeof import('chinese-days')

/** The end (24:00 China time) of the `workdays`-th working day after `at`'s China date. */
export const workdayDeadline: WorkdayCalendar = (at, workdays) =>
  chinaInstant(addDays(calendar().findWorkday(workdays, chinaDate(at)), 1), '00:00').toISOString()
