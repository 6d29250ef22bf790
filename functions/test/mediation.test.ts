/**
 * Mediation over HTTP (说事室): rooms and mediators, slots, race-free bookings, the lifecycle with its forbidden moves,
 * limits, idempotency, and reminders from the due index with the clock moved.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { addDays, bookingEventSchema, chinaDate } from '@linli/shared'
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { sweep } from '../src/jobs/sweep'
import { loadCaller } from '../src/services/identity/users'
import { fireBookingEvent } from '../src/services/mediation/events'
import { mediationDeps } from '../src/services/mediation/family'
import { bookingEvent, bookingFanOut } from '../src/services/mediation/outbox'
import { api, cloud, eventually, expectError, login, newMediator, repos, standin, uniqueOpenid } from './support/client'

jest.setTimeout(60_000)

const ROOM = 'room-qingshi'
const today = () => chinaDate(new Date())
const slotsOf = async (token: string, roomId = ROOM, mediatorId?: string) => {
  const r = await api('GET', `/v1/rooms/${roomId}/slots?from=${today()}&to=${addDays(today(), 13)}${mediatorId ? `&mediatorId=${mediatorId}` : ''}`, { token })
  expect(r.status).toBe(200)
  return r.body.items as { start: string; mediatorId: string; mediatorName: string; taken: boolean; date: string; time: string }[]
}
const book = (token: string, over: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  api('POST', '/v1/bookings', {
    token,
    headers,
    body: { roomId: ROOM, mediatorId: 'any', disputeType: 'neighbour', summary: '楼上邻居装修噪音，多次沟通无果', ...over },
  })
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/bookings/${id}/events`, { token, body })

let mediator: { token: string; user: { id: string } }
let mediatorId: string
beforeAll(async () => {
  mediator = await login('o-demo-mediator')
  mediatorId = mediator.user.id
})

/** A free slot of 孙梅 (the demo mediator), `skip` free ones further on. */
const freeSlot = async (token: string, skip = 0) => (await slotsOf(token, ROOM, mediatorId)).filter((s) => !s.taken)[skip]!

describe('rooms and mediators', () => {
  it('lists the district’s rooms nearest first, filters by specialty, and shows a room with its mediators', async () => {
    const me = await login(uniqueOpenid('rooms'))
    const near = await api('GET', '/v1/rooms?lat=30.515&lng=114.338', { token: me.token })
    expect(near.status).toBe(200)
    expect(near.body.items[0]).toMatchObject({ id: 'room-bailu', distanceMeters: 0 })
    expect(near.body.items.map((r: { distanceMeters: number }) => r.distanceMeters)).toEqual(
      [...near.body.items.map((r: { distanceMeters: number }) => r.distanceMeters)].sort((a, b) => a - b),
    )
    const land = await api('GET', '/v1/rooms?specialty=land', { token: me.token })
    expect(land.body.items.map((r: { id: string }) => r.id)).toEqual(['room-bailu'])
    expectError(await api('GET', '/v1/rooms?lat=30.5', { token: me.token }), 400, 'request.invalid')

    const room = await api('GET', `/v1/rooms/${ROOM}`, { token: me.token })
    expect(room.status).toBe(200)
    expect(room.body).toMatchObject({ name: '青石街道说事室', minNoticeHours: 2, horizonDays: 14 })
    expect(room.body.mediators.find((m: { brand?: string }) => m.brand === '老李说事')).toMatchObject({ name: '李德明', record: { held: expect.any(Number) } })
    expectError(await api('GET', '/v1/rooms/room-nowhere', { token: me.token }), 404, 'room.notFound')

    const profile = await api('GET', `/v1/mediators/${mediatorId}`, { token: me.token })
    expect(profile.status).toBe(200)
    expect(profile.body.rooms[0]).toMatchObject({
      id: ROOM,
      rules: expect.arrayContaining([{ weekday: 1, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 }]),
    })
    expectError(await api('GET', `/v1/mediators/${me.user.id}`, { token: me.token }), 404, 'mediator.notFound')
  })

  it('offers slots inside the notice and the horizon, on the grid of each mediator’s rules', async () => {
    const me = await login(uniqueOpenid('slots'))
    const slots = await slotsOf(me.token)
    expect(slots.length).toBeGreaterThan(10)
    const now = Date.now()
    for (const s of slots) {
      expect(Date.parse(s.start)).toBeGreaterThanOrEqual(now + 2 * 3600_000 - 60_000)
      expect(s.date <= addDays(today(), 14)).toBe(true)
    }
    // 孙梅 sits 9–12 on the hour, 李德明 14–17 every hour (45 minutes + 15).
    expect(new Set(slots.filter((s) => s.mediatorId === mediatorId).map((s) => s.time))).toEqual(new Set(['09:00', '10:00', '11:00']))
    expect(new Set(slots.filter((s) => s.mediatorName === '李德明').map((s) => s.time))).toEqual(new Set(['14:00', '15:00', '16:00']))
    expectError(await api('GET', `/v1/rooms/${ROOM}/slots?from=${today()}&to=${addDays(today(), 40)}`, { token: me.token }), 400, 'request.invalid')
  })
})

describe('keeping rooms, profiles and hours', () => {
  it('lets the district’s admin create and change a room, at a street or community only', async () => {
    const [admin, resident] = await Promise.all([login('o-demo-admin'), login(uniqueOpenid('notadmin'))])
    const id = `room-new-${Math.random().toString(36).slice(2, 8)}`
    const room = {
      name: '柳岸社区和合说事点',
      nodeId: 'c-liuan',
      address: '柳岸社区 5 栋一楼',
      lat: 30.504,
      lng: 114.305,
      hours: '每周六 9:00–11:00',
      specialties: ['neighbour'],
      minNoticeHours: 4,
      horizonDays: 7,
      cancelCutoffHours: 12,
    }
    const made = await api('PUT', `/v1/rooms/${id}`, { token: admin.token, body: room })
    expect(made.status).toBe(200)
    expect(made.body).toMatchObject({ id, name: room.name, horizonDays: 7, mediators: [] })
    await eventually(async () =>
      (await api('GET', '/v1/rooms', { token: resident.token })).body.items.some((r: { id: string }) => r.id === id) ? true : undefined,
    )
    expectError(await api('PUT', `/v1/rooms/${id}`, { token: resident.token, body: room }), 403, 'auth.forbidden')
    expectError(await api('PUT', `/v1/rooms/${id}`, { token: admin.token, body: { ...room, nodeId: 'g-liuan-1' } }), 400, 'request.invalid')
    expectError(await api('PUT', `/v1/rooms/${id}`, { token: admin.token, body: { ...room, specialties: [] } }), 400, 'request.invalid')

    // Its page tells the hours its mediators keep, not the text typed once: they change when the rules do.
    const keeper = await newMediator(id)
    const rules = [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00', sessionMinutes: 60 })),
      { weekday: 7, start: '14:00', end: '17:00', sessionMinutes: 60 },
    ]
    expect((await api('PUT', `/v1/rooms/${id}/availability`, { token: keeper.token, body: { rules } })).status).toBe(200)
    const shown = (await api('GET', `/v1/rooms/${id}`, { token: resident.token })).body
    expect(shown).toMatchObject({ weekly: '周一至周五 09:00–12:00；周日 14:00–17:00', closedOn: [] })
    const closed = addDays(today(), 2)
    expect((await api('POST', `/v1/rooms/${id}/exceptions`, { token: admin.token, body: { date: closed, kind: 'closed', wholeRoom: true } })).status).toBe(201)
    expect((await api('GET', `/v1/rooms/${id}`, { token: resident.token })).body.closedOn).toEqual([closed])
  })

  it('lets a mediator edit their own profile only, keeping their record', async () => {
    const [me, other, resident] = await Promise.all([login('o-demo-mediator4'), login('o-demo-mediator3'), login(uniqueOpenid('profile'))])
    const before = (await api('GET', `/v1/mediators/${me.user.id}`, { token: resident.token })).body
    const put = await api('PUT', `/v1/mediators/${me.user.id}`, {
      token: me.token,
      body: { brand: '何叔说事', specialties: ['land', 'labour', 'neighbour'], intro: '熟悉土地承包和劳务纠纷政策，方言沟通无障碍。' },
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ brand: '何叔说事', specialties: ['land', 'labour', 'neighbour'], record: before.record, rooms: before.rooms })
    expectError(
      await api('PUT', `/v1/mediators/${other.user.id}`, { token: me.token, body: { specialties: [], intro: '冒充他人修改简介' } }),
      404,
      'mediator.notFound',
    )
    expectError(
      await api('PUT', `/v1/mediators/${resident.user.id}`, { token: resident.token, body: { specialties: [], intro: '居民不能改调解员简介' } }),
      403,
      'auth.forbidden',
    )
  })

  it('takes leave, extra hours and room closures into the slots at once, and undoes them', async () => {
    const [admin, other, resident] = await Promise.all([login('o-demo-admin'), login('o-demo-mediator2'), login(uniqueOpenid('exceptions'))])
    const day = (await freeSlot(resident.token, 10)).date
    const mySlots = async () => (await slotsOf(resident.token, ROOM, mediatorId)).filter((s) => s.date === day).map((s) => s.time)
    const roomSlots = async () => (await slotsOf(resident.token)).filter((s) => s.date === day).length
    const add = (token: string, body: Record<string, unknown>) => api('POST', `/v1/rooms/${ROOM}/exceptions`, { token, body: { date: day, ...body } })
    expect(await mySlots()).toEqual(['09:00', '10:00', '11:00'])

    const leave = await add(mediator.token, { kind: 'closed', start: '09:00', end: '10:30', note: '上午请假' })
    expect(leave.status).toBe(201)
    expect(await mySlots()).toEqual(['11:00'])
    const extra = await add(mediator.token, { kind: 'extra', start: '19:00', end: '21:00', sessionMinutes: 60 })
    expect(await mySlots()).toEqual(['11:00', '19:00', '20:00'])
    const listed = await api('GET', `/v1/rooms/${ROOM}/exceptions?from=${day}&to=${day}`, { token: resident.token })
    expect(listed.body.items.map((x: { id: string }) => x.id).sort()).toEqual([leave.body.id, extra.body.id].sort())
    // Others (a resident, a visitor) learn only that the mediator is away; the leave's reason is the mediator's own.
    expect(listed.body.items.find((x: { id: string }) => x.id === leave.body.id)).toMatchObject({ kind: 'closed', mediatorName: '孙梅' })
    expect(JSON.stringify(listed.body)).not.toContain('上午请假')
    const guest = await api('GET', `/v1/rooms/${ROOM}/exceptions?from=${day}&to=${day}`)
    expect(JSON.stringify(guest.body)).not.toContain('上午请假')
    const own = await api('GET', `/v1/rooms/${ROOM}/exceptions?from=${day}&to=${day}`, { token: mediator.token })
    expect(own.body.items.find((x: { id: string }) => x.id === leave.body.id).note).toBe('上午请假')

    expectError(await add(mediator.token, { kind: 'closed', wholeRoom: true }), 403, 'auth.forbidden')
    expectError(await add(mediator.token, { kind: 'extra', wholeRoom: true, start: '19:00', end: '20:00' }), 400, 'request.invalid')
    expectError(await add(resident.token, { kind: 'closed' }), 403, 'auth.forbidden')
    expectError(await add(mediator.token, { kind: 'closed', date: '2020-01-01' }), 400, 'request.invalid')
    const closure = await add(admin.token, { kind: 'closed', wholeRoom: true, note: '场地维修' })
    expect(closure.status).toBe(201)
    expect(await roomSlots()).toBe(0)

    // Another mediator cannot undo 孙梅's leave; each undo brings the slots back.
    expectError(await api('DELETE', `/v1/rooms/${ROOM}/exceptions/${leave.body.id}`, { token: other.token }), 404, 'exception.notFound')
    expectError(await api('DELETE', `/v1/rooms/${ROOM}/exceptions/${closure.body.id}`, { token: mediator.token }), 403, 'auth.forbidden')
    for (const [token, x] of [
      [admin.token, closure],
      [mediator.token, leave],
      [mediator.token, extra],
    ] as const)
      expect((await api('DELETE', `/v1/rooms/${ROOM}/exceptions/${x.body.id}`, { token })).body).toEqual({ deleted: true })
    expect(await mySlots()).toEqual(['09:00', '10:00', '11:00'])
  })
})

describe('booking', () => {
  it('books, shows the booking to its parties only, and the mediator confirms it', async () => {
    const openid = uniqueOpenid('book')
    const [resident, stranger, other] = await Promise.all([login(openid), login(uniqueOpenid('stranger')), login('o-demo-mediator2')])
    await api('POST', '/v1/subscriptions', { token: mediator.token, body: { templateKey: 'booking_request', result: 'accept' } })
    await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey: 'booking_status', result: 'accept' } })
    const slot = await freeSlot(resident.token)
    const made = await book(resident.token, { mediatorId, start: slot.start, contactPhone: '13912345678', otherParty: { name: '楼上住户' } })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      status: 'requested',
      mediatorId,
      start: slot.start,
      roomName: '青石街道说事室',
      contactPhone: '13912345678',
      otherParty: { name: '楼上住户' },
      allowedEvents: ['cancel', 'reschedule'],
    })
    const id = made.body.id

    expect((await slotsOf(resident.token, ROOM, mediatorId)).find((s) => s.start === slot.start)!.taken).toBe(true)
    const asMediator = await api('GET', `/v1/bookings/${id}`, { token: mediator.token })
    expect(asMediator.body.allowedEvents).toEqual(['confirm', 'decline', 'cancel', 'reschedule'])
    expectError(await api('GET', `/v1/bookings/${id}`, { token: stranger.token }), 404, 'booking.notFound')
    expectError(await api('GET', `/v1/bookings/${id}`, { token: other.token }), 404, 'booking.notFound')
    expectError(await fire(stranger.token, id, { type: 'cancel', reason: '不想去了' }), 404, 'booking.notFound')
    expectError(await fire(resident.token, id, { type: 'confirm' }), 403, 'auth.forbidden')

    const mine = await api('GET', '/v1/bookings?view=mine', { token: resident.token })
    expect(mine.body.items.map((b: { id: string }) => b.id)).toEqual([id])
    const theirs = await api('GET', '/v1/bookings?view=mediator&limit=50', { token: mediator.token })
    expect(theirs.body.items.map((b: { id: string }) => b.id)).toContain(id)
    expectError(await api('GET', '/v1/bookings?view=mediator', { token: resident.token }), 403, 'auth.forbidden')

    const confirmed = await fire(mediator.token, id, { type: 'confirm', version: 1 })
    expect(confirmed.body).toMatchObject({ status: 'confirmed', version: 2 })
    expectError(await fire(mediator.token, id, { type: 'confirm' }), 409, 'booking.invalidTransition')
    // Too early for these: a check-in opens an hour before, no-show after the start.
    expectError(await fire(mediator.token, id, { type: 'no_show' }), 409, 'booking.invalidTransition')
    expect(confirmed.body.timeline.map((t: { type: string }) => t.type)).toEqual(['book', 'confirm'])

    // The mediator heard of the request, the resident of the confirmation.
    const sent = async (openid: string, template: string) =>
      ((await standin('GET', `/dev/messages?touser=${openid}`)).messages as { template_id: string }[]).filter((m) => m.template_id === template)
    await eventually(async () => ((await sent('o-demo-mediator', 'tpl-booking-request')).length ? true : undefined))
    await eventually(async () => ((await sent(openid, 'tpl-booking-status')).length ? true : undefined))
  })

  it('gives the last slot to exactly one of two people booking it at once', async () => {
    const [a, b] = await Promise.all([login(uniqueOpenid('race-a')), login(uniqueOpenid('race-b'))])
    const slot = await freeSlot(a.token, 1)
    const answers = await Promise.all([a, b].map((p) => book(p.token, { mediatorId, start: slot.start })))
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409])
    expectError(answers.find((r) => r.status === 409)!, 409, 'booking.slotTaken')
  })

  it('“any mediator” takes a free one atomically: two mediators, three people, two bookings', async () => {
    const second = await newMediator(ROOM)
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 }))
    expect((await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: second.token, body: { rules } })).status).toBe(200)
    const people = await Promise.all([1, 2, 3].map((i) => login(uniqueOpenid(`any-${i}`))))
    const slots = await slotsOf(people[0]!.token)
    const start = slots.find(
      (s) => s.mediatorId === mediatorId && !s.taken && slots.some((o) => o.start === s.start && o.mediatorId === second.user.id && !o.taken),
    )!.start
    const answers = await Promise.all(people.map((p) => book(p.token, { start })))
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409])
    expect(new Set(answers.filter((r) => r.status === 201).map((r) => r.body.mediatorId))).toEqual(new Set([mediatorId, second.user.id]))
    // Fewer hours (the rules beyond go); then the rest of the tests book 孙梅 by name: the admin takes the second
    // mediator's role back, and their hours go too.
    expect((await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: second.token, body: { rules: rules.slice(0, 3) } })).status).toBe(200)
    const admin = await login('o-demo-admin')
    expect((await api('DELETE', `/v1/users/${second.user.id}/roles/mediator/${ROOM}`, { token: admin.token })).body).toEqual({ revoked: true })
    // The mediation family's part of the revocation (run from its outbox event): the hours themselves are gone from
    // the room's calendar, and the session the second mediator held is handed back — cancelled, its resident told why.
    await eventually(async () => ((await repos().mediation.rules(second.user.districtId, ROOM, second.user.id)).length ? undefined : true))
    expect((await slotsOf(people[0]!.token)).some((s) => s.mediatorId === second.user.id)).toBe(false)
    const held = answers.findIndex((r) => r.status === 201 && r.body.mediatorId === second.user.id)
    const handedBack = await eventually(async () => {
      const b = (await api('GET', `/v1/bookings/${answers[held]!.body.id}`, { token: people[held]!.token })).body
      return b.status === 'cancelled' ? b : undefined
    })
    expect(handedBack.timeline.at(-1)).toMatchObject({ type: 'cancel', note: expect.stringContaining('已不在青石街道说事室') })
    // Whatever is written about their sessions later (a party's rating, a follow-up due), the former mediator is no
    // longer told: the fan-out reads the binding when it runs; the party still is.
    const deps = mediationDeps(buildDeps(await loadConfig(cloud().env)))
    const theirs = (await repos().mediation.get('linjiang', handedBack.id))!.record
    const told = async (b: typeof theirs) =>
      (await bookingFanOut(deps, bookingEvent(deps, b, 'rate', ['mediator', 'requester']), 50)).notices.map((n) => n.recipient.id)
    expect(await told(theirs)).toEqual([theirs.requesterId])
    expect(await told({ ...theirs, mediatorId })).toEqual([theirs.requesterId, mediatorId])
  })

  it('a mediator taken off the room hands a session back to a colleague free at its time, who confirms it again', async () => {
    const leaving = await newMediator(ROOM)
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 }))
    expect((await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: leaving.token, body: { rules } })).status).toBe(200)
    const resident = await login(uniqueOpenid('handed'))
    const slots = await slotsOf(resident.token)
    // A time both hold free: 孙梅 can take it over.
    const start = slots.find(
      (s) => s.mediatorId === leaving.user.id && slots.some((o) => o.start === s.start && o.mediatorId === mediatorId && !o.taken),
    )!.start
    const booked = (await book(resident.token, { mediatorId: leaving.user.id, start })).body
    expect(booked).toMatchObject({ status: 'requested', mediatorId: leaving.user.id })

    const admin = await login('o-demo-admin')
    expect((await api('DELETE', `/v1/users/${leaving.user.id}/roles/mediator/${ROOM}`, { token: admin.token })).body).toEqual({ revoked: true })
    const moved = await eventually(async () => {
      const b = (await api('GET', `/v1/bookings/${booked.id}`, { token: resident.token })).body
      return b.mediatorId === mediatorId ? b : undefined
    })
    // Same time, the colleague asked to confirm it; the resident told who takes it; the slot is the colleague's now.
    expect(moved).toMatchObject({ status: 'requested', start, mediatorName: '孙梅' })
    expect(moved.timeline.at(-1)).toMatchObject({ type: 'reschedule', note: '调解员调整：改由孙梅调解员接待，时间不变，待其确认' })
    expect((await slotsOf(resident.token, ROOM, mediatorId)).find((s) => s.start === start)!.taken).toBe(true)
    // The colleague is asked to confirm; the resident is told who takes it.
    const told = await eventually(async () => {
      const notices = await repos().outbox.notices('linjiang', { kind: 'booking', id: booked.id }, 50)
      const moves = notices.filter((n) => n.event === 'reschedule')
      return moves.length === 2 ? moves : undefined
    })
    expect(Object.fromEntries(told.map((n) => [n.recipientId, n.templateKey]))).toEqual({
      [mediatorId]: 'booking_request',
      [resident.user.id]: 'booking_status',
    })
    expect(Object.values(told.find((n) => n.recipientId === resident.user.id)!.fields).join()).toContain('改由孙梅')
    expect((await fire(mediator.token, booked.id, { type: 'confirm' })).body.status).toBe('confirmed')
  })

  it('cancel releases the slot; reschedule moves it in one go; a confirm racing a cancel has one winner', async () => {
    const [resident, next] = await Promise.all([login(uniqueOpenid('move')), login(uniqueOpenid('next'))])
    const [s1, s2] = [await freeSlot(resident.token), await freeSlot(resident.token, 1)]
    const made = (await book(resident.token, { mediatorId, start: s1.start })).body
    const moved = await fire(resident.token, made.id, { type: 'reschedule', start: s2!.start })
    expect(moved.body).toMatchObject({ status: 'requested', start: s2!.start })
    const after = await slotsOf(resident.token, ROOM, mediatorId)
    expect(after.find((s) => s.start === s1.start)!.taken).toBe(false)
    expect(after.find((s) => s.start === s2!.start)!.taken).toBe(true)

    // Into a slot someone else holds: 409, and the booking stays where it was.
    const blocker = (await book(next.token, { mediatorId, start: s1.start })).body
    expectError(await fire(resident.token, made.id, { type: 'reschedule', start: s1.start }), 409, 'booking.slotTaken')
    expect((await api('GET', `/v1/bookings/${made.id}`, { token: resident.token })).body.start).toBe(s2!.start)

    // Both act on the version they saw: one wins, the other is told the booking moved on.
    const race = await Promise.all([
      fire(mediator.token, blocker.id, { type: 'confirm', version: 1 }),
      fire(next.token, blocker.id, { type: 'cancel', reason: '时间不合适', version: 1 }),
    ])
    expect(race.map((r) => r.status).sort()).toEqual([200, 409])
    const final = (await api('GET', `/v1/bookings/${blocker.id}`, { token: next.token })).body
    expect(['confirmed', 'cancelled']).toContain(final.status)
    expect((await slotsOf(next.token, ROOM, mediatorId)).find((s) => s.start === s1.start)!.taken).toBe(final.status === 'confirmed')

    const cancelled = await fire(resident.token, made.id, { type: 'cancel', reason: '已与邻居和解' })
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedEvents: [] })
    expect((await slotsOf(resident.token, ROOM, mediatorId)).find((s) => s.start === s2!.start)!.taken).toBe(false)
    expectError(await fire(resident.token, made.id, { type: 'reschedule', start: s2!.start }), 409, 'booking.invalidTransition')
  })

  it('holds a resident to two upcoming bookings, and replays an Idempotency-Key', async () => {
    const me = await login(uniqueOpenid('limit'))
    const slots = (await slotsOf(me.token, ROOM, mediatorId)).filter((s) => !s.taken)
    const key = `k-${Math.random().toString(36).slice(2, 12)}`
    const first = await book(me.token, { mediatorId, start: slots[0]!.start }, { 'Idempotency-Key': key })
    const again = await book(me.token, { mediatorId, start: slots[0]!.start }, { 'Idempotency-Key': key })
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.body.id).toBe(first.body.id)
    expectError(await book(me.token, { mediatorId, start: slots[1]!.start }, { 'Idempotency-Key': key }), 422, 'idempotency.mismatch')
    expect((await book(me.token, { mediatorId, start: slots[1]!.start })).status).toBe(201)
    expectError(await book(me.token, { mediatorId, start: slots[2]!.start }), 409, 'booking.limitReached')
    await fire(me.token, first.body.id, { type: 'cancel', reason: '改主意了' })
    expect((await book(me.token, { mediatorId, start: slots[2]!.start })).status).toBe(201)
    expect((await api('GET', '/v1/bookings?view=mine', { token: me.token })).body.items).toHaveLength(3)
  })

  it('answers bad bookings with the field and a Chinese message, writing nothing', async () => {
    const me = await login(uniqueOpenid('bad'))
    const slot = await freeSlot(me.token)
    const fields = async (answer: Awaited<ReturnType<typeof book>>, status: number, code: string) => (
      expectError(answer, status, code),
      answer.body.error.fields.map((f: { path: string }) => f.path)
    )
    expect(await fields(await book(me.token, { start: new Date(Date.now() - 3600_000).toISOString() }), 400, 'booking.slotUnavailable')).toEqual(['start'])
    expect(await fields(await book(me.token, { start: new Date(Date.parse(slot.start) + 10 * 60_000).toISOString() }), 400, 'booking.slotUnavailable')).toEqual(
      ['start'],
    )
    expect(await fields(await book(me.token, { start: new Date(Date.now() + 40 * 86_400_000).toISOString() }), 400, 'booking.slotUnavailable')).toEqual([
      'start',
    ])
    expect(await fields(await book(me.token, { roomId: 'room-nowhere', start: slot.start }), 404, 'room.notFound')).toEqual(['roomId'])
    expect(await fields(await book(me.token, { mediatorId: (await login('o-demo-mediator3')).user.id, start: slot.start }), 404, 'mediator.notFound')).toEqual([
      'mediatorId',
    ])
    expect(await fields(await book(me.token, { start: slot.start, summary: '短' }), 400, 'request.invalid')).toEqual(['summary'])
    expect(await fields(await book(me.token, { start: slot.start, disputeType: 'tax' }), 400, 'request.invalid')).toEqual(['disputeType'])
    expect((await api('GET', '/v1/bookings?view=mine', { token: me.token })).body.items).toEqual([])
    const overlapping = [
      { weekday: 1, start: '09:00', end: '12:00', sessionMinutes: 60 },
      { weekday: 1, start: '11:00', end: '13:00', sessionMinutes: 60 },
    ]
    const bad = await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: mediator.token, body: { rules: overlapping } })
    expect(await fields(bad, 400, 'request.invalid')).toEqual(['rules.1'])
    expectError(await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: me.token, body: { rules: [] } }), 403, 'auth.forbidden')
  })
})

describe('a dispute referred to mediation', () => {
  it('is booked by its reporter, and the session’s outcome closes the case with the outcome in its timeline', async () => {
    const [reporter, stranger, dispatcher] = await Promise.all([login(uniqueOpenid('dispute')), login(uniqueOpenid('stranger2')), login('o-demo-dispatcher')])
    const report = (categoryId: string) =>
      api('POST', '/v1/cases', {
        token: reporter.token,
        body: { categoryId, description: '隔壁邻居长期占用楼道堆放杂物', location: { lat: 30.5071, lng: 114.3149 } },
      }).then((r) => r.body.id as string)
    const [dispute, litter] = await Promise.all([report('cat-neighbour'), report('cat-garbage')])
    for (const id of [dispute, litter])
      expect((await api('POST', `/v1/cases/${id}/events`, { token: dispatcher.token, body: { type: 'accept' } })).status).toBe(200)
    expectError(
      await api('POST', `/v1/cases/${litter}/events`, { token: dispatcher.token, body: { type: 'refer', reason: '建议双方到说事室协商' } }),
      409,
      'case.invalidTransition',
    )
    const referred = await api('POST', `/v1/cases/${dispute}/events`, { token: dispatcher.token, body: { type: 'refer', reason: '建议双方到说事室协商' } })
    expect(referred.body).toMatchObject({ status: 'referred', referral: { bookable: false } })
    expect((await api('GET', `/v1/cases/${dispute}`, { token: reporter.token })).body).toMatchObject({
      status: 'referred',
      referral: { bookable: true },
      allowedEvents: ['withdraw'],
    })

    // The district's mediation counts, as the command centre reads them: all days, and this week on the overview.
    const allDays = () => repos().mediation.mediationDays('linjiang', '2000-01-01', '2999-12-31')
    const watcher = await login('o-demo-district-dispatcher')
    const week = async () => (await api('GET', '/v1/command/overview', { token: watcher.token })).body.mediation
    const [before, weekBefore] = [await allDays(), await week()]

    const slot = await freeSlot(reporter.token, 5)
    expectError(await book(stranger.token, { mediatorId, start: slot.start, caseId: dispute }), 404, 'case.notFound')
    expectError(await book(reporter.token, { mediatorId, start: slot.start, caseId: litter }), 409, 'case.invalidTransition')
    const made = await book(reporter.token, { mediatorId, start: slot.start, caseId: dispute })
    expect(made.body).toMatchObject({ caseId: dispute })
    await fire(mediator.token, made.body.id, { type: 'confirm' })

    const deps = buildDeps(await loadConfig(cloud().env))
    const at = (ms: number) => ({ ...deps, clock: () => new Date(Date.parse(slot.start) + ms) })
    const caller = await loadCaller(deps, mediatorId)
    await fireBookingEvent(mediationDeps(at(-5 * 60_000)), caller, made.body.id, { type: 'check_in' })
    await fireBookingEvent(mediationDeps(at(40 * 60_000)), caller, made.body.id, {
      type: 'complete',
      outcome: 'agreement_oral',
      record: '双方同意三日内清理楼道杂物',
    })
    const closed = await eventually(async () => {
      const c = (await api('GET', `/v1/cases/${dispute}`, { token: reporter.token })).body
      return c.status === 'closed' ? c : undefined
    })
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'mediate', from: 'referred', to: 'closed', note: expect.stringContaining('达成口头协议') })
    // One booking made this week; one session held, with an agreement (counted on the day it was held).
    expect(await allDays()).toEqual({ booked: before.booked + 1, held: before.held + 1, agreements: before.agreements + 1 })
    expect((await week()).booked).toBe(weekBefore.booked + 1)
  })
})

describe('the other party', () => {
  it('joins with the invite code, sees the booking without the requester’s details, hears of it, and may decline to take part', async () => {
    const theirOpenid = uniqueOpenid('respondent')
    const [requester, respondent, third] = await Promise.all([login(uniqueOpenid('requester')), login(theirOpenid), login(uniqueOpenid('third'))])
    await api('POST', '/v1/subscriptions', { token: respondent.token, body: { templateKey: 'booking_status', result: 'accept' } })
    const slot = await freeSlot(requester.token, 3)
    const made = (await book(requester.token, { mediatorId, start: slot.start, contactPhone: '13912345678', otherParty: { name: '楼上住户' } })).body
    expect(made.inviteCode).toMatch(/^[A-Z2-9]{8}$/)

    expectError(await api('POST', '/v1/bookings/join', { token: respondent.token, body: { code: 'ZZZZZZZZ' } }), 404, 'booking.inviteNotFound')
    expectError(await api('POST', '/v1/bookings/join', { token: requester.token, body: { code: made.inviteCode } }), 400, 'request.invalid')
    const joined = await api('POST', '/v1/bookings/join', { token: respondent.token, body: { code: made.inviteCode, contactPhone: '13800005555' } })
    expect(joined.status).toBe(200)
    expect(joined.body).toMatchObject({ id: made.id, respondent: { name: expect.any(String), contactPhone: '13800005555' }, allowedEvents: ['refuse'] })
    // The requester's own account and phone are not the other side's to read, nor is the code any longer.
    expect(joined.body.summary).toBeUndefined()
    expect(joined.body.contactPhone).toBeUndefined()
    expect(joined.body.inviteCode).toBeUndefined()
    expectError(await api('POST', '/v1/bookings/join', { token: third.token, body: { code: made.inviteCode } }), 409, 'booking.alreadyJoined')
    expect((await api('POST', '/v1/bookings/join', { token: respondent.token, body: { code: made.inviteCode } })).status).toBe(200)

    const asRequester = (await api('GET', `/v1/bookings/${made.id}`, { token: requester.token })).body
    expect(asRequester.respondent.contactPhone).toBeUndefined()
    expect((await api('GET', `/v1/bookings/${made.id}`, { token: mediator.token })).body.respondent.contactPhone).toBe('13800005555')
    // Both phones are sealed at rest; the mediator's reading of them is in the audit log.
    const stored = await repos().mediation.get('linjiang', made.id)
    expect(JSON.stringify(stored)).not.toMatch(/13912345678|13800005555/)
    expect(Object.keys(stored!.record.sealed!).sort()).toEqual(['contactPhone', 'respondentPhone'])
    const audited = (await repos().audit.day('linjiang', chinaDate(new Date()), 100)).items.find(
      (a) => a.subject === 'booking' && a.ids.includes(made.id) && a.userId === mediator.user.id,
    )
    expect(audited?.fields.sort()).toEqual(['contactPhone', 'respondentPhone'])
    expect((await api('GET', '/v1/bookings?view=mine', { token: respondent.token })).body.items.map((b: { id: string }) => b.id)).toEqual([made.id])
    expectError(await api('GET', `/v1/bookings/${made.id}`, { token: third.token }), 404, 'booking.notFound')

    // Confirmed: both parties hear of it and see it on their lists.
    await fire(mediator.token, made.id, { type: 'confirm' })
    const theirs = await eventually(async () => {
      const items = (await api('GET', '/v1/bookings?view=mine', { token: respondent.token })).body.items
      return items[0]?.status === 'confirmed' ? items : undefined
    })
    expect(theirs).toHaveLength(1)
    await eventually(async () =>
      ((await standin('GET', `/dev/messages?touser=${theirOpenid}`)).messages as { template_id: string }[]).some((m) => m.template_id === 'tpl-booking-status')
        ? true
        : undefined,
    )

    // Mediation needs both sides: the other party declines, the slot is free again.
    expectError(await fire(requester.token, made.id, { type: 'refuse', reason: '我不同意调解' }), 403, 'auth.forbidden')
    const refused = await fire(respondent.token, made.id, { type: 'refuse', reason: '已通过其他途径解决' })
    expect(refused.body).toMatchObject({ status: 'refused', allowedEvents: [] })
    expect((await slotsOf(requester.token, ROOM, mediatorId)).find((s) => s.start === slot.start)!.taken).toBe(false)
  })
})

describe('the session, its reminders and its agreement', () => {
  it('reminds everyone 24 h and 1 h before, from the due index; checks in, records a written agreement both parties confirm; the PDF and the calendar file', async () => {
    const [resident, other] = await Promise.all([login(uniqueOpenid('remind')), login(uniqueOpenid('other'))])
    const slot = await freeSlot(resident.token, 2)
    const made = (await book(resident.token, { mediatorId, start: slot.start })).body
    const id = made.id
    await api('POST', '/v1/bookings/join', { token: other.token, body: { code: made.inviteCode } })
    await fire(mediator.token, id, { type: 'confirm' })

    // The calendar file: one event, UID stable across a reschedule, SEQUENCE growing, alarms a day and an hour ahead.
    const ics = async () => {
      const res = await fetch(`${cloud().urls.api}/v1/bookings/${id}/calendar.ics`, { headers: { authorization: `Bearer ${resident.token}` } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/calendar')
      const event = new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent('vevent')!
      return {
        uid: event.getFirstPropertyValue('uid'),
        sequence: Number(event.getFirstPropertyValue('sequence')),
        start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
        alarms: event.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
        status: event.getFirstPropertyValue('status'),
        location: event.getFirstPropertyValue('location'),
      }
    }
    const first = await ics()
    expect(first).toMatchObject({ uid: `${id}@linli`, start: slot.start, status: 'CONFIRMED', alarms: ['-P1D', '-PT1H'] })
    expect(String(first.location)).toContain('青石街道说事室')
    const later = await freeSlot(resident.token, 3)
    await fire(mediator.token, id, { type: 'reschedule', start: later.start })
    const moved = await ics()
    expect(moved).toMatchObject({ uid: first.uid, start: later.start })
    expect(moved.sequence).toBeGreaterThan(first.sequence)
    expect((await api('GET', `/v1/bookings/${id}/calendar.ics`, { token: (await login(uniqueOpenid('nosy'))).token })).status).toBe(404)

    const deps = buildDeps(await loadConfig(cloud().env))
    const start = Date.parse(later.start)
    const at = (ms: number) => ({ ...deps, clock: () => new Date(start + ms) })
    const reminders = async () =>
      (await api('GET', `/v1/bookings/${id}`, { token: resident.token })).body.timeline.filter((t: { type: string }) => t.type === 'remind').length
    const expected = start - Date.now() > 24 * 3600_000 ? 2 : 1
    await sweep(at(-25 * 3600_000))
    expect(await reminders()).toBe(0)
    await sweep(at(-24 * 3600_000 + 60_000))
    await sweep(at(-3600_000 + 60_000))
    expect(await reminders()).toBe(expected)
    await sweep(at(-30 * 60_000))
    expect(await reminders()).toBe(expected)

    // At the session (the clock moved): check in, then record a written agreement; the mediator's record counts it.
    const caller = await loadCaller(deps, mediatorId)
    const before = (await api('GET', `/v1/mediators/${mediatorId}`, { token: resident.token })).body.record.held
    await fireBookingEvent(mediationDeps(at(-10 * 60_000)), caller, id, { type: 'check_in' })
    const agreement = {
      facts: '楼上住户装修期间每日施工至深夜，影响楼下休息',
      disputes: '施工时间；楼上住户应控制噪音',
      terms: '装修仅在工作日 9:00–18:00 施工；楼上住户向楼下赔礼道歉',
      performance: { manner: '自行履行', place: '柳岸3栋', deadline: chinaDate(new Date(start + 10 * 86_400_000)) },
    }
    expect(() => bookingEventSchema.parse({ type: 'complete', outcome: 'agreement_written', record: '双方到场陈述' })).toThrow()
    const done = await fireBookingEvent(mediationDeps(at(50 * 60_000)), caller, id, {
      type: 'complete',
      outcome: 'agreement_written',
      record: '双方到场，各自陈述后达成一致',
      agreement,
    })
    expect(done).toMatchObject({
      status: 'completed',
      outcome: 'agreement_written',
      agreement: { ...agreement, confirmations: [] },
      followUp: { dueOn: addDays(agreement.performance.deadline, 1) },
    })
    expect((await api('GET', `/v1/mediators/${mediatorId}`, { token: resident.token })).body.record.held).toBe(before + 1)

    // Each party confirms once; the mediator cannot confirm for them.
    const mine = await fire(resident.token, id, { type: 'confirm_agreement' })
    expect(mine.body.agreement).toMatchObject({ confirmedByMe: true, confirmations: [{ name: expect.any(String) }] })
    expect(mine.body.allowedEvents).toEqual(['rate'])
    expectError(await fire(resident.token, id, { type: 'confirm_agreement' }), 409, 'booking.invalidTransition')
    expectError(await fire(mediator.token, id, { type: 'confirm_agreement' }), 403, 'auth.forbidden')
    expect((await fire(other.token, id, { type: 'confirm_agreement' })).body.agreement.confirmations).toHaveLength(2)

    // Each party rates the session once: the mediator's public satisfaction.
    expect((await fire(resident.token, id, { type: 'rate', rating: 5, comment: '调解员很耐心' })).body).toMatchObject({ myRating: 5 })
    expectError(await fire(resident.token, id, { type: 'rate', rating: 1 }), 409, 'booking.invalidTransition')
    expectError(await fire(mediator.token, id, { type: 'rate', rating: 5 }), 403, 'auth.forbidden')
    await fire(other.token, id, { type: 'rate', rating: 4 })
    expect((await api('GET', `/v1/mediators/${mediatorId}`, { token: resident.token })).body.record).toMatchObject({
      held: before + 1,
      agreementRate: expect.any(Number),
      satisfaction: 4.5,
    })

    // The agreement as a PDF, its Chinese text extractable, for the parties and the mediator only.
    const pdf = await fetch(`${cloud().urls.api}/v1/bookings/${id}/agreement.pdf`, { headers: { authorization: `Bearer ${other.token}` } })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const file = join(mkdtempSync(join(tmpdir(), 'linli-pdf-')), 'agreement.pdf')
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()))
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const words of ['人民调解协议书', '人调字第', agreement.facts, '工作日9:00–18:00施工', '自行履行', '柳岸3栋', '已于'])
      expect(text).toContain(words.replace(/\s+/g, ''))
    // Made once and stored: the mediator's download is the same stored file, not a second one.
    const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3')
    const s3 = new S3Client({
      region: 'cn-north-1',
      endpoint: cloud().env.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    const stored = async () =>
      (await s3.send(new ListObjectsV2Command({ Bucket: cloud().env.UPLOADS_BUCKET, Prefix: `agreements/${id}/` }))).Contents?.map((o) => o.Key) ?? []
    expect(await stored()).toHaveLength(1)
    const again = await fetch(`${cloud().urls.api}/v1/bookings/${id}/agreement.pdf`, { headers: { authorization: `Bearer ${mediator.token}` } })
    expect(Buffer.from(await again.arrayBuffer()).equals(readFileSync(file))).toBe(true)
    expect(await stored()).toHaveLength(1)
    expectError(await api('GET', `/v1/bookings/${id}/agreement.pdf`, { token: (await login(uniqueOpenid('nosy'))).token }), 404, 'booking.notFound')

    // The follow-up visit is reminded to the mediator on its morning, then recorded once.
    const dueOn = Date.parse(`${done.followUp!.dueOn}T01:00:00.000Z`)
    await sweep({ ...deps, clock: () => new Date(dueOn + 60_000) })
    const afterDue = (await api('GET', `/v1/bookings/${id}`, { token: mediator.token })).body
    expect(afterDue.timeline.at(-1)).toMatchObject({ type: 'remind', note: expect.stringContaining('回访') })
    expect(afterDue.allowedEvents).toEqual(['follow_up'])
    const visited = await fire(mediator.token, id, { type: 'follow_up', performance: 'performed', note: '已按约定时间施工，邻里关系缓和' })
    expect(visited.body).toMatchObject({ followUp: { performance: 'performed' }, allowedEvents: [] })
  })

  it('refuses an agreement PDF for a booking without a written agreement', async () => {
    const resident = await login(uniqueOpenid('nopdf'))
    const made = (await book(resident.token, { mediatorId, start: (await freeSlot(resident.token, 4)).start })).body
    expectError(await api('GET', `/v1/bookings/${made.id}/agreement.pdf`, { token: resident.token }), 404, 'booking.noAgreement')
  })
})

describe('long-term subscription (the local stage runs booking_request as a long-term template)', () => {
  it('one 允许 lasts: every booking notifies the mediator and the grant stays; WeChat’s 43101 (turned off) ends it', async () => {
    // A mediator of its own, so that bookings and faults of the tests running alongside never meet it.
    const own = await newMediator(ROOM)
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '19:00', end: '21:00', sessionMinutes: 30, bufferMinutes: 0 }))
    expect((await api('PUT', `/v1/rooms/${ROOM}/availability`, { token: own.token, body: { rules } })).status).toBe(200)
    const slot = async (token: string, skip: number) => (await slotsOf(token, ROOM, own.user.id)).filter((s) => !s.taken)[skip]!
    const requests = async () =>
      ((await standin('GET', `/dev/messages?touser=${own.openid}`)).messages as { template_id: string }[]).filter(
        (m) => m.template_id === 'tpl-booking-request',
      ).length
    const grant = async () =>
      ((await api('GET', '/v1/subscriptions', { token: own.token })).body.items as { templateKey: string; grants: number; longTerm: boolean }[]).find(
        (i) => i.templateKey === 'booking_request',
      )!
    const allowed = await api('POST', '/v1/subscriptions', { token: own.token, body: { templateKey: 'booking_request', result: 'accept' } })
    expect(allowed.body).toEqual({ templateKey: 'booking_request', grants: 1_000_000, longTerm: true })

    for (const skip of [0, 1, 2]) {
      const resident = await login(uniqueOpenid('longterm'))
      expect((await book(resident.token, { mediatorId: own.user.id, start: (await slot(resident.token, skip)).start })).status).toBe(201)
    }
    await eventually(async () => ((await requests()) === 3 ? true : undefined))
    expect(await grant()).toMatchObject({ longTerm: true, grants: expect.any(Number) })
    expect((await grant()).grants).toBeGreaterThan(999_000)

    // The mediator turns the notices off in WeChat: the next send answers 43101, and the grant is gone.
    await standin('POST', '/dev/faults', { api: 'subscribe_send', errcode: 43101, openid: own.openid })
    const resident = await login(uniqueOpenid('longterm'))
    expect((await book(resident.token, { mediatorId: own.user.id, start: (await slot(resident.token, 3)).start })).status).toBe(201)
    await eventually(async () => ((await grant()).grants === 0 ? true : undefined))
    expect(await grant()).toEqual({ templateKey: 'booking_request', grants: 0, longTerm: false })
    expect(await requests()).toBe(3)
  })
})
