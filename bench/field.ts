/**
 * Field-work figures (issue 10): a check-in against its bare DynamoDB calls, in a grid whose boundary has 200
 * vertices (the geofence is the one thing a check-in computes), alternating call by call on the same engine.
 */
import { randomUUID } from 'node:crypto'
import type { Repos } from '../functions/src/db'
import { userIdFor } from '../functions/src/adapters/ids'
import type { CheckinRecord } from '../functions/src/services/field/ports'
import { demoCatalogue } from '../infra/seed'
import { print, type Client } from './core'

const DISTRICT = 'benchfield'
const CENTRE = { lat: 30.5, lng: 114.3 }
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const round = (n: number) => Math.round(n * 100) / 100

/** A grid shaped like a 200-gon of radius ~500 m, with a wobble so no edge is like another. */
function ragged(vertices = 200) {
  const ring = Array.from({ length: vertices }, (_, i) => {
    const a = (2 * Math.PI * i) / vertices
    const r = 0.0045 * (1 + 0.1 * Math.sin(7 * a))
    return [CENTRE.lng + r * Math.cos(a) * 1.15, CENTRE.lat + r * Math.sin(a)]
  })
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] }
}

export async function fieldFigures(c: Client, repos: Repos, idSalt: string, n = Number(process.env.BENCH_SAMPLES ?? 300)) {
  // A district of its own, never seen by the API before (so no cached catalogue hides its grid), with one gridworker.
  const boundary = ragged()
  await repos.catalogue.save({ ...demoCatalogue, district: { id: DISTRICT, name: '测速区', casePrefix: 'CS' }, nodes: [{ id: DISTRICT, name: '测速区', level: 'district' }, { id: 'g-ragged', name: '多边网格', level: 'grid', parentId: DISTRICT, boundary }], rooms: [] })
  const openid = 'o-bench-fieldworker'
  const userId = userIdFor(openid, idSalt)
  await c.login(openid)
  await repos.users.put({ id: userId, districtId: DISTRICT, name: '测速网格员', openid })
  await repos.users.putRole(userId, { role: 'gridworker', scopeId: 'g-ragged', scopeName: '多边网格', districtId: DISTRICT }, 'bench')
  const me = await c.login(openid)
  const body = () => ({ kind: 'duty', location: { ...CENTRE, lat: CENTRE.lat + Math.random() * 0.002, accuracy: 20 }, note: '测速打卡' })
  const first = await c.call('POST', '/v1/checkins', me.token, body())
  if (first.status !== 201) throw new Error(`check-in: ${first.status} ${JSON.stringify(first.body)}`)
  const template = first.body as CheckinRecord & { id: string }

  // Bare: the caller's roles, the idempotency record, one transaction of two items (the API holds the catalogue cached).
  const bare = async () => {
    await repos.users.getWithRoles(userId)
    const key = randomUUID()
    await repos.field.checkinByKey(DISTRICT, userId, key)
    await repos.field.createCheckin({ ...template, districtId: DISTRICT, checkinId: randomUUID(), photoKeys: [], at: new Date().toISOString() }, { userId, key, requestHash: 'x'.repeat(64), ttl: Math.floor(Date.now() / 1000) + 86400 }, 200)
  }
  const [api, raw]: [number[], number[]] = [[], []]
  for (let i = 0; i < 30 + n; i++) {
    let t = performance.now()
    const res = await c.call('POST', '/v1/checkins', me.token, body(), { 'idempotency-key': randomUUID() })
    if (res.status !== 201) throw new Error(`check-in: ${res.status} ${JSON.stringify(res.body)}`)
    const a = performance.now() - t
    t = performance.now()
    await bare()
    if (i >= 30) api.push(a), raw.push(performance.now() - t)
  }
  print({ metric: 'post_checkin_ms', n, boundary_vertices: boundary.coordinates[0]!.length - 1, p50: round(pct(api, 50)), p99: round(pct(api, 99)) })
  print({ metric: 'post_checkin_bare_dynamodb_ms', n, p50: round(pct(raw, 50)), p99: round(pct(raw, 99)) })
  const r = pct(api, 50) / pct(raw, 50)
  print({ metric: 'post_checkin_vs_dynamodb_p50_ratio', value: round(r), budget: 1.5, within: r <= 1.5 })
}
