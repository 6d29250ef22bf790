/**
 * China's official calendar (chinese-days: the State Council's holidays and 调休 working weekends, year by year —
 * keep the package current each December, when the next year's schedule is published).
 */
import { findWorkday } from 'chinese-days'
import { addDays, chinaDate, chinaInstant, type WorkdayCalendar } from '@linli/shared'

/** The end (24:00 China time) of the `workdays`-th working day after `at`'s China date. */
export const workdayDeadline: WorkdayCalendar = (at, workdays) => chinaInstant(addDays(findWorkday(workdays, chinaDate(at)), 1), '00:00').toISOString()
