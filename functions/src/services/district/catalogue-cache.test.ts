import { cachedCatalogue } from './catalogue-cache'
import type { Catalogue } from './ports'

const catalogue = { district: { id: 'd', name: 'D', casePrefix: 'D' } } as Catalogue

describe('cachedCatalogue', () => {
  it('shares one load between concurrent misses and serves hits until the TTL passes', async () => {
    let now = 0
    const load = jest.fn(async () => catalogue)
    const get = cachedCatalogue(load, 1000, () => now)
    await Promise.all([get('d'), get('d'), get('d')])
    expect(load).toHaveBeenCalledTimes(1)
    now = 999
    await get('d')
    expect(load).toHaveBeenCalledTimes(1)
    now = 1000
    await get('d')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('reloads a copy that lacks what the caller needs (a room just created elsewhere), and keeps the fresh copy', async () => {
    let now = 0
    let rooms: { id: string }[] = []
    const load = jest.fn(async () => ({ ...catalogue, rooms }) as Catalogue)
    const get = cachedCatalogue(load, 60_000, () => now)
    const hasRoom = (c: Catalogue) => c.rooms.some((r) => r.id === 'r1')
    await get('d')
    rooms = [{ id: 'r1' }]
    now = 500
    expect((await get('d', hasRoom)).rooms).toEqual([{ id: 'r1' }])
    expect(await get('d')).toMatchObject({ rooms: [{ id: 'r1' }] })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('answers grid.notFound for an unknown district and does not cache the miss', async () => {
    const load = jest.fn(async () => undefined)
    const get = cachedCatalogue(load, 1000)
    await expect(get('x')).rejects.toMatchObject({ code: 'grid.notFound', status: 404 })
    await expect(get('x')).rejects.toMatchObject({ code: 'grid.notFound' })
    expect(load).toHaveBeenCalledTimes(2)
  })
})
