import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import type { NodeRecord } from '../services/district/ports'
import { gridLevels } from '@linli/shared'

/** The deepest node whose boundary contains the point, or undefined outside every boundary. */
export function locateDeepest(nodes: readonly NodeRecord[], lat: number, lng: number): NodeRecord | undefined {
  const point: [number, number] = [lng, lat]
  let best: NodeRecord | undefined
  for (const node of nodes) {
    if (!node.boundary) continue
    if (best && gridLevels.indexOf(node.level) <= gridLevels.indexOf(best.level)) continue
    if (booleanPointInPolygon(point, node.boundary as Parameters<typeof booleanPointInPolygon>[1])) best = node
  }
  return best
}
