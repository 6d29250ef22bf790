/** When a household is due for a visit: each care tag's cadence after its last visit (or its entry on the roster). */
import { chinaDate } from '@linli/shared'
import type { HouseholdRecord } from './ports'

const DAY_MS = 86_400_000

export const dueAfter = (h: Pick<HouseholdRecord, 'lastVisitAt' | 'createdAt'>, days: number) => new Date(Date.parse(h.lastVisitAt ?? h.createdAt) + days * DAY_MS).toISOString()

/** Its shortest cadence after the last visit; none without a care tag. */
export const nextDueOf = (h: Pick<HouseholdRecord, 'lastVisitAt' | 'createdAt' | 'cadences'>) => {
  const days = Object.values(h.cadences)
  return days.length ? dueAfter(h, Math.min(...days)) : undefined
}

/** The last instant of the China day `at` falls on. */
export const endOfChinaDay = (at: string | Date) => new Date(Date.parse(`${chinaDate(at)}T23:59:59.999+08:00`)).toISOString()
