/** The field-work family's records and the storage it needs. */
import type { CheckinKind } from '@linli/shared'

/** A check-in as stored: what its lists show (photos by key; the API signs their URLs). */
export interface CheckinRecord {
  districtId: string
  checkinId: string
  kind: CheckinKind
  gridId: string
  gridName: string
  userId: string
  userName: string
  lat: number
  lng: number
  accuracy: number
  metersOutside: number
  note: string
  photoKeys: string[]
  patrolId?: string
  householdId?: string
  capturedAt: string
  at: string
  late: boolean
}

export interface PatrolRecord {
  districtId: string
  patrolId: string
  gridId: string
  gridName: string
  userId: string
  userName: string
  startedAt: string
  endedAt?: string
  points: number
}

export interface CheckinIdempotency {
  userId: string
  key: string
  requestHash: string
  ttl: number
}

export interface Page<T> {
  items: T[]
  lastKey?: Record<string, unknown>
}

export interface CheckinQuery {
  from?: string
  to?: string
  limit: number
  startKey?: Record<string, unknown>
}

export interface FieldRepo {
  /** Stores a check-in with its idempotency record and its patrol's count: 'duplicate' when the key was used, 'patrolClosed' when the patrol ended or is full. */
  createCheckin(c: CheckinRecord, idem: CheckinIdempotency | undefined, maxPoints: number): Promise<'created' | 'duplicate' | 'patrolClosed'>
  /** The check-in an idempotency key produced, with the request's hash. */
  checkinByKey(districtId: string, userId: string, key: string): Promise<{ requestHash: string; checkin?: CheckinRecord } | undefined>
  checkinsOfGrid(districtId: string, gridId: string, q: CheckinQuery & { userId?: string }): Promise<Page<CheckinRecord>>
  checkinsOfUser(districtId: string, userId: string, q: CheckinQuery): Promise<Page<CheckinRecord>>
  patrol(districtId: string, patrolId: string): Promise<PatrolRecord | undefined>
  /** Starts a patrol: false when the id is taken. */
  startPatrol(p: PatrolRecord): Promise<boolean>
  /** Ends the author's open patrol: false when it was not open. */
  endPatrol(districtId: string, patrolId: string, userId: string, endedAt: string): Promise<boolean>
  pointsOf(districtId: string, patrolId: string): Promise<CheckinRecord[]>
}
