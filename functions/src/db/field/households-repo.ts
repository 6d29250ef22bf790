/**
 * Storage of the household roster. A household and its care-tag entries share a partition and are written together
 * (≤ 5 tags: at most 6 puts and 5 deletes), each carrying the household's `summary`, so every list is one Query of
 * one index: the roster (gsi1), the grid's due list and each tag's (gsi2, by due date).
 */
import { chunks, dueAfter, nextDueOf } from '@linli/shared'
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { BatchWriteCommand, execute as batchWrite } from 'dynamodb-toolbox/table/actions/batchWrite'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { fieldPatterns } from './patterns'
import { committed, transactNamed } from '../transact'
import type { HouseholdRecord, HouseholdsRepo } from '../../services/field/ports'

/** The household's items: the household itself and one entry per care tag, each on its lists. */
export function householdItems(h: HouseholdRecord) {
  const summary = { ...h, nextDueAt: nextDueOf(h) }
  const sort = (at: string) => keys.changed(at, h.householdId)
  const household = {
    districtId: h.districtId,
    householdId: h.householdId,
    gridId: h.gridId,
    version: h.version,
    summary,
    gsi1pk: keys.roster(h.districtId, h.gridId),
    gsi1sk: sort(h.createdAt),
    ...(summary.nextDueAt ? { gsi2pk: keys.visitsDue(h.districtId, h.gridId), gsi2sk: sort(summary.nextDueAt) } : {}),
  }
  const tags = Object.entries(h.cadences).map(([tagKey, days]) => ({
    districtId: h.districtId,
    householdId: h.householdId,
    tagKey,
    summary,
    gsi2pk: keys.visitsDue(h.districtId, h.gridId, tagKey),
    gsi2sk: sort(dueAfter(h, days)),
  }))
  return { household, tags }
}

const records = (items: { summary?: unknown }[] | undefined) => (items ?? []).map((i) => i.summary as HouseholdRecord)

export function makeHouseholdsRepo(e: Entities): HouseholdsRepo {
  const households = e.Household.build(EntityRepository)
  const tags = e.HouseholdTag.build(EntityRepository)
  const members = e.HouseholdMembers.build(EntityRepository)
  const p = fieldPatterns(e)

  /** The writes of a household: its items, put if its version is as read, and its dropped tag entries deleted. */
  const writes = (h: HouseholdRecord, expected: number | undefined, dropped: readonly string[]) => {
    const items = householdItems(h)
    return [
      households.transactPut(items.household, {
        condition: expected === undefined ? { attr: 'householdId', exists: false } : { attr: 'version', eq: expected },
      }),
      ...items.tags.map((t) => tags.transactPut(t)),
      ...dropped.map((tagKey) => tags.transactDelete({ districtId: h.districtId, householdId: h.householdId, tagKey })),
    ]
  }

  /** The deletes of a household as read (its version) and of its tag entries. */
  const removal = (h: HouseholdRecord) => [
    households.transactDelete({ districtId: h.districtId, householdId: h.householdId }, { condition: { attr: 'version', eq: h.version } }),
    ...Object.keys(h.cadences).map((tagKey) => tags.transactDelete({ districtId: h.districtId, householdId: h.householdId, tagKey })),
  ]

  return {
    put: (h, expected, dropped) => committed(() => execute(...writes(h, expected, dropped))),

    /** Access pattern "a household": GetItem `<d>#HOUSEHOLD#id / HOUSEHOLD` (consistent). */
    async get(districtId, householdId) {
      const { Item } = await households.get({ districtId, householdId }, { consistent: true })
      return Item?.summary as HouseholdRecord | undefined
    },

    remove: (h) => committed(() => execute(...removal(h))),

    async move(before, after) {
      const { householdId, districtId } = before
      const written = await transactNamed({
        changed: removal(before),
        // Residents linked to the old door would be linked to a door that is no longer theirs.
        linked: members.transactCheck(
          { districtId, householdId },
          {
            or: [
              { attr: 'count', exists: false },
              { attr: 'count', lte: 0 },
            ],
          },
        ),
        taken: writes(after, undefined, []),
      })
      if (written.ok) return 'moved'
      return written.failed.includes('linked') ? 'linked' : written.failed.includes('taken') ? 'taken' : 'changed'
    },

    /** Access pattern "households due to visit", every page: a grid's due households (bounded by its roster). */
    async countDue(districtId, gridId, dueBy) {
      const { Count = 0 } = await p['households due to visit']
        .query({ districtId, gridId, dueBy })
        .options((o) => ({ ...o, maxPages: Infinity }))
        .send()
      return Count
    },

    /** Access pattern "households due to visit" of each tag, every page: bounded by the grid's roster. */
    countTags: (districtId, gridId, tagKeys) =>
      Promise.all(
        tagKeys.map(async (tagKey) => {
          const { Count = 0 } = await p['households due to visit']
            .query({ districtId, gridId, tagKey })
            .options((o) => ({ ...o, maxPages: Infinity }))
            .send()
          return Count
        }),
      ),

    /** Access pattern "import households": which of these ids are taken (BatchGetItem, 100 keys a call). */
    async existing(districtId, ids) {
      const found = await Promise.all(
        chunks([...new Set(ids)], 100).map(async (part) => {
          const { Responses } = await batchGet(
            { maxAttempts: 5 },
            e.table.build(BatchGetCommand).requests(...part.map((householdId) => households.batchGet({ districtId, householdId }))),
          )
          return (Responses?.[0] ?? []).flatMap((i) => (i ? [i.householdId] : []))
        }),
      )
      return found.flat()
    },

    /** Access pattern "import households": the households and their tag entries, BatchWriteItem 25 at a time, four calls at once. */
    async putMany(records) {
      const items = records.flatMap((h) => {
        const { household, tags: entries } = householdItems(h)
        return [e.Household.build(BatchPutRequest).item(household), ...entries.map((t) => e.HouseholdTag.build(BatchPutRequest).item(t))]
      })
      const batches = chunks(items, 25)
      const worker = async () => {
        for (let b = batches.shift(); b; b = batches.shift()) await batchWrite({ maxAttempts: 10 }, e.table.build(BatchWriteCommand).requests(...b))
      }
      await Promise.all(Array.from({ length: 4 }, worker))
    },

    /** Access patterns "the roster of a grid" (gsi1) and "households due to visit" (gsi2): one page. */
    async list(districtId, gridId, { tagKey, dueBy, limit, startKey }) {
      const page = { limit, exclusiveStartKey: startKey }
      const { Items, LastEvaluatedKey } = await (
        tagKey || dueBy
          ? p['households due to visit'].query({ districtId, gridId, tagKey, dueBy }).options((o) => ({ ...o, ...page }))
          : p['the roster of a grid'].query({ districtId, gridId }).options((o) => ({ ...o, ...page }))
      ).send()
      return { items: records(Items), lastKey: LastEvaluatedKey }
    },
  }
}
