/**
 * The open cases on the command centre's map: for each open status, the last changed (at most POINTS_PER_STATUS, one
 * Query each, four in all), those of the watched node's grids that have a point; a case past its resolve deadline is
 * marked late. Bounded whatever the number of cases; the answer says when a status had more than are drawn.
 */
import { inHandStatuses, POINTS_PER_STATUS } from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { CommandPointsDeps } from './ports'
import { below, watchedNode } from './watch'

export async function openPoints(deps: CommandPointsDeps, caller: Caller, q: { nodeId?: string }) {
  const districtId = caller.user.districtId
  const { nodes } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId, 'command.points')
  const grids = new Set(below(nodes, node, 'grid').map((g) => g.id))
  const now = deps.clock().toISOString()
  const pages = await Promise.all(inHandStatuses.map((status) => deps.repos.cases.latest(districtId, status, POINTS_PER_STATUS)))
  return {
    points: pages
      .flat()
      .flatMap((c) =>
        grids.has(c.gridId) && c.lat !== undefined && c.lng !== undefined
          ? [{ id: c.caseId, number: c.number, gridId: c.gridId, categoryName: c.categoryName, lat: c.lat, lng: c.lng, late: now > c.resolveBy }]
          : [],
      ),
    capped: pages.some((p) => p.length === POINTS_PER_STATUS),
  }
}
