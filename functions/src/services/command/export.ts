/**
 * The command centre's export: the cases reported in a period within a district or street, one row each with every
 * stage's time (from the case's own timeline) and deadline, Chinese headers, China time. Bounded: it reads the
 * district's cases changed since the period began, status by status, a page at a time, and stops — in words — past
 * EXPORT_MAX_CASES cases or ten times as many read; the rows are read back 100 at a time. Each export is recorded in
 * the audit log with the ids of the cases it carried (no phone or reporter leaves in it).
 */
import {
  caseStatuses,
  caseStatusLabels,
  chinaInstant,
  chinaTime,
  DomainError,
  EXPORT_MAX_CASES,
  priorityLabels,
  addDays,
  type CaseTimelineType,
  type RouteQuery,
  type commandCasesExport,
} from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { CaseRecord, TimelineRecord } from '../cases/ports'
import type { CommandExportDeps } from './ports'
import { below, streetOf, watchedNode } from './watch'
import { writeSheet } from '../../adapters/roster-file'
import { audited } from '../privacy/audit'

const PAGE = 200
const columns = [
  '编号',
  '上报时间',
  '大类/小类',
  '状态',
  '优先级',
  '街道',
  '网格',
  '职能部门',
  '受理时间',
  '受理时限',
  '派单时间',
  '派单时限',
  '办结时间',
  '办结时限',
  '结案时间',
  '超时时间',
  '上报上级时间',
  '延期次数',
  '重办次数',
  '督办时间',
  '评价',
] as const

type Row = Record<(typeof columns)[number], string | number>

const when = (iso: string | undefined) => (iso ? chinaTime(iso) : '')

/** One case's row: each stage's first time from its timeline, its deadlines, its counts. */
function rowOf(c: CaseRecord, timeline: readonly TimelineRecord[], names: Map<string, string>, nodes: Parameters<typeof streetOf>[0]): Row {
  const first = (...types: CaseTimelineType[]) => timeline.find((t) => (types as readonly string[]).includes(t.type))?.at
  const grid = nodes.find((n) => n.id === c.gridId)
  return {
    编号: c.number,
    上报时间: when(c.createdAt),
    '大类/小类': c.categoryName,
    状态: caseStatusLabels[c.status],
    优先级: priorityLabels[c.priority],
    街道: names.get(grid ? (streetOf(nodes, grid) ?? '') : '') ?? '',
    网格: c.gridName,
    职能部门: names.get(c.departmentId) ?? '',
    受理时间: when(first('accept', 'reject')),
    受理时限: when(c.acceptBy),
    派单时间: when(first('dispatch', 'refer')),
    派单时限: when(c.dispatchBy),
    办结时间: when(first('resolve')),
    办结时限: when(c.resolveBy),
    结案时间: when(first('confirm')),
    超时时间: when(first('overdue')),
    上报上级时间: when(first('escalate')),
    延期次数: c.extensionCount ?? 0,
    重办次数: c.reopenCount ?? 0,
    督办时间: when(c.supervision?.at),
    评价: c.rating ?? '',
  }
}

export async function exportCases(deps: CommandExportDeps, caller: Caller, q: RouteQuery<typeof commandCasesExport>) {
  const districtId = caller.user.districtId
  const { nodes, departments } = await deps.catalogue(districtId)
  const node = watchedNode(caller, nodes, q.nodeId, 'command.export')
  const grids = new Set(below(nodes, node, 'grid').map((g) => g.id))
  const [since, until] = [chinaInstant(q.from, '00:00').toISOString(), chinaInstant(addDays(q.to, 1), '00:00').toISOString()]
  const tooMany = () =>
    new DomainError('command.exportTooLarge', [{ path: 'from', message: `一次最多导出 ${EXPORT_MAX_CASES} 件事件，请缩短时间段或选择下级单位` }])

  // A case reported in the period changed at or after its start: those of the node's grids reported before its end.
  const ids: string[] = []
  let read = 0
  for (const status of caseStatuses) {
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await deps.repos.cases.changedSince(districtId, status, since, PAGE, startKey)
      read += page.items.length
      ids.push(...page.items.filter((c) => grids.has(c.gridId) && c.createdAt >= since && c.createdAt < until).map((c) => c.caseId))
      if (ids.length > EXPORT_MAX_CASES || read > 10 * EXPORT_MAX_CASES) throw tooMany()
      startKey = page.lastKey
    } while (startKey)
  }

  const names = new Map([...nodes, ...departments].map((n) => [n.id, n.name]))
  const found = await deps.repos.cases.many(districtId, ids)
  const rows = found.sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt)).map((c) => rowOf(c.record, c.timeline, names, nodes))

  await audited(deps, caller, {
    subject: 'case-export',
    ids: found.map((c) => c.record.caseId),
    fields: [`${node.name} ${q.from}～${q.to}`],
    route: 'GET /v1/command/cases.xlsx',
  })
  const title = `${node.name}事件 ${q.from}至${q.to}`
  return { filename: `${title}.xlsx`, bytes: await writeSheet(title.slice(0, 31), columns, rows) }
}
