/**
 * Command centre figures (issue 26): the dashboard (GET /v1/command/overview) and a month's ranking of grids
 * (GET /v1/command/rankings) read with the counters of 1,000 and of 100,000 cases — p50 and the items read, against
 * the bare reads of the same items — and the time from a report to the dashboard counting it (stream, fan-out, read).
 *
 * The counters are written by the case loop's own repository (`rates.count`), as the fan-out writes them:
 * a case adds to the day and month items of its district, street, grid and department. For 100,000 cases the adds
 * carry 100 cases each (the items are the same; only their numbers grow), which is what makes the reads flat.
 */
import { bulkCases, type DbConnection, type Repos } from '../functions/src/db'
import { addDays, caseStatuses, chinaDate, chinaInstant, monthsBefore, type RateLevel } from '@linli/shared'
import { districtLikeDemo, seedPersona } from '../infra/seed'
import { print, type Client } from './core'

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const round = (n: number) => Math.round(n * 100) / 100
const timed = async (n: number, fn: () => Promise<unknown>) => {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const s = performance.now()
    await fn()
    times.push(performance.now() - s)
  }
  return pct(times, 50)
}

/** A district whose counters hold `cases` cases over the last 60 days, spread over its grids. */
async function districtWith(repos: Repos, idSalt: string, id: string, cases: number) {
  const catalogue = districtLikeDemo({ id, name: `测速区${cases}`, casePrefix: 'CS' })
  await repos.catalogue.save(catalogue)
  const openid = `o-bench-${id}`
  await seedPersona(repos, catalogue, { openid, name: '测速坐席', role: 'dispatcher', scopeId: id, phone: '13900000000', title: '' }, idSalt)
  const grids = catalogue.nodes.filter((n) => n.level === 'grid')
  const streetOf = (g: (typeof grids)[number]) => catalogue.nodes.find((c) => c.id === g.parentId)!.parentId!
  const per = cases > 1000 ? 100 : 1
  const today = chinaDate(new Date().toISOString())
  const now = new Date()
  for (let i = 0; i < cases / per; i++) {
    const grid = grids[i % grids.length]!
    const nodes: { level: RateLevel; nodeId: string }[] = [
      { level: 'district', nodeId: id },
      { level: 'street', nodeId: streetOf(grid) },
      { level: 'grid', nodeId: grid.id },
      { level: 'department', nodeId: catalogue.departments[i % catalogue.departments.length]!.id },
    ]
    const day = addDays(today, -(i % 60))
    const resolved = i % 5 ? per : 0
    await repos.rates.count(
      { districtId: id, eventId: `bench-${i}` },
      {
        day,
        nodes,
        tally: {
          received: per,
          accepted: per,
          acceptedInTime: per,
          dispatched: per,
          dispatchedInTime: per,
          resolved,
          resolvedInTime: resolved,
          rated: resolved,
          ratingSum: 5 * resolved,
          satisfied: resolved,
        },
        gauges: resolved ? [] : nodes.map((n) => ({ ...n, delta: { open: per, openOverdue: i % 3 ? 0 : per } })),
      },
      now,
    )
  }
  return { catalogue, openid, today }
}

export async function commandFigures(c: Client, repos: Repos, idSalt: string, db: DbConnection) {
  for (const cases of [1_000, 100_000]) {
    const id = `benchcmd${cases}`
    const { openid, today } = await districtWith(repos, idSalt, id, cases)
    const dispatcher = await c.login(openid)
    const month = today.slice(0, 7)
    const overview = await c.call('GET', '/v1/command/overview', dispatcher.token)
    if (overview.status !== 200 || overview.body.rates.year.received < cases * 0.5)
      throw new Error(`overview: ${overview.status} ${JSON.stringify(overview.body).slice(0, 300)}`)
    const api = await timed(50, () => c.call('GET', '/v1/command/overview', dispatcher.token))
    // The same items read bare: today's day item, the year's months, the streets' month, the two levels' gauges.
    const months = Array.from({ length: Number(month.slice(5)) }, (_, i) => `${month.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`)
    let items = 0
    const bare = await timed(50, async () => {
      const [d, m, u, g1, g2] = await Promise.all([
        repos.rates.days(id, 'district', id, today, today),
        repos.rates.months(id, 'district', id, months),
        repos.rates.month(id, 'street', month),
        repos.rates.gauges(id, 'district'),
        repos.rates.gauges(id, 'street'),
      ])
      items = d.items.length + m.size + u.size + g1.size + g2.size
    })
    print({ metric: 'command_overview_ms', cases, p50: round(api), bare_p50: round(bare), items_read: items, ratio: round(api / bare) })

    const rankApi = await timed(50, () => c.call('GET', `/v1/command/rankings?level=grid&month=${month}`, dispatcher.token))
    let rankItems = 0
    const rankBare = await timed(50, async () => {
      const maps = await Promise.all([month, monthsBefore(month).previous, monthsBefore(month).lastYear].map((m) => repos.rates.month(id, 'grid', m)))
      rankItems = maps.reduce((n, m) => n + m.size, 0)
    })
    print({
      metric: 'command_rankings_ms',
      cases,
      level: 'grid',
      p50: round(rankApi),
      bare_p50: round(rankBare),
      items_read: rankItems,
      ratio: round(rankApi / rankBare),
    })
  }

  // From a report to the dashboard counting it: the case written, the stream read, the fan-out's counters, the read.
  const watcher = await c.login('o-demo-district-dispatcher')
  const resident = await c.login('o-demo-resident')
  const before = (await c.call('GET', '/v1/command/overview', watcher.token)).body.today.received as number
  const s = performance.now()
  const made = await c.call('POST', '/v1/cases', resident.token, {
    categoryId: 'cat-water-off',
    description: '测速：停水',
    location: { lat: 30.5071, lng: 114.3149 },
  })
  if (made.status !== 201 && made.status !== 200) throw new Error(`report: ${made.status}`)
  for (;;) {
    const now = (await c.call('GET', '/v1/command/overview', watcher.token)).body.today.received as number
    if (now > before) break
    if (performance.now() - s > 60_000) throw new Error('the dashboard did not count the report within 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  print({ metric: 'command_event_to_dashboard_ms', ms: Math.round(performance.now() - s), budget_ms: 30_000, within: performance.now() - s < 30_000 })

  await exportFigures(c, repos, idSalt, db)
}

/**
 * An export of the most one request answers (2,000 cases of a street, today): time, file size, against the bare reads
 * of the same items (the nine statuses' pages and the BatchGets of the records).
 */
async function exportFigures(c: Client, repos: Repos, idSalt: string, db: DbConnection, cases = 2000) {
  const id = 'benchexport'
  const { catalogue, openid, today } = await districtWith(repos, idSalt, id, 0)
  await seedPersona(repos, catalogue, { openid: `${openid}-r`, name: '测速居民', role: 'resident', scopeId: id, phone: '13900000001', title: '' }, idSalt)
  const [dispatcher, resident] = [await c.login(openid), await c.login(`${openid}-r`)]
  const made = await c.call('POST', '/v1/cases', resident.token, {
    categoryId: 'cat-water-off',
    description: '测速：停水',
    location: { lat: 30.5225, lng: 114.355 },
  })
  const { record, timeline } = (await repos.cases.get(id, made.body.id))!
  await bulkCases(db, record, timeline, cases - 1, 0, () => undefined)
  const s = performance.now()
  const res = await c.call('GET', `/v1/command/cases.xlsx?from=${today}&to=${today}`, dispatcher.token)
  const api = performance.now() - s
  if (res.status !== 200) throw new Error(`export: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  const b = performance.now()
  const ids: string[] = []
  for (const status of caseStatuses) {
    let key: Record<string, unknown> | undefined
    do {
      const page = await repos.cases.changedSince(id, status, chinaInstant(today, '00:00').toISOString(), 200, key)
      ids.push(...page.items.map((i) => i.caseId))
      key = page.lastKey
    } while (key)
  }
  await Promise.all(Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => repos.cases.many(id, ids.slice(i * 100, i * 100 + 100))))
  const bare = performance.now() - b
  print({ metric: 'command_export_ms', cases, api_ms: Math.round(api), bare_reads_ms: Math.round(bare), file_bytes: res.bytes, ratio: round(api / bare) })
}
