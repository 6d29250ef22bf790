/** Levels of the grid tree, top to bottom. A node's parent is always exactly one level up. */
export const gridLevels = ['district', 'street', 'community', 'grid', 'building'] as const
export type GridLevel = (typeof gridLevels)[number]

export const gridLevelLabels: Record<GridLevel, string> = {
  district: '区/县',
  street: '街道/乡镇',
  community: '社区/村',
  grid: '网格',
  building: '楼栋',
}

export const parentLevel = (level: GridLevel): GridLevel | undefined => gridLevels[gridLevels.indexOf(level) - 1]

/** A node and the nodes above it, nearest first, up to the root (a node the list lacks ends the line). */
export function lineOf<N extends { id: string; parentId?: string }>(nodes: readonly N[], id: string | undefined): N[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const line: N[] = []
  for (let n = id ? byId.get(id) : undefined; n && !line.includes(n); n = n.parentId ? byId.get(n.parentId) : undefined) line.push(n)
  return line
}

/** Whether the node is one of `scopes` or lies below one of them. */
export const isWithin = (nodes: readonly { id: string; parentId?: string }[], id: string | undefined, scopes: readonly string[]) =>
  lineOf(nodes, id).some((n) => scopes.includes(n.id))
