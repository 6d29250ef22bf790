/**
 * Date exceptions to the weekly hours: a mediator's leave or extra hours, an admin's room closure. Slots take them
 * into account at once; bookings already made on a closed day stay (their mediator cancels or moves them).
 */
import { chinaDate, DomainError } from '@linli/shared'
import type { Caller } from '../identity/ports'
import { authorize } from '../authorize'
import type { MediationDeps, NamedException } from './ports'
import { roomOf } from './rooms'

export interface ExceptionInput {
  date: string
  kind: 'closed' | 'extra'
  wholeRoom: boolean
  start?: string
  end?: string
  sessionMinutes?: number
  note?: string
}

type ExceptionView = NamedException & { id: string }
const notFound = () => new DomainError('exception.notFound', [{ path: 'exceptionId', message: '该请假、加开或闭馆记录不存在' }])
/** `20261207-ab12cd34`: the date it falls on, then a random part; the date finds its item. */
const dateOf = (exceptionId: string) => exceptionId.replace(/^(\d{4})(\d{2})(\d{2})-.*$/, '$1-$2-$3')

const mayChange = (caller: Caller, roomId: string, x: { mediatorId?: string }, path: string) =>
  x.mediatorId
    ? authorize(caller, 'availability.manage', roomId, path, '你不是该说事室的调解员')
    : authorize(caller, 'rooms.manage', undefined, path, '只有本辖区管理员可以闭馆')

export async function createException(deps: MediationDeps, caller: Caller, roomId: string, input: ExceptionInput): Promise<ExceptionView> {
  const districtId = caller.user.districtId
  await roomOf(deps, districtId, roomId)
  const mine = input.wholeRoom ? {} : { mediatorId: caller.user.id, mediatorName: caller.user.name }
  mayChange(caller, roomId, mine, 'wholeRoom')
  if (input.date < chinaDate(deps.clock())) throw new DomainError('request.invalid', [{ path: 'date', message: '不能设置已过去的日期' }])
  const id = `${input.date.replace(/-/g, '')}-${deps.newId().slice(0, 8)}`
  const x: ExceptionView = {
    id,
    date: input.date,
    kind: input.kind,
    ...mine,
    start: input.start,
    end: input.end,
    sessionMinutes: input.kind === 'extra' ? (input.sessionMinutes ?? 60) : undefined,
    note: input.note,
  }
  await deps.repos.mediation.putException(districtId, roomId, id, x)
  return x
}

export async function listExceptions(deps: MediationDeps, caller: Caller, roomId: string, from: string, to: string): Promise<{ items: ExceptionView[] }> {
  await roomOf(deps, caller.user.districtId, roomId)
  const { exceptions } = await deps.repos.mediation.calendar(caller.user.districtId, roomId, from, to)
  // A mediator's leave says to others only that they are away (its reason is the mediator's own); a room's closure
  // and extra hours keep their note.
  const shown = (x: ExceptionView): ExceptionView => (x.kind === 'closed' && x.mediatorId && x.mediatorId !== caller.user.id ? { ...x, note: undefined } : x)
  return { items: exceptions.flatMap((x) => (x.id ? [shown({ ...x, id: x.id })] : [])) }
}

export async function deleteException(deps: MediationDeps, caller: Caller, roomId: string, exceptionId: string): Promise<{ deleted: true }> {
  const districtId = caller.user.districtId
  await roomOf(deps, districtId, roomId)
  const date = dateOf(exceptionId)
  const x = await deps.repos.mediation.exception(districtId, roomId, date, exceptionId)
  if (!x) throw notFound()
  // Another mediator's leave is not theirs to see: 404, like any foreign id.
  if (x.mediatorId && x.mediatorId !== caller.user.id) throw notFound()
  mayChange(caller, roomId, x, 'exceptionId')
  await deps.repos.mediation.deleteException(districtId, roomId, date, exceptionId)
  return { deleted: true }
}
