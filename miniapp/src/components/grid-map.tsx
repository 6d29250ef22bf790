/**
 * A grid's boundary with points on it: WeChat's own map in weapp (GCJ-02, converted from our WGS84 at this edge with
 * gcoord), and in H5 the same shapes drawn as an SVG with no online tiles (./shapes-svg.ts).
 */
import { Image, Map, View } from '@tarojs/components'
import gcoord from 'gcoord'
import type { Boundary } from '@linli/shared/domain/field/geofence'
import { MAP_COLOURS, shapesSvg, svgSource, type MapPoint } from './shapes-svg'
import './grid-map.scss'

export type { MapPoint }

const rings = (b: Boundary): number[][][] => (b.type === 'Polygon' ? [b.coordinates[0]!] : b.coordinates.map((p) => p[0]!))
const toGcj = (lng: number, lat: number) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]

export function GridMap(props: { boundary: Boundary; points?: MapPoint[]; me?: MapPoint; route?: boolean; label: string }) {
  const points = props.points ?? []
  if (process.env.TARO_ENV !== 'h5') {
    const ring = rings(props.boundary)
    const centre = toGcj(...(props.me ? ([props.me.lng, props.me.lat] as const) : (ring[0]![0] as [number, number])))
    return (
      <Map
        className='grid-map'
        longitude={centre[0]}
        latitude={centre[1]}
        scale={16}
        showLocation
        polygons={ring.map((r) => ({
          points: r.map(([lng, lat]) => toGcj(lng!, lat!)).map(([longitude, latitude]) => ({ longitude, latitude })),
          strokeWidth: 2,
          strokeColor: MAP_COLOURS.line,
          fillColor: MAP_COLOURS.fillHex,
          zIndex: 1,
        }))}
        polyline={
          props.route && points.length > 1
            ? [{ points: points.map((p) => toGcj(p.lng, p.lat)).map(([longitude, latitude]) => ({ longitude, latitude })), color: MAP_COLOURS.route, width: 4 }]
            : []
        }
        markers={points.map((p, i) => {
          const [longitude, latitude] = toGcj(p.lng, p.lat)
          return { id: i, longitude, latitude, title: p.label ?? '', width: 20, height: 28, iconPath: '' }
        })}
        onError={() => undefined}
      />
    )
  }
  return (
    <View className='grid-map'>
      <Image
        className='grid-map__image'
        mode='aspectFit'
        src={svgSource(shapesSvg([{ rings: rings(props.boundary) }], points, props.me, props.route))}
        ariaLabel={props.label}
      />
    </View>
  )
}
