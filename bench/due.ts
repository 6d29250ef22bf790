/**
 * Due work of two families in one sweep (issue 28): resolved cases nobody rated (auto-confirmed) and bookings whose
 * reminder is due, 800 of each (BENCH_DUE_EACH), all due at the sweep's clock. What the sweep read, what it did and
 * the time per item of each kind; and GET /v1/cases?view=mine against its bare calls while the sweep runs beside it.
 * The sweep's clock is 30 days back: nothing another section left on the due index is due then (a quiet start).
 */
import type { LocalCloud } from '../infra/local/cloud'
import { bulkCases, type Repos } from '../functions/src/db'
import { transactionProbe } from '../functions/src/db/bulk'
import { bulkBookings } from '../functions/src/db/mediation/bulk'
import { loadConfig } from '../functions/src/config'
import { buildDeps } from '../functions/src/runtime'
import { sweep, SWEEP_WIDTH } from '../functions/src/jobs/sweep'
import { chinaDate, eachAtMost } from '@linli/shared'
import { print, resolvedCase, type Client } from './core'
import { bookingTemplate, ROOM } from './mediation'

const DISTRICT = 'linjiang'
const OFFSET = 900_000
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

export async function mixedSweep(cloud: LocalCloud, c: Client, repos: Repos, each = Number(process.env.BENCH_DUE_EACH ?? 800)) {
  const connection = { tableName: cloud.env.TABLE_NAME!, region: cloud.env.AWS_REGION!, endpoint: cloud.env.DYNAMODB_ENDPOINT }
  const sweepAt = Date.now() - 30 * 86_400_000
  const dueAt = () => new Date(sweepAt - 60_000).toISOString()
  const { resolved, timeline } = await resolvedCase(c, repos, sweepAt - 73 * 3600_000)
  const mediator = await c.login('o-bench-due-mediator')
  await Promise.all([
    bulkCases(connection, resolved, timeline, each, OFFSET, dueAt),
    bulkBookings(
      connection,
      bookingTemplate(mediator.user.id, sweepAt - 86_400_000),
      each,
      (i) => ({ roomId: ROOM, date: chinaDate(new Date(sweepAt + 86_400_000)), time: '09:00', mediatorId: `bench-due-${i}` }),
      dueAt,
      OFFSET,
    ),
  ])

  // The API beside the sweep: a resident's list, against the same two calls made straight.
  const resident = await c.login('o-bench-sweep')
  const api: number[] = []
  const bare: number[] = []
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  let sweeping = true
  const beside = (async () => {
    while (sweeping) {
      api.push(await time(() => c.call('GET', '/v1/cases?view=mine', resident.token)))
      bare.push(
        await time(() =>
          repos.users.getWithRoles(resident.user.id).then(() => repos.cases.list(DISTRICT, { kind: 'mine', userId: resident.user.id }, undefined, 20)),
        ),
      )
    }
  })()
  const deps = { ...buildDeps(await loadConfig(cloud.env)), clock: () => new Date(sweepAt) }
  const t = performance.now()
  const report = await sweep(deps, 1000)
  const sweepMs = Math.round(performance.now() - t)
  sweeping = false
  await beside

  const ids = Array.from({ length: each }, (_, i) => OFFSET + i)
  const closed = (await Promise.all(ids.map((i) => repos.cases.get(DISTRICT, `bulkcase${i}`)))).filter((x) => x?.record.status === 'closed').length
  const reminded = (await Promise.all(ids.map((i) => repos.mediation.get(DISTRICT, `bulkbooking${i}`)))).filter((b) => b?.record.reminded === 1).length
  const perItem = Object.fromEntries(Object.entries(report.work).map(([kind, w]) => [kind, { ...w, ms_per_item: Math.round((w.ms / w.items) * 100) / 100 }]))
  print({
    metric: 'due_sweep_mixed',
    due: 2 * each,
    scanned: report.scanned,
    items_due: report.due,
    acted: { case: closed, booking: reminded },
    failed: report.failed,
    work: perItem,
    sweep_ms: sweepMs,
    within: closed === each && reminded === each && report.scanned <= 2 * each * 1.1 + 10,
  })
  // DynamoDB Local runs one transaction at a time: the floor is the same reads and transactions made straight, as
  // many at once as the sweep makes (a GetItem, then a transaction of six puts, per item).
  const transaction = transactionProbe(connection)
  const f = performance.now()
  await eachAtMost(ids, SWEEP_WIDTH, async (i) => {
    await repos.cases.get(DISTRICT, `bulkcase${i}`)
    await transaction(`due#case#${i}`, 6)
  })
  await eachAtMost(ids, SWEEP_WIDTH, async (i) => {
    await repos.mediation.get(DISTRICT, `bulkbooking${i}`)
    await transaction(`due#booking#${i}`, 3)
  })
  const floorMs = Math.round(performance.now() - f)
  print({
    metric: 'due_sweep_mixed_vs_its_bare_calls',
    sweep_ms: sweepMs,
    bare_ms: floorMs,
    ratio: Math.round((sweepMs / floorMs) * 100) / 100,
    budget: 1.5,
    within: sweepMs <= 1.5 * floorMs,
  })
  const ratio = pct(api, 50) / pct(bare, 50)
  print({
    metric: 'get_cases_mine_beside_sweep_vs_dynamodb_p50_ratio',
    samples: api.length,
    value: Math.round(ratio * 100) / 100,
    budget: 1.5,
    within: ratio <= 1.5,
  })
}
