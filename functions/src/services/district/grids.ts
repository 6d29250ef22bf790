import { DomainError, type GridNode, type TreeNode } from '@linli/shared'
import { locateDeepest } from '../../adapters/geo'
import type { Catalogue, DistrictDeps, NodeRecord } from './ports'

export async function gridTree(deps: DistrictDeps, districtId: string): Promise<{ root: TreeNode }> {
  const { nodes, district } = await deps.catalogue(districtId)
  const build = (node: NodeRecord): TreeNode => ({
    id: node.id,
    name: node.name,
    level: node.level,
    children: nodes.filter((n) => n.parentId === node.id).map(build),
  })
  const root = nodes.find((n) => n.id === district.id)
  if (!root) throw new DomainError('grid.notFound')
  return { root: build(root) }
}

export async function getGrid(deps: DistrictDeps, districtId: string, nodeId: string): Promise<GridNode> {
  const catalogue = await deps.catalogue(districtId)
  const node = catalogue.nodes.find((n) => n.id === nodeId)
  if (!node) throw new DomainError('grid.notFound', [{ path: 'id', message: '网格不存在' }])
  return nodeView(catalogue, node)
}

export async function locateGrid(deps: DistrictDeps, districtId: string, lat: number, lng: number): Promise<GridNode> {
  const catalogue = await deps.catalogue(districtId)
  const node = locateDeepest(catalogue.nodes, lat, lng)
  if (!node) {
    const message = `该位置不在${catalogue.district.name}范围内`
    throw new DomainError('grid.outsideDistrict', [{ path: 'lat', message }], message)
  }
  return nodeView(catalogue, node)
}

function nodeView(c: Catalogue, node: NodeRecord): GridNode {
  const byId = new Map(c.nodes.map((n) => [n.id, n]))
  const path: GridNode['path'] = []
  for (let n: NodeRecord | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) {
    path.unshift({ id: n.id, name: n.name, level: n.level })
  }
  return {
    id: node.id,
    name: node.name,
    level: node.level,
    parentId: node.parentId,
    path,
    roster: node.roster ?? {},
    boundary: node.boundary,
    children: c.nodes.filter((n) => n.parentId === node.id).map((n) => ({ id: n.id, name: n.name, level: n.level })),
  }
}
