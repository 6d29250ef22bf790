/**
 * The grid tree from files (issue 25): a district's admin uploads GeoJSON, previews what it adds, changes and retires,
 * applies it, and exports the tree back. Every problem is named feature by feature with nothing written; GCJ-02 input
 * is converted; a retired grid leaves the tree and keeps its history. The file works in a district of its own.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import gcoord from 'gcoord'
import { adminCatalogue, adminChanges, adminGridsExport, adminGridsImport, adminGridsPreview, chinaDate, locateGrid, type ErrorBody } from '@linli/shared'
import { call, cloud, expectError, uploadFile, type Answer } from './support/client'
import { newDistrict } from './support/scenario'

jest.setTimeout(60_000)

type Ring = [number, number][]
const rect = (west: number, south: number, east: number, north: number): Ring => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
]
const grid = (name: string, community: string, ring: Ring, extra: Record<string, string> = {}) => ({
  type: 'Feature',
  properties: { name, community, ...extra },
  geometry: { type: 'Polygon', coordinates: [ring] },
})
const file = (...features: object[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }, null, 2))

let admin: string
let resident: string
beforeAll(async () => {
  const district = await newDistrict('grids')
  admin = (await district.person('admin', '周管理')).token
  resident = (await district.person('resident', '王居民')).token
})
const upload = (bytes: Uint8Array) => uploadFile(admin, bytes, 'application/geo+json', 'grids_import')
const tree = async () => (await call(adminCatalogue, { token: admin })).body.nodes
const fieldsOf = (a: Answer<unknown>) => (a.body as ErrorBody).error.fields ?? []

// 柳岸社区 (c-liuan) spans 114.30–114.33 E, 30.500–30.515 N, its three grids 0.01° wide each (infra/seed/district.ts).
const redrawn = file(
  grid('柳岸社区第一网格', 'c-liuan', rect(114.3, 30.5, 114.31, 30.515)),
  grid('柳岸社区第二网格', '柳岸社区', rect(114.31, 30.5, 114.33, 30.5075)),
  grid('柳岸社区新网格', 'c-liuan', rect(114.31, 30.5075, 114.33, 30.515)),
)

describe('the grid tree from GeoJSON', () => {
  it('previews what a file adds, changes and retires, writing nothing', async () => {
    const plan = await call(adminGridsPreview, { token: admin, body: { fileKey: await upload(redrawn) } })
    expect(plan.status).toBe(200)
    expect(plan.body.adds.map((g) => g.name)).toEqual(['柳岸社区新网格'])
    expect(plan.body.changes).toEqual([{ id: 'g-liuan-2', name: '柳岸社区第二网格', communityId: 'c-liuan', communityName: '柳岸社区', changes: ['boundary'] }])
    expect(plan.body.retires.map((g) => g.id)).toEqual(['g-liuan-3'])
    expect(plan.body.unchanged).toBe(1)
    expect((await tree()).map((n) => n.id)).toContain('g-liuan-3')
  })

  it('applies it: the new grid locates its points, the retired one leaves the tree, each change is logged, and applying again changes nothing', async () => {
    const fileKey = await upload(redrawn)
    const applied = await call(adminGridsImport, { token: admin, body: { fileKey } })
    expect(applied.status).toBe(200)
    expect(applied.body.adds).toHaveLength(1)
    const nodes = await tree()
    expect(nodes.map((n) => n.id)).not.toContain('g-liuan-3')
    const added = nodes.find((n) => n.name === '柳岸社区新网格')!
    expect(added).toMatchObject({ level: 'grid', parentId: 'c-liuan' })
    const located = await call(locateGrid, { token: resident, query: { lat: 30.511, lng: 114.32 } })
    expect(located.body).toMatchObject({ id: added.id, name: '柳岸社区新网格' })

    const log = (await call(adminChanges, { token: admin, query: { date: chinaDate(new Date()), limit: 50 } })).body.items.filter((c) => c.kind === 'grid')
    expect(log.find((c) => c.subjectId === 'g-liuan-3')).toMatchObject({ before: { name: '柳岸社区第三网格' }, after: { retired: true }, userName: '周管理' })
    expect(log.find((c) => c.subjectId === 'g-liuan-2')).toMatchObject({ before: { vertices: 5 }, after: { name: '柳岸社区第二网格', communityId: 'c-liuan' } })
    expect(log.find((c) => c.subjectId === added.id)).not.toHaveProperty('before')

    const again = await call(adminGridsImport, { token: admin, body: { fileKey } })
    expect(again.body).toEqual({ adds: [], changes: [], retires: [], unchanged: 3 })
  })

  it('exports the tree as GeoJSON that imports back unchanged', async () => {
    const exported = await fetch(cloud().urls.api + adminGridsExport.path, { headers: { authorization: `Bearer ${admin}` } })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('application/geo+json')
    expect(decodeURIComponent(exported.headers.get('content-disposition')!)).toMatch(/网格边界-\d{4}-\d{2}-\d{2}\.geojson$/)
    const doc = JSON.parse(await exported.text()) as { features: { properties: { id: string; community: string; communityName: string } }[] }
    const liuan = doc.features.filter((f) => f.properties.community === 'c-liuan')
    expect(liuan.map((f) => f.properties.id).sort()).toEqual(
      (await tree())
        .filter((n) => n.parentId === 'c-liuan')
        .map((n) => n.id)
        .sort(),
    )
    const back = await call(adminGridsPreview, { token: admin, body: { fileKey: await upload(file(...liuan)) } })
    expect(back.body).toMatchObject({ adds: [], changes: [], retires: [], unchanged: 3 })
  })

  it('converts a file declared in GCJ-02 to WGS84', async () => {
    // 桂香社区 (c-guixiang) as a map app in China draws it: its three grids in GCJ-02, some 500 m off their WGS84 place.
    const toGcj = (ring: Ring) => ring.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number])
    const features = [0, 1, 2].map((g) => grid(`桂香社区第${'一二三'[g]}网格`, 'c-guixiang', toGcj(rect(114.3 + g * 0.01, 30.515, 114.31 + g * 0.01, 30.53))))
    const asGcj = await call(adminGridsImport, { token: admin, body: { fileKey: await upload(file(...features)), crs: 'gcj02' } })
    expect(asGcj.status).toBe(200)
    // Converted back, each grid is where it was (to a few centimetres): its points locate it as before.
    const located = await call(locateGrid, { token: resident, query: { lat: 30.52, lng: 114.305 } })
    expect(located.body).toMatchObject({ id: 'g-guixiang-1' })
    // Taken as WGS84 the same file lies hundreds of metres east and north: out of its community.
    const asWgs = await call(adminGridsPreview, { token: admin, body: { fileKey: await upload(file(...features)) } })
    expectError(asWgs, 422, 'admin.gridsInvalid')
    expect(fieldsOf(asWgs).map((f) => f.message)).toContain('第 3 个要素（桂香社区第三网格）：超出所属社区「桂香社区」的边界')
  })

  it('names every problem feature by feature, in Chinese, and writes nothing', async () => {
    const before = await tree()
    const bad = file(
      grid('经纬度写反', 'c-donghu', rect(30.5, 114.3, 30.51, 114.31)),
      grid('自相交', 'c-donghu', [
        [114.33, 30.5],
        [114.34, 30.515],
        [114.34, 30.5],
        [114.33, 30.515],
        [114.33, 30.5],
      ]),
      grid('无此社区网格', 'c-nowhere', rect(114.33, 30.5, 114.34, 30.515)),
      grid('越界网格', 'c-donghu', rect(114.33, 30.5, 114.35, 30.53)),
      grid('东湖甲', 'c-donghu', rect(114.33, 30.5, 114.34, 30.515)),
      grid('东湖乙', 'c-donghu', rect(114.335, 30.5, 114.345, 30.515)),
      grid('东湖甲', 'c-donghu', rect(114.35, 30.5, 114.36, 30.515)),
      { type: 'Feature', properties: { name: '' }, geometry: { type: 'Point', coordinates: [114.33, 30.5] } },
    )
    const answer = await call(adminGridsImport, { token: admin, body: { fileKey: await upload(bad) } })
    expectError(answer, 422, 'admin.gridsInvalid')
    const messages = Object.fromEntries(fieldsOf(answer).map((f) => [f.path, f.message]))
    expect(messages['features.0.geometry']).toMatch(/超出本区范围（经纬度是否写反了/)
    expect(messages['features.1.geometry']).toMatch(/自相交/)
    expect(messages['features.2.properties.community']).toBe('第 3 个要素（无此社区网格）：本区没有社区「c-nowhere」')
    expect(messages['features.3.geometry']).toBe('第 4 个要素（越界网格）：超出所属社区「东湖社区」的边界')
    expect(messages['features.5.geometry']).toMatch(/与第 5 个要素（东湖甲）重叠/)
    expect(messages['features.6.properties.name']).toMatch(/与第 5 个要素同在「东湖社区」且同名/)
    expect(messages['features.7.properties.name']).toMatch(/网格名称/)
    expect(messages['features.7.geometry']).toMatch(/Polygon 或 MultiPolygon/)

    const notJson = await call(adminGridsPreview, {
      token: admin,
      body: { fileKey: await upload(new TextEncoder().encode('{"type": "FeatureCollection", "features": [')) },
    })
    expectError(notJson, 422, 'admin.gridsInvalid')
    expect(fieldsOf(notJson)[0]).toMatchObject({ path: 'fileKey', message: expect.stringMatching(/^第 1 行：不是有效的 GeoJSON/) })
    expect(await tree()).toEqual(before)
  })

  it("previews the README's example file as it says: 稻香村 redrawn as four grids", async () => {
    const example = readFileSync(join(__dirname, '../../infra/seed/examples/daoxiang-grids.geojson'))
    const plan = await call(adminGridsPreview, { token: admin, body: { fileKey: await upload(example) } })
    expect(plan.body).toMatchObject({ changes: [], unchanged: 0 })
    expect(plan.body.adds.map((g) => g.name).sort()).toEqual(['稻香村东北网格', '稻香村东南网格', '稻香村西北网格', '稻香村西南网格'])
    expect(plan.body.retires.map((g) => g.id).sort()).toEqual(['g-daoxiang-1', 'g-daoxiang-2', 'g-daoxiang-3'])
  })

  it("is the district admins' alone, and takes only the caller's own upload", async () => {
    const fileKey = await upload(redrawn)
    expectError(await call(adminGridsPreview, { token: resident, body: { fileKey } }), 403, 'auth.forbidden')
    expectError(await call(adminGridsExport, { token: resident }), 403, 'auth.forbidden')
    const other = await newDistrict('grids-other')
    const otherAdmin = (await other.person('admin', '沈管理')).token
    expectError(await call(adminGridsImport, { token: otherAdmin, body: { fileKey } }), 400, 'upload.invalid')
  })
})
