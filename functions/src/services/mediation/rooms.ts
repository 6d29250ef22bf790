/** Rooms, mediators and their hours: what residents browse before booking, and what mediators keep. */
import {
  addDays,
  chinaDate,
  computeSlots,
  DomainError,
  ruleProblems,
  slotId,
  weeklyHours,
  type MediatorDetail,
  type MediatorSummary,
  type RoomDetail,
  type RoomSummary,
  type SlotView,
  type Specialty,
} from '@linli/shared'
import { distanceMeters } from '../../adapters/geohash'
import type { Caller } from '../identity/ports'
import type { Catalogue, RoomRecord } from '../district/ports'
import { authorize } from '../authorize'
import type { MediationDeps, MediatorProfile, NamedRule } from './ports'

export async function roomOf(deps: MediationDeps, districtId: string, roomId: string, path = 'id'): Promise<RoomRecord> {
  const has = (c: Catalogue) => c.rooms.some((r) => r.id === roomId)
  const room = (await deps.catalogue(districtId, has)).rooms.find((r) => r.id === roomId)
  if (!room) throw new DomainError('room.notFound', [{ path, message: '说事室不存在' }])
  return room
}

const roomSummary = ({ id, name, address, lat, lng, hours, specialties }: RoomRecord): RoomSummary => ({ id, name, address, lat, lng, hours, specialties })

const roomDetail = (room: RoomRecord, mediators: MediatorProfile[], week: Pick<RoomDetail, 'weekly' | 'closedOn'>): RoomDetail => {
  const { nodeId, minNoticeHours, horizonDays, cancelCutoffHours } = room
  return { ...roomSummary(room), nodeId, minNoticeHours, horizonDays, cancelCutoffHours, mediators: mediators.map(mediatorSummary), ...week }
}

/** The room's week as its page tells it, from the calendar itself: the mediators' hours and the days it is closed. */
async function weekOf(deps: MediationDeps, districtId: string, roomId: string): Promise<Pick<RoomDetail, 'weekly' | 'closedOn'>> {
  const today = chinaDate(deps.clock())
  const { rules, exceptions } = await deps.repos.mediation.calendar(districtId, roomId, today, addDays(today, 6))
  return { weekly: weeklyHours(rules), closedOn: exceptions.filter((e) => e.kind === 'closed' && !e.mediatorId && !e.start).map((e) => e.date) }
}

const mediatorSummary = (p: MediatorProfile): MediatorSummary => ({
  id: p.userId,
  name: p.name,
  brand: p.brand,
  specialties: p.specialties,
  intro: p.intro,
  record: {
    held: p.held,
    agreementRate: p.held ? Math.round((p.agreements / p.held) * 100) / 100 : undefined,
    satisfaction: p.ratingCount ? Math.round(((p.ratingSum ?? 0) / p.ratingCount) * 10) / 10 : undefined,
  },
})

export async function listRooms(
  deps: MediationDeps,
  caller: Caller,
  q: { lat?: number; lng?: number; specialty?: Specialty },
): Promise<{ items: RoomSummary[] }> {
  const { rooms } = await deps.catalogue(caller.user.districtId)
  const here = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined
  const items = rooms
    .filter((r) => !q.specialty || r.specialties.includes(q.specialty))
    .map((r) => ({ ...roomSummary(r), ...(here ? { distanceMeters: Math.round(distanceMeters(here, r)) } : {}) }))
  return { items: here ? items.sort((a, b) => a.distanceMeters! - b.distanceMeters!) : items }
}

/** The mediators who hold a binding of the room, with their public profiles (one page of holders, one batch read). */
async function mediatorsOf(deps: MediationDeps, districtId: string, roomId: string): Promise<MediatorProfile[]> {
  const holders = await deps.repos.users.holders(districtId, roomId, 'mediator', { limit: 50 })
  const profiles = await deps.repos.mediation.profiles(
    districtId,
    holders.items.map((h) => h.userId),
  )
  return holders.items.map((h) => profiles.find((p) => p.userId === h.userId) ?? blankProfile(districtId, h.userId, h.name, roomId))
}

const blankProfile = (districtId: string, userId: string, name: string, roomId: string): MediatorProfile => ({
  districtId,
  userId,
  name,
  specialties: [],
  intro: '',
  roomIds: [roomId],
  held: 0,
  agreements: 0,
})

export async function getRoom(deps: MediationDeps, caller: Caller, roomId: string): Promise<RoomDetail> {
  const room = await roomOf(deps, caller.user.districtId, roomId)
  const [mediators, week] = await Promise.all([mediatorsOf(deps, caller.user.districtId, roomId), weekOf(deps, caller.user.districtId, roomId)])
  return roomDetail(room, mediators, week)
}

/** The room's sessions between two China dates, taken ones marked: two Queries of the room's calendar. */
export async function roomSlots(
  deps: MediationDeps,
  caller: Caller,
  roomId: string,
  q: { from: string; to: string; mediatorId?: string },
): Promise<{ items: SlotView[] }> {
  const room = await roomOf(deps, caller.user.districtId, roomId)
  const { rules, exceptions, held } = await deps.repos.mediation.calendar(caller.user.districtId, roomId, q.from, q.to)
  const slots = computeSlots({
    rules,
    exceptions,
    taken: new Set(held.map(slotId)),
    policy: room,
    now: deps.clock(),
    from: q.from,
    to: q.to,
    mediatorId: q.mediatorId,
  })
  const names = namesOf(rules, exceptions)
  return { items: slots.map((s) => ({ ...s, mediatorName: names.get(s.mediatorId) ?? '' })) }
}

export const namesOf = (rules: readonly NamedRule[], exceptions: readonly { mediatorId?: string; mediatorName?: string }[]) =>
  new Map([
    ...exceptions.flatMap((x) => (x.mediatorId && x.mediatorName ? [[x.mediatorId, x.mediatorName] as const] : [])),
    ...rules.map((r) => [r.mediatorId, r.mediatorName] as const),
  ])

export async function getMediator(deps: MediationDeps, caller: Caller, mediatorId: string): Promise<MediatorDetail> {
  const districtId = caller.user.districtId
  const [profile] = await deps.repos.mediation.profiles(districtId, [mediatorId])
  if (!profile) throw new DomainError('mediator.notFound', [{ path: 'id', message: '调解员不存在' }])
  const { rooms } = await deps.catalogue(districtId)
  const mine = rooms.filter((r) => profile.roomIds.includes(r.id))
  const rules = await Promise.all(mine.map((r) => deps.repos.mediation.rules(districtId, r.id, mediatorId)))
  return {
    ...mediatorSummary(profile),
    rooms: mine.map((r, i) => ({
      id: r.id,
      name: r.name,
      rules: rules[i]!.map(({ weekday, start, end, sessionMinutes, bufferMinutes }) => ({ weekday, start, end, sessionMinutes, bufferMinutes })),
    })),
  }
}

type RuleInput = { weekday: number; start: string; end: string; sessionMinutes: number; bufferMinutes: number }

/** A mediator replaces their own weekly hours in one of their rooms (one transaction). */
export async function putAvailability(deps: MediationDeps, caller: Caller, roomId: string, rules: RuleInput[]): Promise<MediatorDetail> {
  const districtId = caller.user.districtId
  await roomOf(deps, districtId, roomId)
  authorize(caller, 'availability.manage', roomId, 'id', '你不是该说事室的调解员')
  const problems = ruleProblems(rules)
  if (problems.length)
    throw new DomainError(
      'request.invalid',
      problems.map((p) => ({ path: `rules.${p.index}`, message: p.message })),
    )
  const me = { id: caller.user.id, name: caller.user.name }
  const [before, [profile]] = await Promise.all([deps.repos.mediation.rules(districtId, roomId, me.id), deps.repos.mediation.profiles(districtId, [me.id])])
  if (!profile || !profile.roomIds.includes(roomId)) {
    const base = profile ?? blankProfile(districtId, me.id, me.name, roomId)
    await deps.repos.mediation.putProfile({ ...base, roomIds: [...new Set([...base.roomIds, roomId])] })
  }
  await deps.repos.mediation.replaceRules(districtId, roomId, me, before.length, rules)
  return getMediator(deps, caller, me.id)
}

/** An admin of the district creates or changes a room at a street or community of its tree. */
export async function putRoom(deps: MediationDeps, caller: Caller, roomId: string, input: Omit<RoomRecord, 'id'>): Promise<RoomDetail> {
  const districtId = caller.user.districtId
  authorize(caller, 'rooms.manage', undefined, 'id', '只有本辖区管理员可以管理说事室')
  const node = (await deps.catalogue(districtId)).nodes.find((n) => n.id === input.nodeId)
  if (!node || !['street', 'community'].includes(node.level))
    throw new DomainError('request.invalid', [{ path: 'nodeId', message: '说事室须设在本辖区的街道或社区' }])
  const room: RoomRecord = { id: roomId, ...input }
  await deps.repos.catalogue.putRoom(districtId, room)
  // Other containers see the change when their catalogue cache expires (CATALOGUE_TTL_SECONDS).
  const [mediators, week] = await Promise.all([mediatorsOf(deps, districtId, roomId), weekOf(deps, districtId, roomId)])
  return roomDetail(room, mediators, week)
}

/** A mediator says who they are: brand, specialties, introduction (only their own; another's id is unknown here). */
export async function putMediatorProfile(
  deps: MediationDeps,
  caller: Caller,
  mediatorId: string,
  input: Pick<MediatorProfile, 'brand' | 'specialties' | 'intro'>,
): Promise<MediatorDetail> {
  const roomIds = caller.roles.filter((b) => b.role === 'mediator').map((b) => b.scopeId)
  if (mediatorId !== caller.user.id || !roomIds.length) throw new DomainError('mediator.notFound', [{ path: 'id', message: '调解员不存在' }])
  await deps.repos.mediation.updateProfile(caller.user.districtId, mediatorId, {
    name: caller.user.name,
    brand: input.brand || undefined,
    specialties: input.specialties,
    intro: input.intro,
    roomIds,
  })
  return getMediator(deps, caller, mediatorId)
}
