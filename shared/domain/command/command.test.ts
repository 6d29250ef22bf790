import { zeroCounts, type Counts } from '../case/rates'
import { compositeScore, monthsBefore, rankUnits } from './ranking'
import { defaultGradeRules, gradeOf, PATROL_WINDOW_DAYS, patrolWindow } from './grades'
import { clusterPoints } from './clusters'

const counts = (c: Partial<Counts>): Counts => ({ ...zeroCounts(), ...c })
/** n cases received, accepted and resolved, `inTime` of them in time, `satisfied` of `rated` happy. */
const month = (n: number, inTime: number, rated = 0, satisfied = 0) =>
  counts({ received: n, accepted: n, acceptedInTime: inTime, resolved: n, resolvedInTime: inTime, rated, satisfied, ratingSum: satisfied * 5 })

describe('rankings', () => {
  it('weighs the three rates 30/35/35, over the rates a unit has', () => {
    expect(compositeScore(month(10, 10, 10, 10))).toBe(100)
    expect(compositeScore(month(10, 5, 10, 10))).toBe(67.5) // 0.5·30 + 0.5·35 + 1·35
    expect(compositeScore(month(10, 5))).toBe(50) // nobody rated: the two rates it has, reweighed
    expect(compositeScore(counts({ received: 3 }))).toBeUndefined()
    expect(compositeScore(month(10, 5, 10, 10), { accept: 0, resolve: 0, satisfaction: 1 })).toBe(100)
  })

  it('ranks only units with the minimum of cases, ties share a rank, and says the change against last month and last year', () => {
    const units = ['a', 'b', 'c', 'd'].map((id) => ({ id }))
    const now = new Map([
      ['a', month(10, 8)],
      ['b', month(6, 6)],
      ['c', month(4, 4)],
      ['d', month(12, 12)],
    ])
    const ranked = rankUnits(units, now, { previous: new Map([['b', month(10, 5)]]), lastYear: new Map([['b', month(2, 2)]]) }, zeroCounts)
    expect(ranked.map((r) => [r.unit.id, r.rank, r.score])).toEqual([
      ['d', 1, 100],
      ['b', 1, 100],
      ['a', 3, 80],
      ['c', undefined, undefined],
    ])
    expect(ranked.find((r) => r.unit.id === 'b')).toMatchObject({ monthOnMonth: 50 })
    expect(ranked.find((r) => r.unit.id === 'b')!.yearOnYear).toBeUndefined() // two cases a year ago: not ranked then
    expect(rankUnits(units, now, { previous: new Map(), lastYear: new Map() }, zeroCounts, { minCases: 11 }).filter((r) => r.rank)).toHaveLength(1)
  })

  it('knows the month before and the year before', () => {
    expect(monthsBefore('2026-01')).toEqual({ previous: '2025-12', lastYear: '2025-01' })
    expect(monthsBefore('2026-10')).toEqual({ previous: '2026-09', lastYear: '2025-10' })
  })
})

describe('五色预警', () => {
  const grid = { open: 0, openOverdue: 0, receivedMonth: 0, reopenedMonth: 0, repeatedMonth: 0, daysUnpatrolled: 0 }
  it('gives the gravest grade that holds, with every reason once', () => {
    expect(gradeOf(grid)).toEqual({ grade: 'green', reasons: [] })
    expect(gradeOf({ ...grid, receivedMonth: 12 })).toEqual({ grade: 'blue', reasons: ['本月受理 12 件'] })
    expect(gradeOf({ ...grid, open: 11, openOverdue: 1 })).toEqual({ grade: 'orange', reasons: ['1 件超期未办结', '在办 11 件'] })
    expect(gradeOf({ ...grid, open: 4, openOverdue: 4, reopenedMonth: 2 })).toEqual({ grade: 'red', reasons: ['4 件超期未办结', '本月 2 件重办'] })
    expect(gradeOf({ ...grid, receivedMonth: 4, repeatedMonth: 3 })).toEqual({ grade: 'orange', reasons: ['本月同类投诉 3 件'] })
  })

  it('looks back for patrols only as far as a rule asks, at most a month', () => {
    const rule = (atLeast: number) => ({ grade: 'yellow' as const, figure: 'daysUnpatrolled' as const, atLeast, reason: '{n} 天无巡查打卡' })
    expect(patrolWindow(defaultGradeRules)).toBe(0)
    expect(patrolWindow([rule(3), rule(7), { grade: 'red', figure: 'open', atLeast: 50, reason: '在办 {n} 件' }])).toBe(7)
    expect(patrolWindow([rule(400)])).toBe(PATROL_WINDOW_DAYS)
    expect(gradeOf({ ...grid, daysUnpatrolled: 7 }, [rule(7)])).toEqual({ grade: 'yellow', reasons: ['7 天无巡查打卡'] })
    expect(gradeOf({ ...grid, daysUnpatrolled: 6 }, [rule(7)])).toEqual({ grade: 'green', reasons: [] })
  })

  it('reads rules as data: a district may keep its own', () => {
    expect(gradeOf({ ...grid, open: 2 }, [{ grade: 'yellow', figure: 'open', atLeast: 2, reason: '在办 {n} 件' }])).toEqual({
      grade: 'yellow',
      reasons: ['在办 2 件'],
    })
  })
})

describe('the map’s clusters', () => {
  const extent = [114.0, 30.0, 114.24, 30.12] as const // 0.24° wide: cells of 0.01°
  const at = (lng: number, lat: number, late = false) => ({ lng, lat, late })

  it('draws points of one cell as one, at their mean, late when any is', () => {
    const clusters = clusterPoints([at(114.001, 30.001), at(114.009, 30.009, true), at(114.2, 30.1)], extent)
    expect(clusters).toHaveLength(2)
    expect(clusters[0]!.lat).toBeCloseTo(30.005, 9)
    expect(clusters[0]!.lng).toBeCloseTo(114.005, 9)
    expect(clusters[0]!.late).toBe(1)
    expect(clusters[0]!.points).toHaveLength(2)
    expect(clusters[1]).toMatchObject({ lat: 30.1, lng: 114.2, late: 0, points: [at(114.2, 30.1)] })
  })

  it('keeps points of neighbouring cells apart, and copes with a map of one point', () => {
    expect(clusterPoints([at(114.009, 30.0), at(114.011, 30.0)], extent)).toHaveLength(2)
    expect(clusterPoints([at(114.0, 30.0)], [114.0, 30.0, 114.0, 30.0])).toEqual([{ lat: 30.0, lng: 114.0, late: 0, points: [at(114.0, 30.0)] }])
  })
})
