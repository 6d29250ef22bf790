/**
 * Field-work figures (issue 10): a check-in against its bare DynamoDB calls, in a grid whose boundary has 200
 * vertices (the geofence is the one thing a check-in computes), alternating call by call on the same engine; the
 * due-to-visit list of a grid of 500 households (items read for a page); importing 2,000 households from Excel
 * against the bare batch writes of the same items; 500 residents reading one notice at the same moment (each read
 * recorded once, none lost, the sharded counts equal to the reads).
 */
import { randomUUID } from 'node:crypto'
import type { Repos } from '../functions/src/db'
import { userIdFor } from '../functions/src/adapters/ids'
import type { CheckinRecord } from '../functions/src/services/field/ports'
import { careTagLabels, rosterColumns, type CareTag } from '@linli/shared'
import type { LocalCloud } from '../infra/local/cloud'
import { localKeyWrapper, makePii } from '../functions/src/adapters/pii'
import { writeSheet } from '../functions/src/adapters/roster-file'
import { sealHousehold } from '../functions/src/services/field/households'
import { demoCatalogue } from '../infra/seed'
import { inBatches, print, type Client } from './core'

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

export async function fieldFigures(cloud: LocalCloud, c: Client, repos: Repos, idSalt: string) {
  const me = await checkinOverhead(c, repos, idSalt)
  await rosterFigures(cloud, c, repos, idSalt, me)
  await concurrentReads(c, repos)
}

/** 500 residents of the demo district read one notice of 柳岸社区第一网格 at once. */
async function concurrentReads(c: Client, repos: Repos, n = Number(process.env.BENCH_READERS ?? 500)) {
  const worker = await c.login('o-demo-gridworker')
  const { body: notice } = await c.call('POST', '/v1/announcements', worker.token, {
    gridId: 'g-liuan-1',
    title: '测速通知',
    body: '500 位居民同时打开这条通知。',
  })
  const readers = await inBatches(n, 20, (i) => c.login(`o-bench-reader-${i}`))
  const started = Date.now()
  const answers = await Promise.all(
    readers.map((r) =>
      c.call('POST', `/v1/announcements/${notice.id}/reads`, r.token, { channel: 'app' }).then(
        (r) => r.status === 200,
        () => false,
      ),
    ),
  )
  const ms = Date.now() - started
  const reads = await repos.announcements.readsOf('linjiang', readers[0]!.user.id, [notice.id])
  const counts = await repos.announcements.counts('linjiang', notice.id)
  const recorded = (await Promise.all(readers.map((r) => repos.announcements.readsOf('linjiang', r.user.id, [notice.id])))).filter((m) => m.size === 1).length
  print({
    metric: 'concurrent_notice_reads',
    readers: n,
    answered_ok: answers.filter(Boolean).length,
    recorded,
    counted: counts.reads,
    lost: n - recorded,
    first_reader_recorded: reads.size === 1,
    ms,
  })
}

async function checkinOverhead(c: Client, repos: Repos, idSalt: string, n = Number(process.env.BENCH_SAMPLES ?? 300)) {
  // A district of its own, never seen by the API before (so no cached catalogue hides its grid), with one gridworker.
  const boundary = ragged()
  await repos.catalogue.save({
    ...demoCatalogue,
    district: { id: DISTRICT, name: '测速区', casePrefix: 'CS' },
    nodes: [
      { id: DISTRICT, name: '测速区', level: 'district' },
      { id: 'g-ragged', name: '多边网格', level: 'grid', parentId: DISTRICT, boundary },
    ],
    rooms: [],
  })
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
    const claim = {
      districtId: DISTRICT,
      userId,
      key: randomUUID(),
      scope: 'checkins.create',
      requestHash: 'x'.repeat(64),
      ttl: Math.floor(Date.now() / 1000) + 86400,
    }
    await repos.idempotency.answer(claim)
    await repos.field.createCheckin({ ...template, districtId: DISTRICT, checkinId: randomUUID(), photoKeys: [], at: new Date().toISOString() }, claim, 200)
  }
  const [api, raw]: [number[], number[]] = [[], []]
  for (let i = 0; i < 30 + n; i++) {
    let t = performance.now()
    const res = await c.call('POST', '/v1/checkins', me.token, body(), { 'idempotency-key': randomUUID() })
    if (res.status !== 201) throw new Error(`check-in: ${res.status} ${JSON.stringify(res.body)}`)
    const a = performance.now() - t
    t = performance.now()
    await bare()
    if (i >= 30) {
      api.push(a)
      raw.push(performance.now() - t)
    }
  }
  print({ metric: 'post_checkin_ms', n, boundary_vertices: boundary.coordinates[0]!.length - 1, p50: round(pct(api, 50)), p99: round(pct(api, 99)) })
  print({ metric: 'post_checkin_bare_dynamodb_ms', n, p50: round(pct(raw, 50)), p99: round(pct(raw, 99)) })
  const r = pct(api, 50) / pct(raw, 50)
  print({ metric: 'post_checkin_vs_dynamodb_p50_ratio', value: round(r), budget: 1.5, within: r <= 1.5 })
  return { ...me, userId }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const tags: CareTag[][] = [['elderly_alone'], ['low_income'], [], ['left_behind_child', 'disabled'], [], ['key_attention']]
const row = (i: number) => ({
  楼栋: String(1 + Math.floor(i / 40)),
  单元: String(1 + Math.floor((i % 40) / 10)),
  门牌号: String(101 + (i % 10)),
  户主姓名: `住户${i}`,
  人口数: 1 + (i % 5),
  联系电话: `139${String(i).padStart(8, '0')}`,
  关爱标签: tags[i % tags.length]!.map((t) => careTagLabels[t]).join('、'),
  备注: '',
})

/** 2,000 households imported from Excel through the API, against BatchWriteItem of the same sealed items. */
async function rosterFigures(cloud: LocalCloud, c: Client, repos: Repos, idSalt: string, me: { token: string; userId: string }, total = 2000) {
  const sheet = await writeSheet(
    '住户台账',
    rosterColumns,
    Array.from({ length: total }, (_, i) => row(i)),
  )
  const form = (await c.call('POST', '/v1/uploads', me.token, { purpose: 'roster_import', contentType: XLSX, size: sheet.length })).body
  const body = new FormData()
  for (const [k, v] of Object.entries(form.fields as Record<string, string>)) body.append(k, v)
  body.append('file', new Blob([sheet], { type: XLSX }), 'roster.xlsx')
  if ((await fetch(form.url, { method: 'POST', body })).status >= 300) throw new Error('upload of the roster failed')
  let t = performance.now()
  const imported = await c.call('POST', '/v1/households/import', me.token, { gridId: 'g-ragged', fileKey: form.key })
  const api = performance.now() - t
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`)

  // The same households, sealed the same way, written bare into another grid.
  const pii = makePii(localKeyWrapper(cloud.env.PII_LOCAL_KEY!), repos.dataKeys)
  const now = new Date().toISOString()
  const records = await Promise.all(
    Array.from({ length: total }, (_, i) => {
      const r = row(i)
      return sealHousehold(
        { pii, idSalt },
        { districtId: DISTRICT, householdId: `bare${i}`, gridId: 'g-bare', gridName: '对照网格', createdAt: now },
        {
          building: r.楼栋,
          unit: r.单元,
          room: r.门牌号,
          headName: r.户主姓名,
          members: r.人口数,
          phone: r.联系电话,
          careTags: tags[i % tags.length]!,
          notes: '',
        },
        1,
        now,
      )
    }),
  )
  t = performance.now()
  await repos.households.putMany(records)
  const bare = performance.now() - t
  print({ metric: 'import_households_ms', households: total, api_ms: Math.round(api), bare_batch_write_ms: Math.round(bare), ratio: round(api / bare) })

  // The due list of a grid of 500 of them (entered 20 days ago: the tagged ones are due): one Query reads one page.
  const grid = records
    .slice(0, 500)
    .map((h) => ({ ...h, householdId: `due${h.householdId}`, gridId: 'g-due', createdAt: new Date(Date.now() - 20 * 86_400_000).toISOString() }))
  await repos.households.putMany(grid)
  const page = await repos.households.list(DISTRICT, 'g-due', { dueBy: new Date().toISOString(), limit: 20 })
  const due = await repos.households.countDue(DISTRICT, 'g-due', new Date().toISOString())
  print({ metric: 'due_list_items_read', households: 500, due, page_size: 20, queries: 1, items_read: page.items.length, within: page.items.length === 20 })
}
