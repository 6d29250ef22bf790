/** Geohash cells for "cases near a point": a precision-6 cell is ~1.2 km × 0.6 km, so a point's cell and its eight
 * neighbours cover any 300 m circle around it. */
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz'
export const NEAR_PRECISION = 6
const CELL = { lat: 180 / 2 ** 15, lng: 360 / 2 ** 15 } // precision 6 = 30 bits: 15 for each axis

export function geohash(lat: number, lng: number, precision = NEAR_PRECISION): string {
  let [latLo, latHi, lngLo, lngHi] = [-90, 90, -180, 180]
  let hash = ''
  let bits = 0
  let value = 0
  let even = true
  while (hash.length < precision) {
    if (even) {
      const mid = (lngLo + lngHi) / 2
      value = (value << 1) | (lng >= mid ? 1 : 0)
      if (lng >= mid) lngLo = mid
      else lngHi = mid
    } else {
      const mid = (latLo + latHi) / 2
      value = (value << 1) | (lat >= mid ? 1 : 0)
      if (lat >= mid) latLo = mid
      else latHi = mid
    }
    even = !even
    if (++bits === 5) {
      hash += BASE32[value]
      bits = 0
      value = 0
    }
  }
  return hash
}

/** The cell of the point and its eight neighbours (precision 6). */
export function cellsAround(lat: number, lng: number): string[] {
  const cells = new Set<string>()
  for (const dLat of [-CELL.lat, 0, CELL.lat]) for (const dLng of [-CELL.lng, 0, CELL.lng]) cells.add(geohash(lat + dLat, lng + dLng))
  return [...cells]
}

/** Great-circle distance in metres. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000
  const rad = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}
