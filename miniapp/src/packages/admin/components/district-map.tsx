/**
 * Grids on a map with their names: WeChat's own map in weapp (GCJ-02, converted from our WGS84 here with gcoord), an
 * SVG without tiles in H5 (../../../components/shapes-svg.ts). The picked grids stand out.
 */
import { Image, Map, View } from '@tarojs/components'
import gcoord from 'gcoord'
import { MAP_COLOURS, shapesSvg, svgSource, type Shape } from '../../../components/shapes-svg'
import './district-map.scss'

export interface MapGrid {
  name: string
  boundary?: unknown
  picked?: boolean
}
type Area = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }
const ringsOf = (b: unknown): number[][][] => {
  const a = b as Area | undefined
  return !a ? [] : a.type === 'Polygon' ? [a.coordinates[0]!] : a.coordinates.map((p) => p[0]!)
}
const toGcj = (lng: number, lat: number) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]

export function DistrictMap({ grids, label }: { grids: readonly MapGrid[]; label: string }) {
  const shapes: Shape[] = grids.map((g) => ({ rings: ringsOf(g.boundary), label: g.name, picked: g.picked })).filter((s) => s.rings.length)
  if (!shapes.length) return null
  if (process.env.TARO_ENV !== 'h5') {
    const points = shapes.flatMap((s) => s.rings.flat())
    const centre = toGcj(points.reduce((n, p) => n + p[0]!, 0) / points.length, points.reduce((n, p) => n + p[1]!, 0) / points.length)
    return (
      <Map
        className='district-map'
        longitude={centre[0]}
        latitude={centre[1]}
        scale={14}
        polygons={shapes.flatMap((s) =>
          s.rings.map((r) => ({
            points: r.map(([lng, lat]) => toGcj(lng!, lat!)).map(([longitude, latitude]) => ({ longitude, latitude })),
            strokeWidth: 2,
            strokeColor: s.picked ? MAP_COLOURS.picked : MAP_COLOURS.line,
            fillColor: s.picked ? MAP_COLOURS.pickedFillHex : MAP_COLOURS.fillHex,
            zIndex: 1,
          })),
        )}
        onError={() => undefined}
      />
    )
  }
  return (
    <View className='district-map'>
      <Image className='district-map__image' mode='aspectFit' src={svgSource(shapesSvg(shapes, [], undefined, false, 600))} ariaLabel={label} />
    </View>
  )
}
