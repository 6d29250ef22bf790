/**
 * Grid boundaries as GeoJSON files: read (structure checked by @placemarkio/check-geojson, GCJ-02 converted by gcoord,
 * rings checked by turf) and written. A problem is named by the feature it is in (`features.<i>`) and said in Chinese;
 * the library's own words, when it has some, follow in brackets.
 */
import { createHash } from 'node:crypto'
import { getIssues } from '@placemarkio/check-geojson'
import { kinks } from '@turf/kinks'
import { intersect } from '@turf/intersect'
import { area } from '@turf/area'
import { bbox } from '@turf/bbox'
import { featureCollection, feature } from '@turf/helpers'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { MAX_GRID_VERTICES, MAX_IMPORT_GRIDS, type FieldError } from '@linli/shared'

export type Area = Polygon | MultiPolygon
/** One grid as a file gives it: its place in the file, what its properties say, its boundary in WGS84. */
export interface FileGrid {
  index: number
  id?: string
  name: string
  community: string
  boundary: Area
}
export type Box = [minLng: number, minLat: number, maxLng: number, maxLat: number]

const at = (index: number, rest = '') => `features.${index}${rest}`
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length
const rings = (a: Area): Position[][] => (a.type === 'Polygon' ? a.coordinates : a.coordinates.flat())
const vertexCount = (a: Area) => rings(a).reduce((n, r) => n + r.length, 0)

/**
 * The grids of a file, or every problem found in it. `crs` is what the file declares: GCJ-02 is converted to WGS84.
 * `within` is the district's extent: a point outside it (a latitude and longitude swapped, say) is refused.
 */
export function readGridFile(bytes: Uint8Array, crs: 'wgs84' | 'gcj02', within: Box): { grids: FileGrid[]; problems: FieldError[] } {
  const text = new TextDecoder().decode(bytes)
  let issues: { from: number; message: string }[]
  try {
    issues = getIssues(text)
  } catch {
    issues = [{ from: 0, message: 'not JSON' }]
  }
  if (issues.length)
    return {
      grids: [],
      problems: issues.slice(0, 20).map((i) => ({ path: 'fileKey', message: `第 ${lineOf(text, i.from)} 行：不是有效的 GeoJSON（${i.message}）` })),
    }
  const doc = JSON.parse(text) as FeatureCollection | Feature
  if (doc.type !== 'FeatureCollection') return { grids: [], problems: [{ path: 'fileKey', message: '文件应是一个 FeatureCollection（每个网格一个要素）' }] }
  if (doc.features.length === 0) return { grids: [], problems: [{ path: 'fileKey', message: '文件里没有任何网格' }] }
  if (doc.features.length > MAX_IMPORT_GRIDS)
    return { grids: [], problems: [{ path: 'fileKey', message: `一次最多导入 ${MAX_IMPORT_GRIDS} 个网格，文件里有 ${doc.features.length} 个` }] }

  const problems: FieldError[] = []
  const grids: FileGrid[] = []
  doc.features.forEach((f, index) => {
    const props = (f.properties ?? {}) as Record<string, unknown>
    const name = typeof props.name === 'string' ? props.name.trim() : ''
    const label = name ? `第 ${index + 1} 个要素（${name}）` : `第 ${index + 1} 个要素`
    const say = (rest: string, message: string) => problems.push({ path: at(index, rest), message: `${label}：${message}` })
    if (!name || name.length > 40) say('.properties.name', '请在 properties.name 写网格名称（最多 40 个字）')
    const community = typeof props.community === 'string' ? props.community.trim() : ''
    if (!community) say('.properties.community', '请在 properties.community 写所属社区（编号或名称）')
    const id = typeof props.id === 'string' ? props.id : undefined
    if (id !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(id)) say('.properties.id', '网格编号只能由字母、数字、- 和 _ 组成')
    const g = f.geometry
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return say('.geometry', '边界应是 Polygon 或 MultiPolygon')
    if (vertexCount(g) > MAX_GRID_VERTICES) return say('.geometry', `边界顶点过多（最多 ${MAX_GRID_VERTICES} 个）`)
    const boundary = crs === 'gcj02' ? (gcoord.transform(g as never, gcoord.GCJ02, gcoord.WGS84) as unknown as Area) : g
    const outside = rings(boundary)
      .flat()
      .find(([lng, lat]) => lng! < within[0] || lng! > within[2] || lat! < within[1] || lat! > within[3])
    if (outside) return say('.geometry', `坐标 [${outside[0]}, ${outside[1]}] 超出本区范围（经纬度是否写反了？GeoJSON 的顺序是 [经度, 纬度]）`)
    if (kinks(feature(boundary)).features.length) return say('.geometry', '边界自相交（线条交叉），请修正后再导入')
    if (name && community && (id === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(id))) grids.push({ index, id, name, community, boundary })
  })
  return { grids, problems }
}

/** Whether `inner` lies within `outer` (a grid in its community), but for `tolerance` of its area (drawing and conversions are not exact). */
export function liesWithin(inner: Area, outer: Area, tolerance: number): boolean {
  const common = intersect(featureCollection([feature(inner), feature(outer)]))
  return common !== null && area(common) >= (1 - tolerance) * area(feature(inner))
}

/** The share of the smaller of two areas that they have in common (0 when they only touch). */
export function overlapShare(a: Area, b: Area): number {
  const [ab, bb] = [bbox(a), bbox(b)]
  if (ab[0] > bb[2] || bb[0] > ab[2] || ab[1] > bb[3] || bb[1] > ab[3]) return 0
  const common = intersect(featureCollection([feature(a), feature(b)]))
  return common ? area(common) / Math.min(area(feature(a)), area(feature(b))) : 0
}

/** The box around areas, widened by `margin` degrees; China's own box when there are none yet (a new district). */
export function extentOf(areas: readonly Area[], margin = 0.05): Box {
  if (!areas.length) return [73, 3, 136, 54]
  const [minLng, minLat, maxLng, maxLat] = bbox(featureCollection(areas.map((a) => feature(a))))
  return [minLng - margin, minLat - margin, maxLng + margin, maxLat + margin]
}

export const verticesOf = vertexCount

/** A grid's id when the file gives none: the same community and name always make the same id (an import applied twice adds nothing). */
export const gridIdFor = (communityId: string, name: string) => `g-${createHash('sha256').update(`${communityId}/${name}`).digest('base64url').slice(0, 12)}`

/** A FeatureCollection of grids (WGS84), as an export writes it. */
export const gridFile = (grids: readonly { id: string; name: string; community: string; communityName: string; boundary: Area }[]) =>
  new TextEncoder().encode(
    JSON.stringify(
      featureCollection(grids.map((g) => feature(g.boundary, { id: g.id, name: g.name, community: g.community, communityName: g.communityName }))),
    ),
  )
