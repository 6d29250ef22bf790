/**
 * Shapes on a plain SVG, north up (equirectangular at their latitude), with no online tiles: grid boundaries (each
 * with its name), a route and points. H5 draws maps with it (Taro's H5 map loads Baidu's script), so they work
 * offline and in tests; WeChat draws its own map.
 */
export interface MapPoint {
  lat: number
  lng: number
  label?: string
}
/** A boundary's outer rings ([lng, lat] WGS84), its name, and whether it is the one picked out. */
export interface Shape {
  rings: number[][][]
  label?: string
  picked?: boolean
}

/** A map's own colours, the same in light and dark mode (a map is drawn on its own white ground, as map tiles are). */
export const MAP_COLOURS = {
  ground: '#fff',
  line: '#c4161c',
  fill: 'rgba(196,22,28,0.08)',
  fillHex: '#c4161c14',
  picked: '#1677ff',
  pickedFill: 'rgba(22,119,255,0.18)',
  pickedFillHex: '#1677ff2e',
  route: '#1677ff',
  me: '#00b578',
  text: '#333',
} as const
const C = MAP_COLOURS

const escape = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)

export function shapesSvg(shapes: readonly Shape[], points: readonly MapPoint[] = [], me?: MapPoint, route?: boolean, size = 300): string {
  const all = [...shapes.flatMap((s) => s.rings.flat()), ...points.map((p) => [p.lng, p.lat]), ...(me ? [[me.lng, me.lat]] : [])]
  const [minX, maxX, minY, maxY] = [
    Math.min(...all.map((c) => c[0]!)),
    Math.max(...all.map((c) => c[0]!)),
    Math.min(...all.map((c) => c[1]!)),
    Math.max(...all.map((c) => c[1]!)),
  ]
  const k = Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  const w = (maxX - minX) * k || 1e-4
  const h = maxY - minY || 1e-4
  const scale = size / Math.max(w, h)
  const at = (lng: number, lat: number) => [(10 + (lng - minX) * k * scale).toFixed(1), (10 + (maxY - lat) * scale).toFixed(1)] as const
  const xy = (lng: number, lat: number) => at(lng, lat).join(',')
  const dot = (p: MapPoint, r: number, style: string) => `<circle cx="${at(p.lng, p.lat)[0]}" cy="${at(p.lng, p.lat)[1]}" r="${r}" ${style}/>`
  const polys = shapes.flatMap((s) =>
    s.rings.map(
      (r) =>
        `<polygon points="${r.map(([x, y]) => xy(x!, y!)).join(' ')}" fill="${s.picked ? C.pickedFill : C.fill}" stroke="${s.picked ? C.picked : C.line}" stroke-width="2"/>`,
    ),
  )
  // Each name at the middle of its shape's box, as large as the shape's width lets it be.
  const labels = shapes
    .filter((s) => s.label)
    .map((s) => {
      const ring = s.rings.flat()
      const [west, east] = [Math.min(...ring.map((c) => c[0]!)), Math.max(...ring.map((c) => c[0]!))]
      const [south, north] = [Math.min(...ring.map((c) => c[1]!)), Math.max(...ring.map((c) => c[1]!))]
      const [x, y] = at((west + east) / 2, (south + north) / 2)
      const fontSize = Math.max(6, Math.min(size / 30, ((east - west) * k * scale) / (s.label!.length + 1)))
      return `<text x="${x}" y="${y}" font-size="${fontSize.toFixed(1)}" text-anchor="middle" dominant-baseline="middle" fill="${C.text}">${escape(s.label!)}</text>`
    })
  const line =
    route && points.length > 1 ? `<polyline points="${points.map((p) => xy(p.lng, p.lat)).join(' ')}" fill="none" stroke="${C.route}" stroke-width="3"/>` : ''
  const dots = points.map((p) => dot(p, 5, `fill="${C.route}"`))
  const mine = me ? dot(me, 7, `fill="${C.me}" stroke="${C.ground}" stroke-width="2"`) : ''
  const [vw, vh] = [Math.ceil(20 + w * scale), Math.ceil(20 + h * scale)]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${vw} ${vh}"><rect width="${vw}" height="${vh}" fill="${C.ground}"/>${polys.join('')}${labels.join('')}${line}${dots.join('')}${mine}</svg>`
}

export const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
