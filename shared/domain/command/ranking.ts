/**
 * Rankings (排名) of streets, grids and departments by a composite of the 三率 (DESIGN.md §3 "Command centre"): each
 * rate weighted, the weights renormalised over the rates a unit has (a unit nobody rated is not marked down for it),
 * and no unit ranked on fewer cases than the minimum (a street with two cases, both on time, is not "best").
 */
import { ratesOf, type Counts } from '../case/rates'
import { addMonths } from '../mediation/china-time'

export interface RankingWeights {
  /** 响应率: cases accepted within their deadline. */
  accept: number
  /** 解决率: cases resolved within their deadline. */
  resolve: number
  /** 满意率: ratings of 4 or 5. */
  satisfaction: number
}

/** Beijing's 接诉即办 weighs response, resolution and satisfaction about 30/35/35. */
export const defaultWeights: RankingWeights = { accept: 30, resolve: 35, satisfaction: 35 }
/** Fewer cases received in the month than this and a unit is listed, not ranked. */
export const DEFAULT_MIN_CASES = 5

/** The composite score (0–100, one decimal) of a month's counts, or undefined when none of the rates can be read. */
export function compositeScore(c: Counts, w: RankingWeights = defaultWeights): number | undefined {
  const r = ratesOf(c)
  const parts = (
    [
      [r.acceptRate, w.accept],
      [r.resolveRate, w.resolve],
      [r.satisfactionRate, w.satisfaction],
    ] as const
  ).filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] > 0)
  const weight = parts.reduce((s, [, wt]) => s + wt, 0)
  if (!weight) return undefined
  return Math.round((parts.reduce((s, [rate, wt]) => s + rate * wt, 0) / weight) * 1000) / 10
}

export interface Ranked<U> {
  unit: U
  counts: Counts
  score?: number
  /** 1 for the best; absent when the unit is not ranked (too few cases, or no rate to read). */
  rank?: number
  /** Score points against the month before (环比) and the same month a year before (同比), where both are ranked. */
  monthOnMonth?: number
  yearOnYear?: number
}

/** Ranks units by their month's score (ties share a rank), with the change against the month before and the year before. */
export function rankUnits<U extends { id: string }>(
  units: readonly U[],
  month: ReadonlyMap<string, Counts>,
  before: { previous: ReadonlyMap<string, Counts>; lastYear: ReadonlyMap<string, Counts> },
  zero: () => Counts,
  { weights = defaultWeights, minCases = DEFAULT_MIN_CASES }: { weights?: RankingWeights; minCases?: number } = {},
): Ranked<U>[] {
  const scoreOf = (c: Counts | undefined) => (c && c.received >= minCases ? compositeScore(c, weights) : undefined)
  const rows = units.map((unit) => {
    const counts = month.get(unit.id) ?? zero()
    const score = scoreOf(counts)
    const change = (then: number | undefined) => (score !== undefined && then !== undefined ? Math.round((score - then) * 10) / 10 : undefined)
    return { unit, counts, score, monthOnMonth: change(scoreOf(before.previous.get(unit.id))), yearOnYear: change(scoreOf(before.lastYear.get(unit.id))) }
  })
  const ranked = rows.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score! || b.counts.received - a.counts.received)
  const rankOf = new Map(ranked.map((r) => [r.unit.id, 1 + ranked.findIndex((x) => x.score === r.score)]))
  return [...ranked, ...rows.filter((r) => r.score === undefined).sort((a, b) => b.counts.received - a.counts.received)].map((r) => ({
    ...r,
    rank: rankOf.get(r.unit.id),
  }))
}

/** The month before a YYYY-MM month, and the same month a year before. */
export const monthsBefore = (month: string) => ({ previous: addMonths(month, -1), lastYear: addMonths(month, -12) })
