/** The district's reference data (grid tree, departments, rooms, taxonomy) and how it is stored. */
import type { GridLevel, Priority, SlaBand } from '@linli/shared'

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
  /** `sensitive` classes (disputes, public order, welfare) are never shown to neighbours through "nearby". */
  classes: { id: string; name: string; order: number; sensitive?: boolean }[]
  categories: CategoryRecord[]
}

export interface CatalogueRepo {
  load(districtId: string): Promise<Catalogue | undefined>
  save(c: Catalogue): Promise<void>
}
