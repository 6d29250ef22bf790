/**
 * 三率 storage: a day's counts per node of each level (district, street, grid, department), added to from the stream
 * (the fan-out of each case transition). One transaction per transition: the event's mark (new, or nothing is added)
 * and one ADD per level — at most five items whatever the data. A report reads one node's days with one Query.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add } from 'dynamodb-toolbox/entity/actions/update'
import { rateCounts, type Tally } from '@linli/shared'
import type { Entities } from '../entities'
import { casePatterns } from './patterns'
import { backoff, transactNamed } from '../transact'
import type { RatesRepo } from '../../services/cases/ports'

/** How long an event's mark is kept: a step is retried within minutes, never after days. */
const MARK_TTL_SECONDS = 7 * 86_400
const CONFLICT_ATTEMPTS = 6

export function makeRatesRepo(e: Entities): RatesRepo {
  const days = e.RateDay.build(EntityRepository)
  const marks = e.RatesMark.build(EntityRepository)
  const p = casePatterns(e)
  return {
    async add({ districtId, eventId }, nodes, day, tally, now) {
      const added = Object.fromEntries(Object.entries(tally).flatMap(([k, n]) => (n ? [[k, $add(n)]] : [])))
      if (!Object.keys(added).length) return false
      // Transitions of one district on one day meet on the same counters: a transaction that met another is tried again.
      for (let attempt = 1; ; attempt++) {
        const written = await transactNamed({
          mark: marks.transactPut(
            { districtId, eventId, ttl: Math.floor(now.getTime() / 1000) + MARK_TTL_SECONDS },
            { condition: { attr: 'eventId', exists: false } },
          ),
          days: nodes.map(({ level, nodeId }) => days.transactUpdate({ districtId, level, nodeId, day, ...added })),
        })
        if (written.ok) return true
        if (written.failed.includes('mark')) return false
        if (attempt === CONFLICT_ATTEMPTS) throw new Error(`rates: counts of ${eventId} met other writers ${attempt} times`)
        await backoff(attempt)
      }
    },

    /** Access pattern "a node's rates by day": Query pk = RATES#<level>#<node>, sk between the two China dates. */
    async days(districtId, level, nodeId, from, to) {
      const { Items = [], ScannedCount = 0 } = await p["a node's rates by day"].query({ districtId, level, nodeId, from, to }).send()
      const items = Items.map((i) => ({
        day: i.day,
        ...(Object.fromEntries(rateCounts.map((k) => [k, Number((i as Record<string, unknown>)[k] ?? 0)])) as Required<Tally>),
      }))
      return { items, scanned: ScannedCount }
    },
  }
}
