/**
 * Entities of field work. A check-in is written once and never changed: its list fields are its `summary` (the only
 * attribute the list indexes project), in the grid's partition (the grid leader's list), on its author's list (gsi1)
 * and, for a patrol point, on the patrol's route (gsi2). A patrol counts its points.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { any } from 'dynamodb-toolbox/schema/any'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeFieldEntities(table: LinliTable) {
  const Checkin = new Entity({
    name: 'Checkin',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      gridId: string().key(),
      at: string().key(),
      checkinId: string().key(),
      userId: string(),
      summary: any(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
    }),
    computeKey: ({ districtId, gridId, at, checkinId }) => ({ pk: keys.checkinsOfGrid(districtId, gridId), sk: keys.changed(at, checkinId) }),
  })

  const Patrol = new Entity({
    name: 'Patrol',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      patrolId: string().key(),
      gridId: string(),
      gridName: string(),
      userId: string(),
      userName: string(),
      startedAt: string(),
      endedAt: string().optional(),
      points: number(),
      /** On its author's open patrols while open (keys.openPatrols / startedAt, with what the index projects); removed when it ends. */
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
      summary: any().optional(),
    }),
    computeKey: ({ districtId, patrolId }) => ({ pk: keys.patrol(districtId, patrolId), sk: keys.patrolItem }),
  })

  /** A household: plain fields for routing and lists, the personal ones sealed (`sealed`), `summary` for the lists. */
  const Household = new Entity({
    name: 'Household',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      householdId: string().key(),
      gridId: string(),
      version: number(),
      summary: any(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
    }),
    computeKey: ({ districtId, householdId }) => ({ pk: keys.household(districtId, householdId), sk: keys.householdItem }),
  })

  /** One care tag of a household (by its keyed hash), on the tag's due list of the grid. */
  const HouseholdTag = new Entity({
    name: 'HouseholdTag',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), householdId: string().key(), tagKey: string().key(), summary: any(), gsi2pk: string(), gsi2sk: string() }),
    computeKey: ({ districtId, householdId, tagKey }) => ({ pk: keys.household(districtId, householdId), sk: keys.householdTag(tagKey) }),
  })

  const FieldDay = new Entity({
    name: 'FieldDay',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), day: string().key(), gridId: string().key(), checkins: number().optional(), visits: number().optional() }),
    computeKey: ({ districtId, day, gridId }) => ({ pk: keys.fieldDay(districtId, day), sk: gridId }),
  })

  const VisitTally = new Entity({
    name: 'VisitTally',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      gridId: string().key(),
      month: string().key(),
      userId: string().key(),
      userName: string(),
      visits: number(),
      dueVisits: number(),
    }),
    computeKey: ({ districtId, gridId, month, userId }) => ({ pk: keys.visits(districtId, gridId), sk: keys.visitsOf(month, userId) }),
  })

  return { Checkin, Patrol, Household, HouseholdTag, VisitTally, FieldDay }
}
