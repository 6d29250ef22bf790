/**
 * The household roster's rules (DESIGN.md §3 "Field work"): care tags and how often each is visited. A household
 * is due when its last visit (or, never visited, its entry on the roster) is older than the shortest cadence of its
 * tags; a household without a tag has no cadence and is never on the due list.
 */
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

/** When a household (or one tag of it) is next due: `since` (its last visit or entry) plus the cadence. */
export function nextDue(tags: readonly CareTag[], since: string): string | undefined {
  if (!tags.length) return undefined
  const days = Math.min(...tags.map((t) => visitCadenceDays[t]))
  return new Date(Date.parse(since) + days * DAY_MS).toISOString()
}

/** A tag's label back to the tag (spreadsheets say 独居老人, not elderly_alone). */
export const careTagOf = (label: string): CareTag | undefined => (careTags as readonly string[]).includes(label) ? (label as CareTag) : careTags.find((t) => careTagLabels[t] === label)
