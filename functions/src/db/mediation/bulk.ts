/**
 * Bulk loading for the bench (10,000 bookings): BatchWrite of the same items the repository writes, four workers at
 * a time. Not used on any request path.
 */
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { makeDocumentClient, makeDynamoClient, type DbConnection } from '../client'
import { makeEntities, type Entities } from '../entities'
import { chinaInstant } from '@linli/shared'
import { chunks } from '../transact'
import { bookingItem } from './repo'
import type { BookingRecord, SlotRef } from '../../services/mediation/ports'

type WriteRequest = Parameters<BatchWriteCommand['requests']>[number]

async function bulk(c: DbConnection, count: number, item: (e: Entities, i: number) => WriteRequest) {
  const e = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  const batches = chunks(Array.from({ length: count }, (_, i) => i), 25)
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) await execute({ maxAttempts: 20 }, e.table.build(BatchWriteCommand).requests(...b.map((i) => item(e, i))))
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

/** `count` bookings like `template` (ids `bulkbooking<i>`), each holding the slot `slot(i)`, on the due index at `dueAt(i)`. */
export const bulkBookings = (c: DbConnection, template: BookingRecord, count: number, slot: (i: number) => SlotRef, dueAt: (i: number) => string | undefined) =>
  bulk(c, count, (e, i) => {
    const s = slot(i)
    const start = chinaInstant(s.date, s.time)
    const end = new Date(start.getTime() + 3600_000).toISOString()
    return e.Booking.build(BatchPutRequest).item({ ...bookingItem({ ...template, bookingId: `bulkbooking${i}`, ...s, start: start.toISOString(), end, dueAt: dueAt(i) }), timeline: [] })
  })

/** The slot claims of `count` bookings (what a room's calendar holds). */
export const bulkClaims = (c: DbConnection, districtId: string, count: number, slot: (i: number) => SlotRef) =>
  bulk(c, count, (e, i) => e.SlotClaim.build(BatchPutRequest).item({ districtId, ...slot(i), bookingId: `bulkbooking${i}` }))
