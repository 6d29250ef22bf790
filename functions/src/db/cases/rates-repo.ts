/**
 * 三率 storage: a day's and a month's counts per node of each level (district, street, grid, department), and each
 * node's gauges (在办, 超期 now), added to from the stream (the fan-out of each case transition). One transaction per
 * transition for the counts: the event's mark (new, or nothing is added) and one ADD per level for the day and the
 * month — at most nine items whatever the data; the gauges move in a second one with its own mark. A report reads one
 * node's days with one Query; a ranking reads a level's month with one Query; the map reads a level's gauges with one.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add } from 'dynamodb-toolbox/entity/actions/update'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { gaugeCounts, rateCounts, type Counts, type Gauge } from '@linli/shared'
import type { Entities } from '../entities'
import { casePatterns } from './patterns'
import { backoff, transactNamed } from '../transact'
import type { RatesRepo } from '../../services/cases/ports'

/** How long an event's mark is kept: a step is retried within minutes, never after days. */
const MARK_TTL_SECONDS = 7 * 86_400
const CONFLICT_ATTEMPTS = 6

const countsOf = (i: Record<string, unknown> | undefined) => Object.fromEntries(rateCounts.map((k) => [k, Number(i?.[k] ?? 0)])) as Counts
const gaugeOf = (i: Record<string, unknown> | undefined) => Object.fromEntries(gaugeCounts.map((k) => [k, Number(i?.[k] ?? 0)])) as Gauge
const adds = (changes: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(changes).flatMap(([k, n]) => (n ? [[k, $add(n)]] : [])))

export function makeRatesRepo(e: Entities): RatesRepo {
  const days = e.RateDay.build(EntityRepository)
  const months = e.RateMonth.build(EntityRepository)
  const gauges = e.Gauge.build(EntityRepository)
  const marks = e.RatesMark.build(EntityRepository)
  const p = casePatterns(e)

  /** One transaction under an event's mark: false when the mark was there (added before). */
  async function once(districtId: string, eventId: string, now: Date, items: Parameters<typeof transactNamed>[0]) {
    // Transitions of one district on one day meet on the same counters: a transaction that met another is tried again.
    for (let attempt = 1; ; attempt++) {
      const written = await transactNamed({
        mark: marks.transactPut(
          { districtId, eventId, ttl: Math.floor(now.getTime() / 1000) + MARK_TTL_SECONDS },
          { condition: { attr: 'eventId', exists: false } },
        ),
        ...items,
      })
      if (written.ok) return true
      if (written.failed.includes('mark')) return false
      if (attempt === CONFLICT_ATTEMPTS) throw new Error(`rates: counts of ${eventId} met other writers ${attempt} times`)
      await backoff(attempt)
    }
  }

  return {
    async add({ districtId, eventId }, nodes, day, tally, now) {
      const added = adds(tally)
      if (!Object.keys(added).length) return false
      const month = day.slice(0, 7)
      return once(districtId, eventId, now, {
        days: nodes.map(({ level, nodeId }) => days.transactUpdate({ districtId, level, nodeId, day, ...added })),
        months: nodes.map(({ level, nodeId }) => months.transactUpdate({ districtId, level, month, nodeId, ...added })),
      })
    },

    async move({ districtId, eventId }, moves, now) {
      const moved = moves.filter((m) => Object.keys(adds(m.delta)).length)
      if (!moved.length) return false
      return once(districtId, `${eventId}#gauge`, now, {
        gauges: moved.map(({ level, nodeId, delta }) => gauges.transactUpdate({ districtId, level, nodeId, ...adds(delta) })),
      })
    },

    async addCategory({ districtId, eventId }, month, gridId, categoryId, now) {
      return once(districtId, `${eventId}#category`, now, {
        category: months.transactUpdate({ districtId, level: 'category', month, nodeId: categoryId, ...adds({ received: 1 }) }),
        gridCategory: months.transactUpdate({ districtId, level: 'gridCategory', month, nodeId: `${gridId}~${categoryId}`, ...adds({ received: 1 }) }),
      })
    },

    /** Access pattern "a level's counts in a month" on the two category levels: one Query each. */
    async categoryMonth(districtId, month) {
      const [categories, pairs] = await Promise.all(
        ['category', 'gridCategory'].map((level) => p["a level's counts in a month"].query({ districtId, level, month }).send()),
      )
      const byGrid = new Map<string, Map<string, number>>()
      for (const i of pairs!.Items ?? []) {
        const [gridId = '', categoryId = ''] = i.nodeId.split('~')
        byGrid.set(gridId, (byGrid.get(gridId) ?? new Map()).set(categoryId, countsOf(i).received))
      }
      return { byCategory: new Map((categories!.Items ?? []).map((i) => [i.nodeId, countsOf(i).received])), byGrid }
    },

    /** Access pattern "a level's counts in a month": one Query of every node's counts (a page per 1 MB read). */
    async month(districtId, level, month) {
      const { Items = [] } = await p["a level's counts in a month"].query({ districtId, level, month }).send()
      return new Map(Items.map((i) => [i.nodeId, countsOf(i)]))
    },

    /** BatchGetItem of one node's months (≤ 100). */
    async months(districtId, level, nodeId, wanted) {
      if (!wanted.length) return new Map()
      const { Responses } = await batchGet(
        { maxAttempts: 5 },
        e.table.build(BatchGetCommand).requests(...wanted.map((month) => months.batchGet({ districtId, level, month, nodeId }))),
      )
      return new Map((Responses?.[0] ?? []).flatMap((i) => (i ? [[i.month, countsOf(i)] as const] : [])))
    },

    /** Access pattern "a level's gauges": one Query of every node's 在办 and 超期. */
    async gauges(districtId, level) {
      const { Items = [] } = await p["a level's gauges"].query({ districtId, level }).send()
      return new Map(Items.map((i) => [i.nodeId, gaugeOf(i)]))
    },

    /** Access pattern "a node's rates by day": Query pk = RATES#<level>#<node>, sk between the two China dates. */
    async days(districtId, level, nodeId, from, to) {
      const { Items = [], ScannedCount = 0 } = await p["a node's rates by day"].query({ districtId, level, nodeId, from, to }).send()
      const items = Items.map((i) => ({
        day: i.day,
        ...countsOf(i),
      }))
      return { items, scanned: ScannedCount }
    },
  }
}
