/**
 * 三率 for a dashboard: one node's days, read from the counts the stream keeps (never by scanning cases). An admin or
 * a dispatcher of the district reads every level; a street's dispatcher their street and what lies below it, and the
 * departments.
 */
import { DomainError, isWithin, ratesOf, scopesFor, sumCounts, type RouteQuery, type ratesReport } from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { CasesDeps } from './ports'
import { may } from '../authorize'

export async function readRates(deps: CasesDeps, caller: Caller, q: RouteQuery<typeof ratesReport>) {
  const districtId = caller.user.districtId
  const { nodes, departments } = await deps.catalogue(districtId)
  const node = q.level === 'department' ? undefined : nodes.find((n) => n.id === q.nodeId && n.level === q.level)
  const name = q.level === 'department' ? departments.find((d) => d.id === q.nodeId)?.name : node?.name
  if (!name) throw new DomainError('report.notFound', [{ path: 'nodeId', message: '本辖区没有该层级的这一节点或部门' }])
  const dispatches = scopesFor(caller.roles, 'cases.dispatch')
  const allowed = may(caller, 'reports.rates.district') || (q.level === 'department' ? dispatches.length > 0 : isWithin(nodes, node?.id, dispatches))
  if (!allowed) throw new DomainError('auth.forbidden', [{ path: 'nodeId', message: '你只能查看本级及下级的统计' }])
  const { items } = await deps.repos.rates.days(districtId, q.level, q.nodeId, q.from, q.to)
  const total = sumCounts(items)
  return { level: q.level, nodeId: q.nodeId, name, days: items, total: { ...total, ...ratesOf(total) } }
}
