/** Domain objects the repositories return and the services work with. No DynamoDB shapes leak past db/. */
import type { CaseStatus, GridLevel, Priority, Role, SlaBand } from '@linli/shared'

export interface UserRecord {
  id: string
  districtId: string
  name: string
  phone?: string
  /** Server-side only: the address of subscribe messages. Never in an answer. */
  openid?: string
}

export interface Binding {
  role: Role
  scopeId: string
  scopeName: string
  districtId: string
}

export interface Caller {
  user: UserRecord
  roles: Binding[]
}

export interface InviteRecord {
  code: string
  districtId: string
  role: Role
  scopeId: string
  scopeName: string
  note?: string
  createdBy: string
  expiresAt: string
  usedBy?: string
  usedAt?: string
}

export interface RosterPerson {
  name: string
  phone: string
  duties: string
}

export interface NodeRecord {
  id: string
  name: string
  level: GridLevel
  parentId?: string
  boundary?: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
  roster?: { gridworker?: RosterPerson; gridLeader?: RosterPerson; households?: number; serviceHours?: string }
}

export interface CategoryRecord {
  id: string
  classId: string
  name: string
  order: number
  departmentId: string
  priority: Priority
  slaBand: SlaBand
  autoDispatch?: boolean
}

/** A district's reference data: read together, cached briefly, changed only by admins and the seed. */
export interface Catalogue {
  district: { id: string; name: string; casePrefix: string }
  nodes: NodeRecord[]
  departments: { id: string; name: string; nodeId: string }[]
  rooms: { id: string; name: string; nodeId: string }[]
  classes: { id: string; name: string; order: number }[]
  categories: CategoryRecord[]
}

export interface CaseRecord {
  caseId: string
  districtId: string
  number: string
  status: CaseStatus
  version: number
  categoryId: string
  categoryName: string
  priority: Priority
  slaBand: SlaBand
  departmentId: string
  assigneeIds: string[]
  assigneeNames: string[]
  gridId: string
  gridName: string
  /** The grid-tree node whose dispatchers handle the case: the street at first, its parent after escalation. */
  levelNodeId: string
  reporterId: string
  reporterName: string
  anonymous: boolean
  contactPhone?: string
  description: string
  lat: number
  lng: number
  address?: string
  photoKeys: string[]
  acceptBy: string
  dispatchBy: string
  resolveBy: string
  /** msg_sec_check said `review`: the dispatcher should look before anyone else sees it. */
  flagged: boolean
  reopenCount: number
  rating?: number
  /** The lists with an entry of their own (see services/case-access.ts); kept so a transition knows which to drop. */
  viewKeys: string[]
  /** The "nearby" list (geohash cell + category) while the case is open; the case item itself is its entry. */
  nearKey?: string
  createdAt: string
  updatedAt: string
}

export interface TimelineRecord {
  eventId: string
  at: string
  type: string
  actorId: string
  actorName: string
  note?: string
  rating?: number
  photoKeys: string[]
}

export type NoticeState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'no_consent'

export interface NoticeRecord {
  caseId: string
  noticeId: string
  districtId: string
  recipientId: string
  recipientName: string
  templateKey: string
  event: string
  page: string
  data: Record<string, { value: string }>
  state: NoticeState
  attempts: number
  lastErrcode?: number
  lastError?: string
  createdAt: string
  sentAt?: string
  /** When the notice is next due (pending/failed) — drives the sweeper. */
  dueAt?: string
}
