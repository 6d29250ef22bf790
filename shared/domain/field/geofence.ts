/**
 * Whether a gridworker's position lies inside their grid (DESIGN.md §3 "Field work"): the same answer on the phone,
 * before sending, and on the server, which decides. GPS on a phone errs by tens of metres, so a point just outside
 * the boundary still counts; a fix worse than MAX_ACCURACY_M says too little to count at all.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import pointToPolygonDistance from '@turf/point-to-polygon-distance'
import type { MultiPolygon, Polygon } from 'geojson'

/** How far outside the boundary a position still counts as inside (GPS error). */
export const GEOFENCE_TOLERANCE_M = 50
/** A position whose accuracy radius is larger than this is refused. */
export const MAX_ACCURACY_M = 200

export type Boundary = Polygon | MultiPolygon
export interface Fix {
  lat: number
  lng: number
  /** The radius (m) WeChat gives with the position: the true place lies within it with ~68 % confidence. */
  accuracy: number
}
export type Fence = { ok: true; metersOutside: number } | { ok: false; reason: 'accuracy' | 'outside'; metersOutside: number }

/** How many whole metres the point lies outside the boundary (0 inside or on it). */
export function metersOutside(boundary: Boundary, lat: number, lng: number): number {
  if (booleanPointInPolygon([lng, lat], boundary)) return 0
  return Math.max(0, Math.round(pointToPolygonDistance([lng, lat], boundary, { units: 'meters' })))
}

export function geofence(boundary: Boundary, fix: Fix): Fence {
  const outside = metersOutside(boundary, fix.lat, fix.lng)
  if (fix.accuracy > MAX_ACCURACY_M) return { ok: false, reason: 'accuracy', metersOutside: outside }
  return outside <= GEOFENCE_TOLERANCE_M ? { ok: true, metersOutside: outside } : { ok: false, reason: 'outside', metersOutside: outside }
}
