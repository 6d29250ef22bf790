/**
 * Mediation figures (`BENCH_ONLY=booking` …): the race for one slot, booking latency against its bare DynamoDB calls,
 * the slot query's items read as bookings pile up, and the reminder sweep over many future bookings.
 */
import { randomUUID } from 'node:crypto'
import { addDays, chinaDate } from '@linli/shared'
import type { LocalCloud } from '../infra/local/cloud'
import type { Repos } from '../functions/src/db'
import { bulkBookings, bulkClaims } from '../functions/src/db/mediation/bulk'
import { buildDeps } from '../functions/src/runtime'
import { loadConfig } from '../functions/src/config'
import { sweep } from '../functions/src/jobs/sweep'
import type { BookingRecord } from '../functions/src/services/mediation/ports'
import { print, type Client } from './core'

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const round = (n: number) => Math.round(n * 100) / 100
const DISTRICT = 'linjiang'
export const ROOM = 'room-bailu'
const connection = (cloud: LocalCloud) => ({ tableName: cloud.env.TABLE_NAME!, region: cloud.env.AWS_REGION!, endpoint: cloud.env.DYNAMODB_ENDPOINT })

/** A mediator of the bench, invited into the room and sitting every day from 00:00 to 24:00 in 15-minute sessions. */
async function benchMediator(c: Client, openid: string) {
  const admin = await c.login('o-demo-admin')
  const invite = (await c.call('POST', '/v1/invites', admin.token, { role: 'mediator', scopeId: ROOM })).body
  const me = await c.login(openid)
  await c.call('POST', '/v1/invites/redeem', me.token, { code: invite.code })
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:45', sessionMinutes: 15, bufferMinutes: 0 }))
  const put = await c.call('PUT', `/v1/rooms/${ROOM}/availability`, me.token, { rules })
  if (put.status !== 200) throw new Error(`availability: ${put.status} ${JSON.stringify(put.body)}`)
  return me
}

async function freeSlots(c: Client, token: string, mediatorId: string, days = 14) {
  const from = chinaDate(new Date())
  const res = await c.call('GET', `/v1/rooms/${ROOM}/slots?from=${from}&to=${addDays(from, days)}&mediatorId=${mediatorId}`, token)
  return (res.body.items as { start: string; taken: boolean }[]).filter((s) => !s.taken).map((s) => s.start)
}

const body = (mediatorId: string, start: string) => ({ roomId: ROOM, mediatorId, start, disputeType: 'land', summary: '承包地边界有争议，双方各执一词' })

/** 100 residents book the same slot at once: exactly one booking, 99 answers of 409, no 5xx. */
async function race(c: Client, mediatorId: string, n = 100) {
  const people = await Promise.all(Array.from({ length: n }, (_, i) => c.login(`o-bench-race-${i}`)))
  const [start] = await freeSlots(c, people[0]!.token, mediatorId)
  const answers = await Promise.all(
    people.map(async (p) => {
      const t = performance.now()
      const res = await c.call('POST', '/v1/bookings', p.token, body(mediatorId, start!), { 'idempotency-key': randomUUID() })
      return { status: res.status, code: res.body?.error?.code as string | undefined, ms: performance.now() - t }
    }),
  )
  const count = (f: (a: (typeof answers)[number]) => boolean) => answers.filter(f).length
  const created = count((a) => a.status === 201)
  const taken = count((a) => a.status === 409 && a.code === 'booking.slotTaken')
  const errors = count((a) => a.status >= 500)
  const ms = answers.map((a) => a.ms)
  print({
    metric: 'booking_race_one_slot',
    concurrent: n,
    created,
    slot_taken_409: taken,
    other: n - created - taken,
    server_errors: errors,
    p50_ms: Math.round(pct(ms, 50)),
    p99_ms: Math.round(pct(ms, 99)),
    within: created === 1 && taken === n - 1 && errors === 0,
  })
}

/**
 * POST /v1/bookings against its bare DynamoDB calls, alternating call by call on the same engine: the caller's roles,
 * the day's calendar (rules; claims and exceptions), the mediator's binding, then the booking's transaction (booking,
 * claim, upcoming count, outbox event, invite code, idempotency record).
 */
async function bookingOverhead(c: Client, repos: Repos, mediatorId: string, n = Number(process.env.BENCH_BOOKINGS ?? 200)) {
  const people = await Promise.all(Array.from({ length: Math.ceil(n / 2) + 10 }, (_, i) => c.login(`o-bench-booker-${i}`)))
  const starts = (await freeSlots(c, people[0]!.token, mediatorId)).slice(1)
  const sample = (await c.call('POST', '/v1/bookings', people.at(-1)!.token, body(mediatorId, starts.pop()!))).body
  const template = (await repos.mediation.get(DISTRICT, sample.id))!.record
  const [api, bare]: [number[], number[]] = [[], []]
  for (let i = 0; i < n; i++) {
    const who = people[Math.floor(i / 2)]!
    const start = starts[i]!
    let t = performance.now()
    const res = await c.call('POST', '/v1/bookings', who.token, body(mediatorId, start), { 'idempotency-key': randomUUID() })
    if (res.status !== 201) throw new Error(`booking: ${res.status} ${JSON.stringify(res.body)}`)
    api.push(performance.now() - t)
    t = performance.now()
    await repos.users.getWithRoles(who.user.id)
    const date = chinaDate(start)
    await repos.mediation.calendar(DISTRICT, ROOM, date, date)
    await repos.users.getWithRoles(mediatorId)
    const id = `bare${randomUUID().replace(/-/g, '')}`
    const record: BookingRecord = {
      ...template,
      bookingId: id,
      roomId: 'bench-bare',
      requesterId: `bare-${i}`,
      time: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      inviteCode: id.slice(4, 12).toUpperCase(),
    }
    const event = {
      districtId: DISTRICT,
      subject: { kind: 'booking', id },
      eventId: `${new Date().toISOString()}#bare`,
      type: 'bare',
      payload: { audiences: [] },
      createdAt: new Date().toISOString(),
    }
    await repos.mediation.create(record, { at: record.createdAt, type: 'book', actorId: 'x', actorName: 'x' }, 2, event, {
      districtId: DISTRICT,
      userId: record.requesterId,
      key: randomUUID(),
      scope: 'bookings.create',
      requestHash: 'x'.repeat(64),
      ttl: Math.floor(Date.now() / 1000) + 86400,
    })
    bare.push(performance.now() - t)
  }
  const warm = 20
  const [a, b] = [api.slice(warm), bare.slice(warm)]
  print({ metric: 'post_booking_ms', n: a.length, p50: round(pct(a, 50)), p99: round(pct(a, 99)) })
  print({ metric: 'post_booking_bare_dynamodb_ms', n: b.length, p50: round(pct(b, 50)), p99: round(pct(b, 99)) })
  const r = pct(a, 50) / pct(b, 50)
  print({ metric: 'post_booking_vs_dynamodb_p50_ratio', value: round(r), budget: 1.5, within: r <= 1.5 })
}

/**
 * Items the slot query reads for 14 days of the room, with 10 and with 10,000 bookings in its calendar (10 ahead, the
 * rest its history): the same, whatever the history.
 */
async function slotQueryItems(cloud: LocalCloud, repos: Repos, mediatorId: string) {
  const from = chinaDate(new Date())
  const to = addDays(from, 14)
  let held = 0
  for (const total of [10, Number(process.env.BENCH_BOOKINGS_LARGE ?? 10_000)]) {
    // The first 10 hold slots of the coming fortnight; the rest are the room's history (a year of sessions held).
    await bulkClaims(connection(cloud), DISTRICT, total - held, (i) => {
      const n = held + i
      const time = `${String(Math.floor(n / 4) % 24).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`
      return { roomId: ROOM, date: n < 10 ? addDays(from, n + 1) : addDays(from, -1 - (n % 365)), time, mediatorId: `${mediatorId}-${Math.floor(n / 96)}` }
    })
    held = total
    const t = performance.now()
    const cal = await repos.mediation.calendar(DISTRICT, ROOM, from, to)
    print({
      metric: 'slot_query_items_read',
      bookings_in_room: total,
      days: 14,
      queries: 2,
      items_read: cal.scanned,
      held_in_range: cal.held.length,
      ms: Math.round(performance.now() - t),
    })
  }
}

/** A confirmed booking of the bench's room with `mediatorId`, made `now` (the bulk loaders give each its id and slot). */
export const bookingTemplate = (mediatorId: string, now: number): BookingRecord => ({
  districtId: DISTRICT,
  bookingId: 'x',
  status: 'confirmed',
  version: 2,
  roomId: ROOM,
  roomName: '白鹭镇说事室',
  roomAddress: '白鹭镇综治中心一楼',
  mediatorId,
  mediatorName: '何平',
  start: '',
  end: '',
  date: '',
  time: '',
  requesterId: 'bench-requester',
  requesterName: '居民',
  disputeType: 'land',
  statement: '土地边界',
  inviteCode: 'BULKCODE',
  reminded: 0,
  createdAt: new Date(now).toISOString(),
  updatedAt: new Date(now).toISOString(),
})

/**
 * 10,000 confirmed bookings with reminders ahead, 100 of them due at the sweep: what one sweep reads and sends.
 * The sweep runs on a clock 60 days back, the bookings made the day before it: nothing another section left on the
 * due index is due then (the 100,000 cases of the sweep figure fall due over the six days after it ran, which a clock
 * ahead of the real one met), and the local cloud's own sweeper, on real time, never looks that far back.
 */
async function reminderSweep(cloud: LocalCloud, repos: Repos, mediatorId: string, total = Number(process.env.BENCH_BOOKINGS_LARGE ?? 10_000), due = 100) {
  const sweepAt = Date.now() - 60 * 86_400_000
  const template = bookingTemplate(mediatorId, sweepAt - 86_400_000)
  const t0 = Date.now()
  await bulkBookings(
    connection(cloud),
    template,
    total,
    (i) => ({ roomId: ROOM, date: chinaDate(new Date(sweepAt + 86_400_000)), time: '09:00', mediatorId: `bench-${i}` }),
    (i) => new Date(i < due ? sweepAt - 60_000 : sweepAt + 3600_000 * (1 + (i % 200))).toISOString(),
  )
  const fill = Math.round((Date.now() - t0) / 1000)
  const deps = { ...buildDeps(await loadConfig(cloud.env)), clock: () => new Date(sweepAt) }
  const t = Date.now()
  const report = await sweep(deps, 1000)
  const reminded = (await Promise.all(Array.from({ length: due }, (_, i) => repos.mediation.get(DISTRICT, `bulkbooking${i}`)))).filter(
    (b) => b?.record.reminded === 1,
  ).length
  print({
    metric: 'reminder_sweep_items_read',
    bookings_on_due_index: total,
    due,
    scanned: report.scanned,
    items_due: report.due,
    reminded,
    failed: report.failed,
    sweep_ms: Date.now() - t,
    fill_seconds: fill,
    within: report.scanned <= due * 1.1 + 10 && reminded === due,
  })
}

export async function mediationFigures(cloud: LocalCloud, c: Client, repos: Repos) {
  const mediator = await benchMediator(c, 'o-bench-mediator')
  await race(c, mediator.user.id)
  await bookingOverhead(c, repos, mediator.user.id)
  await slotQueryItems(cloud, repos, mediator.user.id)
  await reminderSweep(cloud, repos, mediator.user.id)
}
