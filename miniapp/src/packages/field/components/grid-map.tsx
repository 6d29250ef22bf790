/**
 * A grid's boundary with points on it: WeChat's own map in weapp (GCJ-02, converted from our WGS84 at this edge with
 * gcoord), and in H5 the same shapes drawn as an SVG with no online tiles (Taro's H5 map loads Baidu's script), so
 * it works offline and in tests.
 */
import { Image, Map, View } from '@tarojs/components'
import gcoord from 'gcoord'
import type { Boundary } from '@linli/shared/domain/field/geofence'
import './grid-map.scss'

export interface MapPoint {
  lat: number
  lng: number
  label?: string
}

const rings = (b: Boundary): number[][][] => (b.type === 'Polygon' ? [b.coordinates[0]!] : b.coordinates.map((p) => p[0]!))
const toGcj = (lng: number, lat: number) => gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]

/** The shapes as an SVG (north up, equirectangular at the grid's latitude): the boundary, the route, the points, me. */
function svgOf(boundary: Boundary, points: MapPoint[], me?: MapPoint, route?: boolean): string {
  const all = [...rings(boundary).flat(), ...points.map((p) => [p.lng, p.lat]), ...(me ? [[me.lng, me.lat]] : [])]
  const [minX, maxX, minY, maxY] = [
    Math.min(...all.map((c) => c[0]!)),
    Math.max(...all.map((c) => c[0]!)),
    Math.min(...all.map((c) => c[1]!)),
    Math.max(...all.map((c) => c[1]!)),
  ]
  const k = Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  const w = (maxX - minX) * k || 1e-4
  const h = maxY - minY || 1e-4
  const scale = 300 / Math.max(w, h)
  const at = (lng: number, lat: number) => [(10 + (lng - minX) * k * scale).toFixed(1), (10 + (maxY - lat) * scale).toFixed(1)] as const
  const xy = (lng: number, lat: number) => at(lng, lat).join(',')
  const dot = (p: MapPoint, r: number, style: string) => `<circle cx="${at(p.lng, p.lat)[0]}" cy="${at(p.lng, p.lat)[1]}" r="${r}" ${style}/>`
  const polys = rings(boundary).map(
    (r) => `<polygon points="${r.map(([x, y]) => xy(x!, y!)).join(' ')}" fill="rgba(196,22,28,0.08)" stroke="#c4161c" stroke-width="2"/>`,
  )
  const line =
    route && points.length > 1 ? `<polyline points="${points.map((p) => xy(p.lng, p.lat)).join(' ')}" fill="none" stroke="#1677ff" stroke-width="3"/>` : ''
  const dots = points.map((p) => dot(p, 5, 'fill="#1677ff"'))
  const mine = me ? dot(me, 7, 'fill="#00b578" stroke="#fff" stroke-width="2"') : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(20 + w * scale)} ${Math.ceil(20 + h * scale)}">${polys.join('')}${line}${dots.join('')}${mine}</svg>`
}

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
          strokeColor: '#c4161c',
          fillColor: '#c4161c14',
          zIndex: 1,
        }))}
        polyline={
          props.route && points.length > 1
            ? [{ points: points.map((p) => toGcj(p.lng, p.lat)).map(([longitude, latitude]) => ({ longitude, latitude })), color: '#1677ff', width: 4 }]
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
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgOf(props.boundary, points, props.me, props.route))}`}
        ariaLabel={props.label}
      />
    </View>
  )
}
