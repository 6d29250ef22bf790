/**
 * What a list entry keeps of a case, and what a stranger to the case may see of it. Pure rules of the case family,
 * read by its services (views, fan-out) and by its storage (the entries written with a transition) alike.
 */
import type { CaseStatus } from './lifecycle'
import type { Priority, SlaClock } from './sla'

/** What a list shows of a case: never the timeline (DESIGN.md §4 "Projections"). */
export interface CaseSummaryRecord {
  caseId: string
  number: string
  status: CaseStatus
  categoryId: string
  categoryName: string
  priority: Priority
  address?: string
  gridId: string
  gridName: string
  flagged: boolean
  resolveBy: string
  createdAt: string
  updatedAt: string
  lat?: number
  lng?: number
  /** The clock's mark: 黄牌 (warn) or 红牌 (overdue). */
  mark?: 'warn' | 'overdue'
  supervised?: boolean
  description?: string
  /** A stranger's entry (a follower's): what the reporter wrote and where are left out. */
  public?: boolean
}

/** The facts of a case a summary is made from. */
export type SummarySource = Omit<CaseSummaryRecord, 'mark' | 'supervised' | 'public' | 'description'> & {
  description: string
  late?: boolean
  sla?: Pick<SlaClock, 'mark'>
  supervision?: unknown
}

/**
 * What a stranger to a case sees of it (a follower, a neighbour through nearby): its category, status, grid and
 * times, never what the reporter wrote nor the exact place (it may name people or a flat).
 */
export const publicSummaryOf = <S extends CaseSummaryRecord>({ description: _d, address: _a, ...rest }: S): S => ({ ...rest, public: true }) as S

/** What a list entry keeps of a case. */
export const summaryOf = (c: SummarySource): CaseSummaryRecord => ({
  caseId: c.caseId,
  number: c.number,
  status: c.status,
  categoryId: c.categoryId,
  categoryName: c.categoryName,
  priority: c.priority,
  description: c.description.slice(0, 120),
  address: c.address,
  gridId: c.gridId,
  gridName: c.gridName,
  flagged: c.flagged,
  // A case the clock escalated for a missed deadline stays red until someone takes up its next stage.
  mark: c.late ? 'overdue' : c.sla?.mark,
  supervised: c.supervision ? true : undefined,
  resolveBy: c.resolveBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  lat: c.lat,
  lng: c.lng,
})
