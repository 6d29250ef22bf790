/** Mediation's Queries, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function mediationPatterns(e: Entities) {
  return {
    "a district's mediation by day": ap(e)
      .entities(e.MediationDay)
      .schema(map({ districtId: string(), from: string(), to: string() }))
      .pattern(({ districtId, from, to }) => ({ partition: keys.mediationDays(districtId), range: { between: [from, to] } }))
      .options({ maxPages: Infinity }),
    'rules of a room': ap(e)
      .entities(e.AvailabilityRule)
      .schema(map({ districtId: string(), roomId: string(), mediatorId: string().optional() }))
      .pattern(({ districtId, roomId, mediatorId }) => ({
        partition: keys.roomCalendar(districtId, roomId),
        range: { beginsWith: keys.rulePrefix(mediatorId) },
      }))
      .options({ maxPages: Infinity }),
    "a room's calendar": ap(e)
      .entities(e.AvailabilityException, e.SlotClaim)
      .schema(map({ districtId: string(), roomId: string(), from: string(), to: string() }))
      .pattern(({ districtId, roomId, from, to }) => ({
        partition: keys.roomCalendar(districtId, roomId),
        range: { between: [keys.calendarDay(from), `${keys.calendarDay(to)}~`] },
      }))
      .options({ maxPages: Infinity, showEntityAttr: true }),
    'bookings of a person': ap(e)
      .entities(e.Booking, e.BookingView)
      .schema(map({ listKey: string(), index: string().enum('gsi1', 'gsi2'), when: string().enum('upcoming', 'past'), now: string() }))
      .pattern(({ listKey, index, when, now }) => ({ index, partition: listKey, range: when === 'upcoming' ? { gte: now } : { lt: now } }))
      .options({ attributes: ['summary'] }),
  }
}
