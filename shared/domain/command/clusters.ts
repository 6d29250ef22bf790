/**
 * The map's case points gathered into clusters: points that fall in one cell of a square lattice over the map (its
 * side a fraction of the map's extent) are drawn as one, sized and labelled by their number, late when any is. A few
 * hundred points stay readable on a street's map and on a district's alike, without a tile server's clustering.
 */
export interface MapPoint {
  lat: number
  lng: number
  late: boolean
}

export interface Cluster<P extends MapPoint> {
  /** The cluster's centre: the mean of its points. */
  lat: number
  lng: number
  points: P[]
  late: number
}

/** The cells across the map's wider side: about the size of a thumb on a phone, of a few grids on the wall. */
export const CLUSTER_CELLS = 24

/** Clusters of `points` over the extent `[west, south, east, north]` (WGS84), in the order their first point came. */
export function clusterPoints<P extends MapPoint>(points: readonly P[], [west, south, east, north]: readonly [number, number, number, number]): Cluster<P>[] {
  const side = Math.max(east - west, north - south) / CLUSTER_CELLS || 1
  const cells = new Map<string, P[]>()
  for (const p of points) {
    const key = `${Math.floor((p.lng - west) / side)}:${Math.floor((p.lat - south) / side)}`
    cells.set(key, [...(cells.get(key) ?? []), p])
  }
  return [...cells.values()].map((ps) => ({
    lat: ps.reduce((n, p) => n + p.lat, 0) / ps.length,
    lng: ps.reduce((n, p) => n + p.lng, 0) / ps.length,
    points: ps,
    late: ps.filter((p) => p.late).length,
  }))
}
