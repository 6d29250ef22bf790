/**
 * The household roster's rules (DESIGN.md §3 "Field work"): care tags and how often each is visited. A household
 * is due when its last visit (or, never visited, its entry on the roster) is older than the shortest cadence of its
 * tags; a household without a tag has no cadence and is never on the due list.
 */
import { chinaDate } from '../mediation/china-time'

export const careTags = ['elderly_alone', 'left_behind_child', 'disabled', 'low_income', 'key_attention'] as const
export type CareTag = (typeof careTags)[number]

export const careTagLabels: Record<CareTag, string> = {
  elderly_alone: '独居老人',
  left_behind_child: '留守儿童',
  disabled: '残疾',
  low_income: '低保',
  key_attention: '重点关注',
}

/** Days between visits, per tag. */
export const visitCadenceDays: Record<CareTag, number> = {
  elderly_alone: 7,
  left_behind_child: 14,
  disabled: 14,
  low_income: 30,
  key_attention: 7,
}

const DAY_MS = 86_400_000

/** A tag's label back to the tag (spreadsheets say 独居老人, not elderly_alone). */
export const careTagOf = (label: string): CareTag | undefined =>
  (careTags as readonly string[]).includes(label) ? (label as CareTag) : careTags.find((t) => careTagLabels[t] === label)

/** What a household's due date is worked out from. */
type VisitFacts = { lastVisitAt?: string; createdAt: string }

/** When a household is due for a visit at a cadence of `days`: after its last visit (or its entry on the roster). */
export const dueAfter = (h: VisitFacts, days: number) => new Date(Date.parse(h.lastVisitAt ?? h.createdAt) + days * DAY_MS).toISOString()

/** Its shortest cadence after the last visit; none without a care tag. */
export const nextDueOf = (h: VisitFacts & { cadences: Record<string, number> }) => {
  const days = Object.values(h.cadences)
  return days.length ? dueAfter(h, Math.min(...days)) : undefined
}

/** The last instant of the China day `at` falls on. */
export const endOfChinaDay = (at: string | Date) => new Date(Date.parse(`${chinaDate(at)}T23:59:59.999+08:00`)).toISOString()
