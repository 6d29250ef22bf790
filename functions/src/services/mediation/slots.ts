/** Choosing a bookable slot at a requested time: the room's rules and holds for that day, checked in one place. */
import { chinaDate, computeSlots, DomainError, permits, slotId, type Slot } from '@linli/shared'
import type { RoomRecord } from '../district/ports'
import type { MediationDeps } from './ports'
import { namesOf } from './rooms'
import { HOUR } from './timing'

const unavailable = (path: string, message: string) => new DomainError('booking.slotUnavailable', [{ path, message }])

/**
 * The free slots starting at `start` in the room, for one mediator or any, best first; throws naming `path` when the
 * time is in the past, inside the notice, beyond the horizon or off the grid of session starts, and 409 when every
 * slot at that time is taken.
 */
export async function freeSlotsAt(
  deps: MediationDeps,
  districtId: string,
  room: RoomRecord,
  start: string,
  mediatorId: string,
  path = 'start',
): Promise<(Slot & { mediatorName: string })[]> {
  const now = deps.clock()
  const at = new Date(start)
  if (at.getTime() <= now.getTime()) throw unavailable(path, '不能预约过去的时间')
  if (at.getTime() < now.getTime() + room.minNoticeHours * HOUR) throw unavailable(path, `须至少提前 ${room.minNoticeHours} 小时预约`)
  const date = chinaDate(at)
  const { rules, exceptions, held } = await deps.repos.mediation.calendar(districtId, room.id, date, date)
  const names = namesOf(rules, exceptions)
  if (mediatorId !== 'any' && !names.has(mediatorId)) throw new DomainError('mediator.notFound', [{ path: 'mediatorId', message: '该调解员不在此说事室接待' }])
  const slots = computeSlots({
    rules,
    exceptions,
    taken: new Set(held.map(slotId)),
    policy: room,
    now,
    from: date,
    to: date,
    mediatorId: mediatorId === 'any' ? undefined : mediatorId,
  })
  const here = slots.filter((s) => s.start === at.toISOString())
  if (!here.length) {
    const beyond = at.getTime() > now.getTime() + (room.horizonDays + 1) * 86_400_000
    throw unavailable(path, beyond ? `最多可预约 ${room.horizonDays} 天内的时段` : '该时间不是可预约的时段，请从可约时段中选择')
  }
  const free = here.filter((s) => !s.taken)
  if (!free.length) throw new DomainError('booking.slotTaken', [{ path, message: '该时段已被预约，请选择其他时段' }])
  // A mediator whose binding to the room was removed keeps no sessions there.
  const bound = await Promise.all(
    free.map(
      async (s) => (await deps.repos.users.getWithRoles(s.mediatorId).then((u) => u && permits(u.roles, districtId, 'bookings.mediate', room.id))) ?? false,
    ),
  )
  const open = free.filter((_, i) => bound[i])
  if (!open.length) throw unavailable(path, '该时段暂无调解员接待')
  return open.map((s) => ({ ...s, mediatorName: names.get(s.mediatorId) ?? '' }))
}
