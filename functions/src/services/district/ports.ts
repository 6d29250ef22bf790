/** The district's reference data (grid tree, departments, rooms, taxonomy) and how it is stored. */
import type { DepsOf } from '../deps'
import type { GridLevel, Priority, SlaBand, Specialty } from '@linli/shared'

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

/** A mediation room (说事室): where it is, when it is open, what it takes, and its booking policy. */
export interface RoomRecord {
  id: string
  name: string
  nodeId: string
  address: string
  lat: number
  lng: number
  /** Opening hours as the room posts them (周一至周五 9:00–17:00). */
  hours: string
  specialties: Specialty[]
  minNoticeHours: number
  horizonDays: number
  /** A requester may cancel or reschedule until this many hours before the session. */
  cancelCutoffHours: number
}

/** A district's reference data: read together, cached briefly, changed only by admins and the seed. */
export interface Catalogue {
  district: { id: string; name: string; casePrefix: string }
  nodes: NodeRecord[]
  departments: { id: string; name: string; nodeId: string }[]
  rooms: RoomRecord[]
  /**
   * `sensitive` classes (disputes, public order, welfare) are never shown to neighbours through "nearby"; cases of a
   * `mediable` class (disputes) may be referred to a talk-it-out room.
   */
  classes: { id: string; name: string; order: number; sensitive?: boolean; mediable?: boolean }[]
  categories: CategoryRecord[]
}

export interface CatalogueRepo {
  load(districtId: string): Promise<Catalogue | undefined>
  save(c: Catalogue): Promise<void>
  /** Creates or replaces one room of the district. */
  putRoom(districtId: string, room: RoomRecord): Promise<void>
}

/** Asks the catalogue for something it should hold (a room just created): a cached copy without it is reloaded. */
export type CatalogueNeed = (c: Catalogue) => boolean

/** What the district's reference data (tree, departments, categories) is served with: its catalogue, identity's holders of a role. */
export type DistrictDeps = DepsOf<'catalogue' | 'users', 'catalogue'>
