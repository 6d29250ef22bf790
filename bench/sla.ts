/**
 * The SLA clock's figures (issue 11): one sweep over 1,000 and then over 100,000 open cases (BENCH_SLA_CASES), of which
 * 100 are due for their 黄牌 each time — what the sweep reads and how long it takes must stay flat — and a street's
 * 三率 for a month: the items the report reads, and its time against the bare Query of those items.
 */
import type { LocalCloud } from '../infra/local/cloud'
import { bulkCases, type Repos } from '../functions/src/db'
import { loadConfig } from '../functions/src/config'
import { buildDeps } from '../functions/src/runtime'
import { sweep } from '../functions/src/jobs/sweep'
import { addDays, chinaDate } from '@linli/shared'
import { inBatches, print, type Client } from './core'

const DUE = 100
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function slaFigures(cloud: LocalCloud, c: Client, repos: Repos, large = Number(process.env.BENCH_SLA_CASES ?? 100_000)) {
  await sweepsAtTwoSizes(cloud, c, repos, large)
  await monthOfRates(c, repos)
}

/**
 * Dispatched cases whose resolve clock started now and ends in 2.5 h: their 黄牌 falls due at +2 h. The sweeps run on
 * clocks 2.4 h and 2.45 h ahead (before the deadline), so the local cloud's own sweeper, on real time, leaves them be.
 */
async function sweepsAtTwoSizes(cloud: LocalCloud, c: Client, repos: Repos, large: number) {
  const resident = await c.login('o-bench-sla')
  const sample = (
    await c.call('POST', '/v1/cases', resident.token, {
      categoryId: 'cat-noise',
      description: '楼下商铺夜里噪音很大',
      location: { lat: 30.5051, lng: 114.3052 },
    })
  ).body.id as string
  const { record, timeline } = (await repos.cases.get('linjiang', sample))!
  const now = Date.now()
  const at = (hours: number) => new Date(now + hours * 3600_000).toISOString()
  const open = { ...record, caseId: '', status: 'dispatched' as const, sla: { stage: 'resolve' as const, startedAt: at(0), deadline: at(2.5) } }
  const connection = { tableName: cloud.env.TABLE_NAME!, region: cloud.env.AWS_REGION!, endpoint: cloud.env.DYNAMODB_ENDPOINT }
  const deps = buildDeps(await loadConfig(cloud.env))
  // Ids from 500,000 on: the resolved cases of the core sweep figure (ids from 0) stay as they are.
  const rounds = [
    { total: 1_000, offset: 500_000, dueAt: at(2), sweepAt: 2.4 },
    { total: large, offset: 501_000, dueAt: at(2.42), sweepAt: 2.45 },
  ]
  // A first sweep with nothing due warms the bench's connections and the catalogue cache for both rounds alike.
  await sweep({ ...deps, clock: () => new Date(now) }, 1000)
  let filled = 0
  for (const r of rounds) {
    const started = Date.now()
    // The first 100 of the round are due at its sweep; every other case falls due over the following days.
    await bulkCases(connection, open, timeline, r.total - filled, r.offset, (i) => (i < r.offset + DUE ? r.dueAt : at(3 + (i % 140))))
    const fill = Math.round((Date.now() - started) / 1000)
    filled = r.total
    const t = Date.now()
    const report = await sweep({ ...deps, clock: () => new Date(now + r.sweepAt * 3600_000) }, 1000)
    const sweepMs = Date.now() - t
    const warned = (await inBatches(DUE, 20, (i) => repos.cases.get('linjiang', `bulkcase${r.offset + i}`))).filter(
      (x) => x?.record.sla?.mark === 'warn',
    ).length
    print({
      metric: 'sla_sweep',
      open_cases: r.total,
      due: DUE,
      scanned: report.scanned,
      items_due: report.due,
      warned,
      failed: report.failed,
      sweep_ms: sweepMs,
      fill_seconds: fill,
      within: report.scanned <= DUE * 1.1 + 10 && warned === DUE,
    })
  }
}

/** A street's counts for 31 days (one item a day), read through GET /v1/reports/rates and by the bare Query. */
async function monthOfRates(c: Client, repos: Repos, samples = 50) {
  const admin = await c.login('o-demo-admin')
  const today = chinaDate(new Date())
  const from = addDays(today, -30)
  await inBatches(31, 10, (d) =>
    repos.rates.count(
      { districtId: 'linjiang', eventId: `bench-rates-${d}` },
      {
        day: addDays(from, d),
        nodes: [{ level: 'street', nodeId: 's-bailu' }],
        tally: { received: 20, accepted: 18, acceptedInTime: 17, resolved: 15, resolvedInTime: 12, rated: 10, ratingSum: 43, satisfied: 8 },
      },
      new Date(),
    ),
  )
  const path = `/v1/reports/rates?level=street&nodeId=s-bailu&from=${from}&to=${today}`
  const api: number[] = []
  const bare: number[] = []
  let scanned = 0
  let days = 0
  for (let i = 0; i < samples; i++) {
    let t = performance.now()
    const res = await c.call('GET', path, admin.token)
    api.push(performance.now() - t)
    days = res.body.days.length
    t = performance.now()
    scanned = (await repos.rates.days('linjiang', 'street', 's-bailu', from, today)).scanned
    bare.push(performance.now() - t)
  }
  const ms = (x: number) => Math.round(x * 100) / 100
  print({
    metric: 'rates_month_street',
    days,
    items_read: scanned,
    api_ms_p50: ms(median(api)),
    bare_query_ms_p50: ms(median(bare)),
    ratio: ms(median(api) / median(bare)),
    within: scanned === 31 && days === 31,
  })
}
