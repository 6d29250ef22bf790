/**
 * The command centre's reads (DESIGN.md §3 "Command centre"). Each answer is a bounded number of reads of the counters
 * the stream keeps — a day item, a month item, a year's months (≤ 12), a level's month and a level's gauges (one item
 * per street, grid or department) — whatever the number of cases.
 */
import {
  addDays,
  addMonths,
  chinaDate,
  DEFAULT_MIN_CASES,
  defaultGradeRules,
  defaultWeights,
  DomainError,
  gradeOf,
  isWithin,
  lineOf,
  monthsBefore,
  rankUnits,
  patrolWindow,
  ratesOf,
  scopesFor,
  sumCounts,
  weekdayOf,
  zeroCounts,
  type Action,
  type CommandSettings,
  type Counts,
  type RouteQuery,
  type commandRankings,
  type commandCategories,
} from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { NodeRecord } from '../district/ports'
import type { CommandDeps } from './ports'

type Watched = NodeRecord & { level: 'district' | 'street' }

/**
 * The district or street watched: the one asked for when it is the caller's level or below it, else (none asked for)
 * the highest the caller watches. A node they do not watch is not theirs to know of (404).
 */
export function watchedNode(caller: Caller, nodes: readonly NodeRecord[], nodeId: string | undefined, action: Action = 'command.watch'): Watched {
  const scopes = scopesFor(caller.roles, action)
  const asked = nodeId
    ? nodes.find((n) => n.id === nodeId)
    : (nodes.find((n) => n.level === 'district' && scopes.includes(n.id)) ?? nodes.find((n) => scopes.includes(n.id)))
  if (!asked || (asked.level !== 'district' && asked.level !== 'street') || !isWithin(nodes, asked.id, scopes))
    throw new DomainError('command.notFound', [{ path: 'nodeId', message: '没有这一街道，或它不在你的辖区内' }])
  return asked as Watched
}

/** The nodes under a node, at a level. */
export const below = (nodes: readonly NodeRecord[], top: NodeRecord, level: NodeRecord['level']) =>
  nodes.filter((n) => n.level === level && isWithin(nodes, n.id, [top.id]))

export const streetOf = (nodes: readonly NodeRecord[], n: NodeRecord): string | undefined => lineOf(nodes, n.id).find((x) => x.level === 'street')?.id

const sharesOf = (c: Counts) => ({ ...ratesOf(c), received: c.received })

export async function overview(deps: CommandDeps, caller: Caller, q: { nodeId?: string }) {
  const districtId = caller.user.districtId
  const { nodes } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId)
  const now = deps.clock()
  const today = chinaDate(now.toISOString())
  const [year, month] = [today.slice(0, 4), today.slice(0, 7)]
  const unitLevel = node.level === 'district' ? 'street' : 'grid'
  const units = below(nodes, node, unitLevel)
  const monday = addDays(today, 1 - weekdayOf(today))
  const [days, months, unitMonth, gauges, work, mediation] = await Promise.all([
    deps.repos.rates.days(districtId, node.level, node.id, today, today),
    deps.repos.rates.months(
      districtId,
      node.level,
      node.id,
      Array.from({ length: Number(month.slice(5)) }, (_, i) => addMonths(`${year}-01`, i)),
    ),
    deps.repos.rates.month(districtId, unitLevel, month),
    // The node's own gauge and its units' (the district's streets, or all the grids, of which the street's are kept).
    Promise.all([deps.repos.rates.gauges(districtId, node.level), deps.repos.rates.gauges(districtId, unitLevel)]),
    deps.repos.field.dayWork(districtId, today),
    deps.repos.mediation.mediationDays(districtId, monday, today),
  ])
  const grids = below(nodes, node, 'grid')
  const worked = grids.flatMap((g) => work.get(g.id) ?? [])
  const day = days.items[0] ?? zeroCounts()
  const [own, ofUnits] = gauges
  const gauge = own.get(node.id) ?? { open: 0, openOverdue: 0 }
  return {
    node: { id: node.id, name: node.name, level: node.level },
    asOf: now.toISOString(),
    today: { received: day.received, accepted: day.accepted, dispatched: day.dispatched, resolved: day.resolved },
    inHand: gauge,
    rates: { today: sharesOf(day), month: sharesOf(months.get(month) ?? zeroCounts()), year: sharesOf(sumCounts(months.values())) },
    field: {
      checkins: worked.reduce((n, w) => n + w.checkins, 0),
      visits: worked.reduce((n, w) => n + w.visits, 0),
      gridsPatrolled: worked.filter((w) => w.checkins > 0).length,
      grids: grids.length,
    },
    mediation: { ...mediation, agreementRate: mediation.held ? Math.round((mediation.agreements / mediation.held) * 1000) / 1000 : undefined },
    units: units.map((u) => {
      const m = unitMonth.get(u.id)
      return { id: u.id, name: u.name, ...(ofUnits.get(u.id) ?? { open: 0, openOverdue: 0 }), receivedMonth: m?.received ?? 0, resolvedMonth: m?.resolved ?? 0 }
    }),
  }
}

export async function gridMap(deps: CommandDeps, caller: Caller, q: { nodeId?: string }) {
  const districtId = caller.user.districtId
  const { nodes, rooms } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId)
  const today = chinaDate(deps.clock().toISOString())
  const month = today.slice(0, 7)
  const [gauges, counts, { byGrid }, { gradeRules }, work] = await Promise.all([
    deps.repos.rates.gauges(districtId, 'grid'),
    deps.repos.rates.month(districtId, 'grid', month),
    deps.repos.rates.categoryMonth(districtId, month),
    settingsOf(deps, districtId),
    deps.repos.field.dayWork(districtId, today),
  ])
  // The days before today a grade rule looks back over for a grid's last patrol: one Query each, side by side.
  const window = patrolWindow(gradeRules)
  const earlier = await Promise.all(Array.from({ length: Math.max(0, window - 1) }, (_, i) => deps.repos.field.dayWork(districtId, addDays(today, -(i + 1)))))
  const days = [work, ...earlier]
  const unpatrolled = (gridId: string) => {
    const last = days.findIndex((d) => (d.get(gridId)?.checkins ?? 0) > 0)
    return last === -1 ? window : last
  }
  return {
    node: { id: node.id, name: node.name },
    grids: below(nodes, node, 'grid').map((g) => {
      const figures = {
        ...(gauges.get(g.id) ?? { open: 0, openOverdue: 0 }),
        receivedMonth: counts.get(g.id)?.received ?? 0,
        reopenedMonth: counts.get(g.id)?.reopened ?? 0,
        repeatedMonth: Math.max(0, ...(byGrid.get(g.id)?.values() ?? [])),
        daysUnpatrolled: unpatrolled(g.id),
      }
      const staff = { gridworker: g.roster?.gridworker?.name, gridLeader: g.roster?.gridLeader?.name }
      return {
        id: g.id,
        name: g.name,
        streetId: streetOf(nodes, g),
        boundary: g.boundary,
        staff,
        households: g.roster?.households,
        checkinsToday: work.get(g.id)?.checkins ?? 0,
        visitsToday: work.get(g.id)?.visits ?? 0,
        ...figures,
        ...gradeOf(figures, gradeRules),
      }
    }),
    rooms: rooms.filter((r) => isWithin(nodes, r.nodeId, [node.id])).map((r) => ({ id: r.id, name: r.name, lat: r.lat, lng: r.lng })),
  }
}

export async function rankings(deps: CommandDeps, caller: Caller, q: RouteQuery<typeof commandRankings>) {
  const districtId = caller.user.districtId
  const { nodes, departments } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId)
  // Departments serve the whole district: ranking them is the district's view.
  if (q.level === 'department' && node.level !== 'district') throw new DomainError('command.notFound', [{ path: 'level', message: '部门排名只在区级查看' }])
  if (q.level === 'street' && node.level !== 'district') throw new DomainError('command.notFound', [{ path: 'level', message: '街道排名只在区级查看' }])
  const units = q.level === 'department' ? departments.map((d) => ({ id: d.id, name: d.name })) : below(nodes, node, q.level)
  const { previous, lastYear } = monthsBefore(q.month)
  const [[month, prev, last], { weights, minCases }] = await Promise.all([
    Promise.all([q.month, previous, lastYear].map((m) => deps.repos.rates.month(districtId, q.level, m))),
    settingsOf(deps, districtId),
  ])
  const ranked = rankUnits(units, month!, { previous: prev!, lastYear: last! }, zeroCounts, { weights, minCases })
  return {
    month: q.month,
    level: q.level,
    weights,
    minCases,
    units: ranked.map((r) => ({
      id: r.unit.id,
      name: r.unit.name,
      ...sharesOf(r.counts),
      resolved: r.counts.resolved,
      score: r.score,
      rank: r.rank,
      monthOnMonth: r.monthOnMonth,
      yearOnYear: r.yearOnYear,
    })),
  }
}

/** The last 30 days and the last 12 months of a district or street: one Query of its days and one BatchGet of its months. */
export async function trends(deps: CommandDeps, caller: Caller, q: { nodeId?: string }) {
  const districtId = caller.user.districtId
  const { nodes } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId)
  const today = chinaDate(deps.clock().toISOString())
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29))
  const months = Array.from({ length: 12 }, (_, i) => addMonths(today.slice(0, 7), i - 11))
  const [byDay, byMonth] = await Promise.all([
    deps.repos.rates.days(districtId, node.level, node.id, days[0]!, today),
    deps.repos.rates.months(districtId, node.level, node.id, months),
  ])
  const point = (c: Counts | undefined) => {
    const r = ratesOf(c ?? zeroCounts())
    return { received: c?.received ?? 0, resolved: c?.resolved ?? 0, resolveRate: r.resolveRate, satisfactionRate: r.satisfactionRate }
  }
  const dayCounts = new Map(byDay.items.map((d) => [d.day, d]))
  return {
    node: { id: node.id, name: node.name },
    days: days.map((day) => ({ day, ...point(dayCounts.get(day)) })),
    months: months.map((month) => ({ month, ...point(byMonth.get(month)) })),
  }
}

/** The district's rules, or the defaults where its admin set none. */
export async function settingsOf(deps: Pick<CommandDeps, 'repos'>, districtId: string): Promise<CommandSettings> {
  return (await deps.repos.commandSettings.get(districtId)) ?? { weights: defaultWeights, minCases: DEFAULT_MIN_CASES, gradeRules: [...defaultGradeRules] }
}

export const readSettings = (deps: CommandDeps, caller: Caller) => settingsOf(deps, caller.user.districtId)

export async function putSettings(deps: CommandDeps, caller: Caller, settings: CommandSettings) {
  await deps.repos.commandSettings.put(caller.user.districtId, settings, caller.user.id, deps.clock().toISOString())
  return settings
}

/** A grid with this many cases of one category in a month is a hot spot (热点). */
export const HOT_SPOT_CASES = 3

/** The month's categories by cases received, and its hot spots, within a district or street: two Queries of the month. */
export async function categoriesOf(deps: CommandDeps, caller: Caller, q: RouteQuery<typeof commandCategories>) {
  const districtId = caller.user.districtId
  const { nodes, categories } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId)
  const grids = below(nodes, node, 'grid')
  const { byCategory, byGrid } = await deps.repos.rates.categoryMonth(districtId, q.month)
  const named = (id: string) => categories.find((c) => c.id === id)?.name ?? id
  // A street's own categories are its grids' sums; the district's are kept whole.
  const counted =
    node.level === 'district'
      ? byCategory
      : grids.reduce((m, g) => {
          for (const [c, n] of byGrid.get(g.id) ?? []) m.set(c, (m.get(c) ?? 0) + n)
          return m
        }, new Map<string, number>())
  return {
    month: q.month,
    categories: [...counted]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id, received]) => ({ id, name: named(id), received })),
    hotSpots: grids
      .flatMap((g) =>
        [...(byGrid.get(g.id) ?? [])]
          .filter(([, n]) => n >= HOT_SPOT_CASES)
          .map(([c, n]) => ({ gridId: g.id, gridName: g.name, categoryId: c, categoryName: named(c), received: n })),
      )
      .sort((a, b) => b.received - a.received)
      .slice(0, 20),
  }
}
