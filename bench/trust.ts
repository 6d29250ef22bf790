/**
 * The trust figure (issue 8): BENCH_SUBMISSIONS (10,000) emergency reports, each sent twice with the same
 * Idempotency-Key (half as twins in flight together, half as a retry after the answer), while the WeChat stand-in
 * fails about 30 % of sends (busy, quota, HTTP 500, invalid openid, no answer in time). Each report is auto-dispatched
 * to an official whose grants cover them all. Then the clock moves and the sweeper runs until nothing is due.
 * Printed: how many cases exist (exactly one per report), 5xx answers, and every notice's end — sent, or dead with
 * its reason — and how many reached WeChat twice (none may).
 */
import { invokeLambda, type LocalCloud } from '../infra/local/cloud'
import type { Repos } from '../functions/src/db'
import type { NoticeRecord } from '../functions/src/notify/ports'
import { inBatches, print, resets, type Client } from './core'

const OFFICIAL = 'o-bench-trust-official'
const RESIDENTS = 100
/** About 30 % of sends fail, each way WeChat fails (first match wins, so the shares compound to ≈ 30 %). */
const FAULTS = [
  { errcode: -1, chance: 0.08 },
  { errcode: 45011, chance: 0.05 },
  { httpStatus: 500, chance: 0.07 },
  { errcode: 40003, chance: 0.05 },
  { delayMs: 6000, chance: 0.06 },
]

export async function trustFigures(cloud: LocalCloud, c: Client, repos: Repos, n = Number(process.env.BENCH_SUBMISSIONS ?? 10_000)) {
  const started = Date.now()
  const admin = await c.login('o-demo-admin')
  const invite = (await c.call('POST', '/v1/invites', admin.token, { role: 'official', scopeId: 'dept-gas' })).body
  const official = await c.login(OFFICIAL)
  await c.call('POST', '/v1/invites/redeem', official.token, { code: invite.code })
  await inBatches(n + 10, 50, () => repos.consents.addGrant(official.user.id, 'case_dispatch'))
  const residents = await inBatches(RESIDENTS, 20, (i) => c.login(`o-bench-trust-${i}`))
  for (const f of FAULTS) cloud.standin.faults.add({ api: 'subscribe_send', openid: OFFICIAL, ...f })

  // Each report twice with one key: twins in flight together (even), or a retry once the first answered (odd).
  const key = `trust-${Date.now().toString(36)}`
  const body = { categoryId: 'cat-gas-leak', description: '楼道里有很重的煤气味，请马上来人', location: { lat: 30.5051, lng: 114.3052 } }
  const answers = await inBatches(n, 40, async (i) => {
    const token = residents[i % RESIDENTS]!.token
    const once = () => c.call('POST', '/v1/cases', token, body, { 'idempotency-key': `${key}-${i}` })
    return i % 2 ? [await once(), await once()] : Promise.all([once(), once()])
  })
  const statuses = answers.flat().map((a) => a.status)
  const ids = new Set(
    answers
      .flat()
      .filter((a) => a.status === 201)
      .map((a) => a.body.id as string),
  )
  const pairsAgree = answers.filter(([a, b]) => a!.status === 201 && b!.status === 201 && a!.body.id === b!.body.id).length
  const submitSeconds = (Date.now() - started) / 1000

  // The cases as the residents' own lists hold them: exactly one per report.
  let listed = 0
  for (const r of residents) {
    let cursor: string | undefined
    do {
      const page = (await c.call('GET', `/v1/cases?view=mine&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, r.token)).body
      listed += page.items.length
      cursor = page.nextCursor
    } while (cursor)
  }

  // The sweeper runs as its schedule would, back to back: while something is due it works (100 items a run); when
  // nothing is, the clock moves two minutes (retries back off, leases end). Done after six quiet minutes.
  let quiet = 0
  let rounds = 0
  let sweepsReset = 0
  while (quiet < 3 && rounds < 3000) {
    rounds++
    // A sweep is safe to run again: one the local cloud reset is counted and the loop goes on.
    const report = (await invokeLambda(cloud.ports.lambda, 'sweeper').catch((err: Error) => {
      sweepsReset++
      return { error: String(err) }
    })) as { due?: number }
    if (report?.due) quiet = 0
    else {
      quiet++
      await c.call('POST', '/local/clock', undefined, { advanceMinutes: 2 })
    }
  }

  const notices = (await inBatches(ids.size, 50, (i) => repos.outbox.notices('linjiang', { kind: 'case', id: [...ids][i]! }, 10)))
    .flat()
    .filter((x: NoticeRecord) => x.recipientId === official.user.id)
  const byState: Record<string, number> = {}
  const deadReasons: Record<string, number> = {}
  for (const x of notices) {
    byState[x.state] = (byState[x.state] ?? 0) + 1
    if (x.state === 'dead') {
      const reason = x.lastErrcode !== undefined ? `errcode ${x.lastErrcode}` : (x.lastError ?? '?')
      deadReasons[reason] = (deadReasons[reason] ?? 0) + 1
    }
  }
  const perNumber = new Map<string, number>()
  for (const m of cloud.standin.messages)
    if (m.touser === OFFICIAL) perNumber.set(m.data.character_string1?.value ?? '?', (perNumber.get(m.data.character_string1?.value ?? '?') ?? 0) + 1)
  print({
    metric: 'trust_submissions',
    reports: n,
    requests: statuses.length,
    status5xx: statuses.filter((s) => s >= 500).length,
    statusOther: statuses.filter((s) => s !== 201 && s < 500).length,
    cases: ids.size,
    casesListed: listed,
    pairsAnsweredAlike: pairsAgree,
    exactlyOnePerReport: ids.size === n && listed === n && pairsAgree === n,
    submitSeconds: Math.round(submitSeconds),
    notices: notices.length,
    byState,
    deadReasons,
    sweeperRounds: rounds,
    sweepsReset,
    connectionsReset: resets.count,
    messagesAtWechat: [...perNumber.values()].reduce((a, b) => a + b, 0),
    sentTwice: [...perNumber.values()].filter((k) => k > 1).length,
    seconds: Math.round((Date.now() - started) / 1000),
  })
}
