import type { CaseRecord, CaseSummaryRecord } from './ports'

/**
 * What a stranger to a case sees of it (a follower, a neighbour through nearby): its category, status, grid and
 * times, never what the reporter wrote nor the exact place (it may name people or a flat).
 */
export const publicSummaryOf = <S extends CaseSummaryRecord>({ description: _d, address: _a, ...rest }: S): S => ({ ...rest, public: true }) as S

/** What a list entry keeps of a case: what lists show, never the timeline (DESIGN.md §4 "Projections"). */
export const summaryOf = (c: CaseRecord): CaseSummaryRecord => ({
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
