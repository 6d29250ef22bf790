/**
 * The grid tree from files (DESIGN.md §3 "Administration"). An import names its grids by community; what it means for
 * the tree is planned before anything is written — grids added, changed (name, community, boundary) and retired (a
 * community's grids the file no longer has) — and any problem of any feature refuses the whole file, feature by
 * feature. A retired grid keeps its history: its cases still name it; it leaves the tree.
 */
import {
  DomainError,
  GRID_OVERLAP_TOLERANCE,
  MAX_UPLOAD_BYTES,
  chinaDate,
  type FieldError,
  type FileAnswer,
  type RouteBody,
  type RouteResponse,
  type adminGridsImport,
} from '@linli/shared'
import { extentOf, gridFile, gridIdFor, liesWithin, overlapShare, readGridFile, verticesOf, type Area, type FileGrid } from '../../adapters/grid-file'
import { readOwnUpload } from '../uploads/uploads'
import type { Caller } from '../identity/ports'
import type { Catalogue, NodeRecord } from '../district/ports'
import type { AdminDeps, ChangeRecord } from './ports'

type Input = RouteBody<typeof adminGridsImport>
type Plan = RouteResponse<typeof adminGridsImport>

const sameArea = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

async function freshCatalogue(deps: AdminDeps, caller: Caller): Promise<Catalogue> {
  const c = await deps.repos.catalogue.load(caller.user.districtId)
  if (!c) throw new Error(`district ${caller.user.districtId} has no catalogue`)
  return c
}

/** The file's grids placed in the tree, or every problem with them. */
function place(c: Catalogue, grids: FileGrid[], problems: FieldError[]) {
  const communities = c.nodes.filter((n) => n.level === 'community')
  const placed: { grid: FileGrid; id: string; community: NodeRecord }[] = []
  const seen = new Map<string, FileGrid>()
  for (const grid of grids) {
    const say = (rest: string, message: string) =>
      problems.push({ path: `features.${grid.index}${rest}`, message: `第 ${grid.index + 1} 个要素（${grid.name}）：${message}` })
    const community = communities.find((n) => n.id === grid.community) ?? communities.find((n) => n.name === grid.community)
    if (!community) {
      say('.properties.community', `本区没有社区「${grid.community}」`)
      continue
    }
    const twin = seen.get(`${community.id}/${grid.name}`)
    if (twin) say('.properties.name', `与第 ${twin.index + 1} 个要素同在「${community.name}」且同名`)
    seen.set(`${community.id}/${grid.name}`, grid)
    if (community.boundary && !liesWithin(grid.boundary, community.boundary as Area, GRID_OVERLAP_TOLERANCE))
      say('.geometry', `超出所属社区「${community.name}」的边界`)
    const existing = c.nodes.find((n) => n.level === 'grid' && n.parentId === community.id && n.name === grid.name)
    placed.push({ grid, id: grid.id ?? existing?.id ?? gridIdFor(community.id, grid.name), community })
  }
  // Grids of one community share edges, not land.
  for (const [i, a] of placed.entries())
    for (const b of placed.slice(i + 1)) {
      if (a.community.id !== b.community.id) continue
      if (a.id === b.id)
        problems.push({
          path: `features.${b.grid.index}.properties.id`,
          message: `第 ${b.grid.index + 1} 个要素（${b.grid.name}）：编号与第 ${a.grid.index + 1} 个要素相同`,
        })
      else if (overlapShare(a.grid.boundary, b.grid.boundary) > GRID_OVERLAP_TOLERANCE)
        problems.push({
          path: `features.${b.grid.index}.geometry`,
          message: `第 ${b.grid.index + 1} 个要素（${b.grid.name}）：与第 ${a.grid.index + 1} 个要素（${a.grid.name}）重叠`,
        })
    }
  return placed
}

/** What importing the caller's file would do, and the records it would write; a file with any problem answers 422, feature by feature. */
async function plan(deps: AdminDeps, caller: Caller, input: Input) {
  const c = await freshCatalogue(deps, caller)
  const bytes = await readOwnUpload(deps, caller, input.fileKey, 'fileKey', MAX_UPLOAD_BYTES)
  const extent = extentOf(c.nodes.flatMap((n) => (n.boundary ? [n.boundary as Area] : [])))
  const { grids, problems } = readGridFile(bytes, input.crs, extent)
  const placed = place(c, grids, problems)
  if (problems.length) throw new DomainError('admin.gridsInvalid', problems.slice(0, 50))

  const item = (id: string, name: string, community: NodeRecord, changes?: Plan['changes'][number]['changes']) => ({
    id,
    name,
    communityId: community.id,
    communityName: community.name,
    ...(changes ? { changes } : {}),
  })
  const result: Plan = { adds: [], changes: [], retires: [], unchanged: 0 }
  const writes: NodeRecord[] = []
  const before = new Map(c.nodes.filter((n) => n.level === 'grid').map((n) => [n.id, n]))
  for (const { grid, id, community } of placed) {
    const old = before.get(id)
    const node: NodeRecord = { id, name: grid.name, level: 'grid', parentId: community.id, boundary: grid.boundary, roster: old?.roster }
    const changed =
      old &&
      (
        [
          ['name', old.name !== grid.name],
          ['community', old.parentId !== community.id],
          ['boundary', !sameArea(old.boundary, grid.boundary)],
        ] as const
      )
        .filter(([, d]) => d)
        .map(([k]) => k)
    if (!old) result.adds.push(item(id, grid.name, community))
    else if (changed!.length) result.changes.push(item(id, grid.name, community, [...changed!]))
    else result.unchanged++
    if (!old || changed!.length) writes.push(node)
  }
  const inFile = new Set(placed.map((p) => p.id))
  const covered = new Set(placed.map((p) => p.community.id))
  const retired = [...before.values()].filter((n) => covered.has(n.parentId!) && !inFile.has(n.id))
  const communityOf = (n: NodeRecord) => c.nodes.find((x) => x.id === n.parentId)!
  result.retires = retired.map((n) => item(n.id, n.name, communityOf(n)))
  return { c, result, writes, retired, before }
}

export const previewGrids = async (deps: AdminDeps, caller: Caller, input: Input): Promise<Plan> => (await plan(deps, caller, input)).result

/** Applies the file as its preview says, each grid's change logged (its name, community and boundary size: the boundary itself is in the export). */
export async function importGrids(deps: AdminDeps, caller: Caller, input: Input): Promise<Plan> {
  const { result, writes, retired, before } = await plan(deps, caller, input)
  const at = deps.clock().toISOString()
  const who = { districtId: caller.user.districtId, at, userId: caller.user.id, userName: caller.user.name, kind: 'grid' as const }
  const recorded = (n: NodeRecord, retire?: true) => ({
    name: n.name,
    communityId: n.parentId!,
    vertices: verticesOf(n.boundary as Area),
    ...(retire ? { retired: retire } : {}),
  })
  const changes: ChangeRecord[] = [
    ...writes.map((n) => ({ ...who, subjectId: n.id, ...(before.get(n.id)?.boundary ? { before: recorded(before.get(n.id)!) } : {}), after: recorded(n) })),
    ...retired.map((n) => ({ ...who, subjectId: n.id, before: recorded(n), after: recorded(n, true) })),
  ]
  await deps.repos.admin.applyGrids(
    caller.user.districtId,
    writes,
    retired.map((node) => ({ node, at })),
    changes,
  )
  return result
}

/** The district's grids as GeoJSON (WGS84), each with its community: what an import reads back. */
export async function exportGrids(deps: AdminDeps, caller: Caller): Promise<FileAnswer> {
  const c = await freshCatalogue(deps, caller)
  const grids = c.nodes
    .filter((n) => n.level === 'grid' && n.boundary)
    .map((n) => {
      const community = c.nodes.find((x) => x.id === n.parentId)
      return { id: n.id, name: n.name, community: community?.id ?? '', communityName: community?.name ?? '', boundary: n.boundary as Area }
    })
  return { filename: `${c.district.name}-网格边界-${chinaDate(deps.clock())}.geojson`, bytes: gridFile(grids) }
}
