import { GEOFENCE_TOLERANCE_M, geofence, metersOutside, type Boundary } from './geofence'

const ring = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
]
const rect = (west: number, south: number, east: number, north: number): Boundary => ({ type: 'Polygon', coordinates: [ring(west, south, east, north)] })
// 柳岸社区第一网格 of the demo district: 114.30–114.31 E, 30.50–30.515 N.
const grid = rect(114.3, 30.5, 114.31, 30.515)
const M_PER_DEG_LAT = 111_195
const north = (meters: number) => 30.515 + meters / M_PER_DEG_LAT
const good = 15

describe('geofence', () => {
  it('counts a point inside the grid', () => {
    expect(geofence(grid, { lat: 30.505, lng: 114.305, accuracy: good })).toEqual({ ok: true, metersOutside: 0 })
  })

  it('counts a point on the boundary as inside', () => {
    expect(geofence(grid, { lat: 30.515, lng: 114.305, accuracy: good })).toEqual({ ok: true, metersOutside: 0 })
    expect(geofence(grid, { lat: 30.5, lng: 114.3, accuracy: good })).toEqual({ ok: true, metersOutside: 0 })
  })

  it('lets a point 30 m outside pass as GPS error, and says how far out it was', () => {
    const fence = geofence(grid, { lat: north(30), lng: 114.305, accuracy: good })
    expect(fence.ok).toBe(true)
    expect(fence.metersOutside).toBeGreaterThanOrEqual(29)
    expect(fence.metersOutside).toBeLessThanOrEqual(31)
  })

  it('refuses a point 500 m outside, saying how far', () => {
    const fence = geofence(grid, { lat: north(500), lng: 114.305, accuracy: good })
    expect(fence).toMatchObject({ ok: false, reason: 'outside' })
    expect(Math.abs(fence.metersOutside - 500)).toBeLessThanOrEqual(2)
  })

  it('draws the line at the tolerance', () => {
    expect(geofence(grid, { lat: north(GEOFENCE_TOLERANCE_M - 3), lng: 114.305, accuracy: good }).ok).toBe(true)
    expect(geofence(grid, { lat: north(GEOFENCE_TOLERANCE_M + 3), lng: 114.305, accuracy: good }).ok).toBe(false)
  })

  it('measures to the nearest part of a multipolygon, and a hole is outside', () => {
    const two: Boundary = { type: 'MultiPolygon', coordinates: [[ring(114.3, 30.5, 114.31, 30.515)], [ring(114.33, 30.5, 114.34, 30.515)]] }
    expect(metersOutside(two, 30.505, 114.335)).toBe(0)
    expect(metersOutside(two, 30.505, 114.305)).toBe(0)
    // Between the parts, 0.01° of longitude (~958 m at 30.5°N) from each.
    expect(Math.abs(metersOutside(two, 30.505, 114.32) - 958)).toBeLessThanOrEqual(5)
    const holed: Boundary = { type: 'Polygon', coordinates: [ring(114.3, 30.5, 114.31, 30.515), ring(114.304, 30.504, 114.306, 30.506)] }
    expect(metersOutside(holed, 30.505, 114.305)).toBeGreaterThan(90)
  })

  it('refuses a fix whose accuracy is worse than 200 m, even inside', () => {
    expect(geofence(grid, { lat: 30.505, lng: 114.305, accuracy: 201 })).toEqual({ ok: false, reason: 'accuracy', metersOutside: 0 })
    expect(geofence(grid, { lat: 30.505, lng: 114.305, accuracy: 200 }).ok).toBe(true)
  })
})
