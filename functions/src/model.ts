/** Domain objects the repositories return and the services work with. No DynamoDB shapes leak past db/. */
import type { GridLevel, Priority, Role, SlaBand } from '@linli/shared'

export interface UserRecord {
  id: string
  districtId: string
  name: string
  phone?: string
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
