/** Bulk loading of bookings for the bench (10,000 bookings): the same items the repository writes. */
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { chinaInstant } from '@linli/shared'
import type { DbConnection } from '../client'
import { bulkWrite } from '../bulk'
import { bookingItem } from './repo'
import { makeMediationEntities } from './entities'
import type { BookingRecord, SlotRef } from '../../services/mediation/ports'

/**
 * `count` bookings like `template` (ids `bulkbooking<i>`, i from `offset`), each holding the slot `slot(i)`, on the due
 * index at `dueAt(i)`.
 */
export const bulkBookings = (
  c: DbConnection,
  template: BookingRecord,
  count: number,
  slot: (i: number) => SlotRef,
  dueAt: (i: number) => string | undefined,
  offset = 0,
) =>
  bulkWrite(c, count, makeMediationEntities, (e, n) => {
    const i = offset + n
    const s = slot(i)
    const start = chinaInstant(s.date, s.time)
    const end = new Date(start.getTime() + 3600_000).toISOString()
    return e.Booking.build(BatchPutRequest).item({
      ...bookingItem({ ...template, bookingId: `bulkbooking${i}`, ...s, start: start.toISOString(), end, dueAt: dueAt(i) }),
      timeline: [],
    })
  })

/** The slot claims of `count` bookings (what a room's calendar holds). */
export const bulkClaims = (c: DbConnection, districtId: string, count: number, slot: (i: number) => SlotRef) =>
  bulkWrite(c, count, makeMediationEntities, (e, i) => e.SlotClaim.build(BatchPutRequest).item({ districtId, ...slot(i), bookingId: `bulkbooking${i}` }))
