import { roles } from '@linli/shared'
import { locateDeepest } from '@linli/functions/src/adapters/geo'
import { demoCatalogue, demoPersonas } from './index'
import { demoNodes } from './district'

const nodes = demoNodes
const centre = (id: string) => {
  const ring = (nodes.find((n) => n.id === id)!.boundary.coordinates[0] as number[][]).slice(0, 4)
  return { lng: ring.reduce((s, p) => s + p[0]!, 0) / 4, lat: ring.reduce((s, p) => s + p[1]!, 0) / 4 }
}

describe('the demo district', () => {
  it('has 2 streets, 4 communities and 12 grids, each under a parent one level up', () => {
    const count = (level: string) => nodes.filter((n) => n.level === level).length
    expect([count('district'), count('street'), count('community'), count('grid')]).toEqual([1, 2, 4, 12])
    for (const n of nodes.filter((x) => x.parentId)) {
      const parent = nodes.find((p) => p.id === n.parentId)
      expect(parent).toBeDefined()
    }
  })

  it('locates the centre of every grid to that grid (boundaries nest and do not overlap)', () => {
    for (const grid of nodes.filter((n) => n.level === 'grid')) {
      const { lat, lng } = centre(grid.id)
      expect(locateDeepest(nodes, lat, lng)?.id).toBe(grid.id)
    }
    expect(locateDeepest(nodes, 30.6, 114.3)).toBeUndefined()
  })

  it('gives every grid a roster card and every category a known department', () => {
    for (const grid of nodes.filter((n) => n.level === 'grid')) {
      expect(grid.roster?.gridworker?.name).toBeTruthy()
      expect(grid.roster?.gridLeader?.name).toBeTruthy()
    }
    const depts = new Set(demoCatalogue.departments.map((d) => d.id))
    expect(demoCatalogue.classes.length).toBeGreaterThanOrEqual(8)
    expect(demoCatalogue.categories.length).toBeGreaterThanOrEqual(20)
    for (const c of demoCatalogue.categories) expect(depts.has(c.departmentId)).toBe(true)
  })

  it('has a persona for every role', () => {
    expect(new Set(demoPersonas.map((p) => p.role))).toEqual(new Set(roles))
  })
})
