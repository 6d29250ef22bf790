/**
 * Storage of field work. A check-in is one item written once, in a transaction with its idempotency record and
 * (a patrol point) its patrol's count, which stops at the patrol's end or its limit of points.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update'
import { chinaDate } from '@linli/shared'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { fieldPatterns } from './patterns'
import { conditional } from '../transact'
import { keyedWrite } from '../idempotency/repo'
import type { CheckinRecord, FieldRepo, OpenPatrol, PatrolRecord } from '../../services/field/ports'
import { householdItems } from './households-repo'

/** The check-in item with its index attributes: its author's list (gsi1) and its patrol's route (gsi2). */
const checkinItem = (c: CheckinRecord) => ({
  districtId: c.districtId,
  gridId: c.gridId,
  at: c.at,
  checkinId: c.checkinId,
  userId: c.userId,
  summary: c,
  gsi1pk: keys.checkinsOfUser(c.districtId, c.userId),
  gsi1sk: keys.changed(c.at, c.checkinId),
  ...(c.patrolId ? { gsi2pk: keys.patrol(c.districtId, c.patrolId), gsi2sk: keys.changed(c.capturedAt, c.checkinId) } : {}),
})

/** A patrol as the use cases know it, without its place on the open-patrols index. */
const patrolOf = ({ gsi1pk: _, gsi1sk: __, summary: ___, ...patrol }: PatrolRecord & { gsi1pk?: string; gsi1sk?: string; summary?: unknown }): PatrolRecord =>
  patrol

const records = (items: { summary?: unknown }[] | undefined) => (items ?? []).map((i) => i.summary as CheckinRecord)

export function makeFieldRepo(e: Entities): FieldRepo {
  const checkins = e.Checkin.build(EntityRepository)
  const patrols = e.Patrol.build(EntityRepository)
  const households = e.Household.build(EntityRepository)
  const tags = e.HouseholdTag.build(EntityRepository)
  const tallies = e.VisitTally.build(EntityRepository)
  const fieldDays = e.FieldDay.build(EntityRepository)
  const p = fieldPatterns(e)

  return {
    async createCheckin(c, claim, maxPoints, visit) {
      const visited = visit && householdItems(visit.household)
      return keyedWrite(e, claim, { gridId: c.gridId, at: c.at, checkinId: c.checkinId }, () => ({
        // The check-in, and the day's work of its grid for the command centre (check-ins, and visits among them).
        checkin: [
          checkins.transactPut(checkinItem(c), { condition: { attr: 'checkinId', exists: false } }),
          fieldDays.transactUpdate({
            districtId: c.districtId,
            day: chinaDate(c.capturedAt),
            gridId: c.gridId,
            checkins: $add(1),
            visits: $add(visit ? 1 : 0),
          }),
        ],
        patrol:
          !!c.patrolId &&
          patrols.transactUpdate(
            { districtId: c.districtId, patrolId: c.patrolId, points: $add(1) },
            {
              condition: {
                and: [
                  { attr: 'userId', eq: c.userId },
                  { attr: 'endedAt', exists: false },
                  { attr: 'points', lt: maxPoints },
                ],
              },
            },
          ),
        // A visit moves the household's last visit and due dates, and counts in its author's month, in the same write.
        household: !!visited && households.transactPut(visited.household, { condition: { attr: 'version', eq: visit.expected } }),
        visit: visited && [
          ...visited.tags.map((t) => tags.transactPut(t)),
          tallies.transactUpdate({
            districtId: c.districtId,
            gridId: c.gridId,
            month: chinaDate(c.capturedAt).slice(0, 7),
            userId: c.userId,
            userName: c.userName,
            visits: $add(1),
            dueVisits: $add(visit.wasDue ? 1 : 0),
          }),
        ],
      }))
    },

    /** Access pattern "a day's field work by grid": one Query, an item per grid that had a check-in. */
    async dayWork(districtId, day) {
      const { Items = [] } = await p["a day's field work by grid"].query({ districtId, day }).send()
      return new Map(Items.map((i) => [i.gridId, { checkins: i.checkins ?? 0, visits: i.visits ?? 0 }]))
    },

    /** Access pattern "a check-in": GetItem (consistent) by its grid, time and id. */
    async checkin(districtId, { gridId, at, checkinId }) {
      const { Item } = await checkins.get({ districtId, gridId, at, checkinId }, { consistent: true })
      return Item?.summary as CheckinRecord | undefined
    },

    /** Access pattern "check-ins of a grid": one page of the grid's partition, newest first, optionally one author's. */
    async checkinsOfGrid(districtId, gridId, { from, to, limit, startKey, userId }) {
      const { Items, LastEvaluatedKey } = await p['check-ins of a grid']
        .query({ districtId, gridId, from, to })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey, ...(userId ? { filters: { Checkin: { attr: 'userId', eq: userId } } } : {}) }))
        .send()
      return { items: records(Items), lastKey: LastEvaluatedKey }
    },

    /** Access pattern "check-ins of a person": one page of the author's list (gsi1), newest first. */
    async checkinsOfUser(districtId, userId, { from, to, limit, startKey }) {
      const { Items, LastEvaluatedKey } = await p['check-ins of a person']
        .query({ districtId, userId, from, to })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return { items: records(Items), lastKey: LastEvaluatedKey }
    },

    async patrol(districtId, patrolId) {
      const { Item } = await patrols.get({ districtId, patrolId }, { consistent: true })
      return Item && patrolOf(Item)
    },

    startPatrol: (patrol) =>
      conditional(() =>
        patrols.put(
          {
            ...patrol,
            gsi1pk: keys.openPatrols(patrol.districtId, patrol.userId),
            gsi1sk: patrol.startedAt,
            summary: { patrolId: patrol.patrolId, gridId: patrol.gridId },
          },
          { condition: { attr: 'patrolId', exists: false } },
        ),
      ),

    /** Access pattern "open patrols of a person": one page of them (gsi1, sparse: an ended patrol leaves it). */
    async openPatrols(districtId, userId, { limit, startKey }) {
      const { Items = [], LastEvaluatedKey } = await p['open patrols of a person']
        .query({ districtId, userId })
        .options({ limit, exclusiveStartKey: startKey, attributes: ['summary'] })
        .send()
      return { items: Items.map((i) => i.summary as OpenPatrol), lastKey: LastEvaluatedKey }
    },

    endPatrol: (districtId, patrolId, userId, endedAt) =>
      conditional(() =>
        patrols.update(
          { districtId, patrolId, endedAt, gsi1pk: $remove(), gsi1sk: $remove(), summary: $remove() },
          {
            condition: {
              and: [
                { attr: 'userId', eq: userId },
                { attr: 'endedAt', exists: false },
              ],
            },
          },
        ),
      ),

    /** Access pattern "a grid's visits in a month": one item per gridworker who visited. */
    async visitTallies(districtId, gridId, month) {
      const { Items = [] } = await p["a grid's visits in a month"].query({ districtId, gridId, month }).send()
      return Items.map(({ userId, userName, visits, dueVisits }) => ({ userId, userName, visits, dueVisits }))
    },

    /** Access pattern "points of a patrol": the patrol's route on gsi2 in capture order (≤ 200 points). */
    async pointsOf(districtId, patrolId) {
      const { Items } = await p['points of a patrol'].query({ districtId, patrolId }).send()
      return records(Items)
    },
  }
}
