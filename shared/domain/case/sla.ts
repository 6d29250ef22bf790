/**
 * SLA bands after the Beijing 12345 practice (../shared/reference/field-practice.md): each band gives the time to
 * accept, to dispatch and to resolve a case, in minutes. Categories name a band; the case clock reads it.
 */
export const slaBands = {
  urgent: { label: '紧急', acceptMinutes: 15, dispatchMinutes: 60, resolveMinutes: 24 * 60 },
  utility: { label: '水电气热', acceptMinutes: 30, dispatchMinutes: 2 * 60, resolveMinutes: 2 * 24 * 60 },
  general: { label: '一般', acceptMinutes: 4 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 },
  complex: { label: '复杂', acceptMinutes: 8 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 15 * 24 * 60 },
} as const

export type SlaBand = keyof typeof slaBands
export const slaBandKeys = Object.keys(slaBands) as [SlaBand, ...SlaBand[]]

export const priorities = ['high', 'medium', 'low'] as const
export type Priority = (typeof priorities)[number]
export const priorityLabels: Record<Priority, string> = { high: '高', medium: '中', low: '低' }

/** The deadlines a case gets when it is submitted at `at` (ISO strings). */
export function slaDeadlines(band: SlaBand, at: Date) {
  const b = slaBands[band]
  const plus = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString()
  return { acceptBy: plus(b.acceptMinutes), dispatchBy: plus(b.dispatchMinutes), resolveBy: plus(b.resolveMinutes) }
}
