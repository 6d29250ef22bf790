/**
 * 三率 storage: a day's and a month's counts per node of each level (district, street, community, grid, department, and the
 * command centre's category and grid-by-category months), and each node's gauges (在办, 超期 now), added to from the
 * stream (the fan-out of each case transition). A transition's counts and gauge moves are written once, under the
 * event's mark. The events of one stream batch meet on the same district items, so the counts asked for together
 * (in one turn of the event loop) are summed into one transaction per district — their marks and one ADD per item —
 * instead of each conflicting with the others; an event whose mark was there already is left out and the rest written.
 * A report reads one node's days with one Query; a ranking reads a level's month with one Query; the map reads a
 * level's gauges with one.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add } from 'dynamodb-toolbox/entity/actions/update'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { gaugeCounts, rateCounts, type Counts, type Gauge } from '@linli/shared'
import type { Entities } from '../entities'
import { casePatterns } from './patterns'
import { backoff, transactNamed, type WriteItem } from '../transact'
import type { RatesChange, RatesRepo } from '../../services/cases/ports'

/** How long an event's mark is kept: a step is retried within minutes, never after days. */
const MARK_TTL_SECONDS = 7 * 86_400
const CONFLICT_ATTEMPTS = 6
/** DynamoDB's bound on the items of one transaction. */
const TRANSACTION_ITEMS = 100

const countsOf = (i: Record<string, unknown> | undefined) => Object.fromEntries(rateCounts.map((k) => [k, Number(i?.[k] ?? 0)])) as Counts
const gaugeOf = (i: Record<string, unknown> | undefined) => Object.fromEntries(gaugeCounts.map((k) => [k, Number(i?.[k] ?? 0)])) as Gauge
const adds = (changes: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(changes).flatMap(([k, n]) => (n ? [[k, $add(n)]] : [])))

/** One counter item a change adds to: which entity, its key, and the amounts. */
type Counter = { entity: 'day' | 'month' | 'gauge'; key: Record<string, string>; add: Partial<Record<string, number>> }
/** An event's change waiting to be written with the others of its turn. */
type Pending = { eventId: string; counters: Counter[]; done: (written: boolean) => void; fail: (err: unknown) => void }

/** The counter items of one change (none when it adds nothing). */
function countersOf(districtId: string, { day, nodes, tally, category, gauges }: RatesChange): Counter[] {
  const month = day.slice(0, 7)
  const counted = tally && Object.values(tally).some(Boolean) ? tally : undefined
  return [
    ...(counted
      ? nodes.flatMap(({ level, nodeId }): Counter[] => [
          { entity: 'day', key: { districtId, level, nodeId, day }, add: counted },
          { entity: 'month', key: { districtId, level, month, nodeId }, add: counted },
        ])
      : []),
    // A new case counts in its category's month and its grid's month of that category (the command centre's hot spots).
    ...(category
      ? (['category', 'gridCategory'] as const).map(
          (level): Counter => ({
            entity: 'month',
            key: { districtId, level, month, nodeId: level === 'category' ? category.categoryId : `${category.gridId}~${category.categoryId}` },
            add: { received: 1 },
          }),
        )
      : []),
    ...(gauges ?? []).flatMap(({ level, nodeId, delta }): Counter[] =>
      Object.values(delta).some(Boolean) ? [{ entity: 'gauge', key: { districtId, level, nodeId }, add: delta }] : [],
    ),
  ]
}

const keyOf = (c: Counter) => `${c.entity}#${Object.values(c.key).join('#')}`

/** The waiting changes in turns of at most one transaction's items each: their marks and their summed counters. */
function inTransactions(pending: readonly Pending[]): Pending[][] {
  const groups: { members: Pending[]; keys: Set<string> }[] = []
  for (const p of pending) {
    const group = groups.at(-1)
    const fresh = group ? p.counters.filter((c) => !group.keys.has(keyOf(c))).length : Infinity
    if (group && group.members.length + group.keys.size + 1 + fresh <= TRANSACTION_ITEMS) {
      group.members.push(p)
      p.counters.forEach((c) => group.keys.add(keyOf(c)))
    } else groups.push({ members: [p], keys: new Set(p.counters.map(keyOf)) })
  }
  return groups.map((g) => g.members)
}

export function makeRatesRepo(e: Entities): RatesRepo {
  const days = e.RateDay.build(EntityRepository)
  const months = e.RateMonth.build(EntityRepository)
  const gauges = e.Gauge.build(EntityRepository)
  const marks = e.RatesMark.build(EntityRepository)
  const p = casePatterns(e)
  const updateOf = ({ entity, key, add }: Counter): WriteItem => {
    const item = { ...key, ...adds(add) } as never
    return entity === 'day' ? days.transactUpdate(item) : entity === 'month' ? months.transactUpdate(item) : gauges.transactUpdate(item)
  }
  /** Changes asked for in this turn of the event loop, by district. */
  const waiting = new Map<string, Pending[]>()

  /** One transaction of some events' marks and their summed counters, tried again while it meets other writers. */
  async function writeTogether(districtId: string, members: Pending[], now: Date) {
    const ttl = Math.floor(now.getTime() / 1000) + MARK_TTL_SECONDS
    let live = members
    for (let attempt = 1; live.length; ) {
      const summed = new Map<string, Counter>()
      for (const c of live.flatMap((m) => m.counters)) {
        const at = summed.get(keyOf(c))
        const add = { ...at?.add }
        for (const [k, n] of Object.entries(c.add)) add[k] = (add[k] ?? 0) + (n ?? 0)
        summed.set(keyOf(c), { ...c, add })
      }
      const counters = [...summed.values()].flatMap((c) => (Object.keys(adds(c.add)).length ? [updateOf(c)] : []))
      const written = await transactNamed<string>({
        ...Object.fromEntries(
          live.map((m) => [`mark:${m.eventId}`, marks.transactPut({ districtId, eventId: m.eventId, ttl }, { condition: { attr: 'eventId', exists: false } })]),
        ),
        counters,
      })
      if (written.ok) return live.forEach((m) => m.done(true))
      // Events counted before (a step run again) are left out; the others are written without them.
      const seen = live.filter((m) => written.failed.includes(`mark:${m.eventId}`))
      seen.forEach((m) => m.done(false))
      live = live.filter((m) => !seen.includes(m))
      if (seen.length) continue
      if (attempt === CONFLICT_ATTEMPTS) throw new Error(`rates: counts of ${live.length} events met other writers ${attempt} times`)
      await backoff(attempt++)
    }
  }

  /** Writes what waited in one district: its transactions one after another (they share the district's items). */
  async function flush(districtId: string, now: Date) {
    const pending = waiting.get(districtId) ?? []
    waiting.delete(districtId)
    for (const members of inTransactions(pending)) await writeTogether(districtId, members, now).catch((err) => members.forEach((m) => m.fail(err)))
  }

  return {
    count({ districtId, eventId }, change, now) {
      const counters = countersOf(districtId, change)
      if (!counters.length) return Promise.resolve(false)
      return new Promise<boolean>((done, fail) => {
        const pending = waiting.get(districtId)
        // The same step twice in one turn (the stream's retry meeting the sweeper): the second adds nothing.
        const twin = pending?.find((m) => m.eventId === eventId)
        if (twin) {
          const first = { done: twin.done, fail: twin.fail }
          twin.done = (written) => (first.done(written), done(false))
          twin.fail = (err) => (first.fail(err), fail(err))
          return
        }
        if (pending) return pending.push({ eventId, counters, done, fail })
        waiting.set(districtId, [{ eventId, counters, done, fail }])
        setImmediate(() => void flush(districtId, now))
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
