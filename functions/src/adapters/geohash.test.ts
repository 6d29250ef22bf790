import { cellsAround, distanceMeters, geohash } from './geohash'

describe('geohash', () => {
  it('encodes known points', () => {
    expect(geohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj')
  })

  it('covers every point within 300 m by the nine cells around the centre', () => {
    const centre = { lat: 30.5071, lng: 114.3149 }
    const cells = new Set(cellsAround(centre.lat, centre.lng))
    expect(cells.size).toBe(9)
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const dLat = (300 / 111_320) * Math.cos((bearing * Math.PI) / 180)
      const dLng = (300 / (111_320 * Math.cos((centre.lat * Math.PI) / 180))) * Math.sin((bearing * Math.PI) / 180)
      expect(cells.has(geohash(centre.lat + dLat, centre.lng + dLng))).toBe(true)
    }
  })

  it('measures distances', () => {
    expect(distanceMeters({ lat: 30.5, lng: 114.3 }, { lat: 30.5, lng: 114.3 })).toBe(0)
    expect(Math.round(distanceMeters({ lat: 30.5, lng: 114.3 }, { lat: 30.501, lng: 114.3 }))).toBe(111)
  })
})
