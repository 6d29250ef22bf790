/**
 * District administration figures (issue 25): importing 1,000 grids of 50 vertices from GeoJSON through the API
 * (preview, then apply) against the bare batch writes of the same items; locating a point among those 1,000 grids
 * against the demo district's 12 (p50, the catalogue read included: the function's cache is cold after an import).
 */
import type { Repos } from '../functions/src/db'
import type { NodeRecord } from '../functions/src/services/district/ports'
import type { ChangeRecord } from '../functions/src/services/admin/ports'
import { districtLikeDemo, seedPersona } from '../infra/seed'
import { print, type Client } from './core'

const DISTRICT = 'benchadmin'
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const round = (n: number) => Math.round(n * 100) / 100

/** `perCommunity` grids in each demo community: a 25 × 10 lattice of 50-vertex rings, each inside its own cell. */
function gridsFile(catalogue: ReturnType<typeof districtLikeDemo>, perCommunity: number, vertices = 50) {
  const communities = catalogue.nodes.filter((n) => n.level === 'community')
  const features = communities.flatMap((c) => {
    const ring = (c.boundary as { coordinates: number[][][] }).coordinates[0]!
    const [west, east] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))]
    const [south, north] = [Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[1]!))]
    const [cols, rows] = [25, Math.ceil(perCommunity / 25)]
    const [w, h] = [(east - west) / cols, (north - south) / rows]
    return Array.from({ length: perCommunity }, (_, i) => {
      const [cx, cy] = [west + ((i % cols) + 0.5) * w, south + (Math.floor(i / cols) + 0.5) * h]
      const ring = Array.from({ length: vertices - 1 }, (_, k) => {
        const a = (2 * Math.PI * k) / (vertices - 1)
        return [round6(cx + 0.45 * w * Math.cos(a)), round6(cy + 0.45 * h * Math.sin(a))]
      })
      return {
        type: 'Feature',
        properties: { name: `${c.name}测速网格${i + 1}`, community: c.id },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
      }
    })
  })
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }))
}
const round6 = (n: number) => Math.round(n * 1e6) / 1e6

export async function adminFigures(c: Client, repos: Repos, idSalt: string, grids = Number(process.env.BENCH_GRIDS ?? 1000)) {
  const catalogue = districtLikeDemo({ id: DISTRICT, name: '测速区', casePrefix: 'CS' })
  await repos.catalogue.save(catalogue)
  await seedPersona(
    repos,
    catalogue,
    { openid: 'o-bench-admin', name: '测速管理员', role: 'admin', scopeId: DISTRICT, phone: '13900000000', title: '' },
    idSalt,
  )
  await seedPersona(
    repos,
    catalogue,
    { openid: 'o-bench-admin-resident', name: '测速居民', role: 'resident', scopeId: DISTRICT, phone: '13900000001', title: '' },
    idSalt,
  )
  const admin = await c.login('o-bench-admin')
  const perCommunity = Math.ceil(grids / 4)
  const file = gridsFile(catalogue, perCommunity)

  const form = (await c.call('POST', '/v1/uploads', admin.token, { purpose: 'grids_import', contentType: 'application/geo+json', size: file.length })).body
  const body = new FormData()
  for (const [k, v] of Object.entries(form.fields as Record<string, string>)) body.append(k, v)
  body.append('file', new Blob([file], { type: 'application/geo+json' }), 'grids.geojson')
  if ((await fetch(form.url, { method: 'POST', body })).status >= 300) throw new Error('upload of the grids failed')

  let t = performance.now()
  const preview = await c.call('POST', '/v1/admin/grids/preview', admin.token, { fileKey: form.key })
  const previewMs = performance.now() - t
  if (preview.status !== 200) throw new Error(`preview: ${preview.status} ${JSON.stringify(preview.body).slice(0, 500)}`)
  t = performance.now()
  const applied = await c.call('POST', '/v1/admin/grids/import', admin.token, { fileKey: form.key })
  const api = performance.now() - t
  if (applied.status !== 200) throw new Error(`import: ${applied.status} ${JSON.stringify(applied.body).slice(0, 500)}`)

  // The same items written bare: each grid's node and its change entry, 25 a batch, into another district.
  const after = (await repos.catalogue.load(DISTRICT))!
  const imported = after.nodes.filter((n) => n.level === 'grid' && n.name.includes('测速网格'))
  const at = new Date().toISOString()
  const changes: ChangeRecord[] = imported.map((n) => ({
    districtId: `${DISTRICT}-bare`,
    at,
    userId: admin.user.id,
    userName: '测速管理员',
    kind: 'grid',
    subjectId: n.id,
    after: { name: n.name, communityId: n.parentId!, vertices: 50 },
  }))
  t = performance.now()
  await repos.admin.applyGrids(`${DISTRICT}-bare`, imported as NodeRecord[], [], changes)
  const bare = performance.now() - t
  print({
    metric: 'import_grids_ms',
    grids: applied.body.adds.length,
    vertices_each: 50,
    file_bytes: file.length,
    preview_ms: Math.round(previewMs),
    api_ms: Math.round(api),
    bare_batch_write_ms: Math.round(bare),
    items_written: imported.length * 2,
    ratio: round(api / bare),
  })

  // Locating a point: among this district's grids (the demo's 12 retired by the import, 1,000 new) and the demo's 12.
  const resident = await c.login('o-bench-admin-resident')
  const demo = await c.login('o-demo-resident')
  const locate = async (token: string, n = 200) => {
    const times: number[] = []
    for (let i = 0; i < n; i++) {
      const s = performance.now()
      const r = await c.call('GET', `/v1/grids/locate?lat=${30.5 + ((i * 7) % 29) / 1000}&lng=${114.3 + ((i * 13) % 59) / 1000}`, token)
      if (r.status >= 500) throw new Error(`locate: ${r.status}`)
      times.push(performance.now() - s)
    }
    return times
  }
  const [many, few] = [await locate(resident.token), await locate(demo.token)]
  print({
    metric: 'locate_among_grids_ms',
    grids: imported.length,
    p50: round(pct(many, 50)),
    demo_grids: 12,
    demo_p50: round(pct(few, 50)),
    ratio: round(pct(many, 50) / pct(few, 50)),
  })
}
