/**
 * One sweep of the due index (DESIGN.md §4): everything due now, in every district — notices to retry or whose
 * lease ran out, outbox steps the stream did not finish, and each family's timed work (auto-confirm …). It reads only
 * what is due; a failing item is logged and left due, and never stops the others.
 */
import type { Deps } from '../services/deps'
import { fanOuts, dueWork } from '../families'
import { runSteps } from '../notify/outbox'
import { retry } from '../notify/deliver'
import { asFunction } from '../adapters/aws-calls'

export const SWEEP_LIMIT = 100

export interface SweepReport {
  due: number
  scanned: number
  notices: number
  steps: number
  subjects: number
  failed: number
}

/** One sweep (its AWS calls are the sweeper function's, wherever it runs). */
export const sweep = (deps: Deps, limit = SWEEP_LIMIT, lookbackDays?: number) => asFunction('sweeper', () => sweepDue(deps, limit, lookbackDays))

async function sweepDue(deps: Deps, limit: number, lookbackDays?: number): Promise<SweepReport> {
  const { items, scanned } = await deps.repos.due.due(deps.clock(), limit, lookbackDays)
  const notices = items.flatMap((i) => (i.kind === 'notice' ? [i.notice] : []))
  const steps = items.flatMap((i) => (i.kind === 'outboxEvent' ? [i.event] : []))
  const others = items.flatMap((i) => (i.kind === 'subject' ? [i] : []))
  const results = await Promise.allSettled([
    ...(notices.length ? [retry(deps, notices)] : []),
    ...(steps.length ? [runSteps(deps, steps, (kind) => fanOuts[kind])] : []),
    ...others.map((i) => dueWork(deps, i)),
  ])
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  for (const f of failed) console.error(JSON.stringify({ level: 'error', job: 'sweep', error: String(f.reason) }))
  return { due: items.length, scanned, notices: notices.length, steps: steps.length, subjects: others.length, failed: failed.length }
}
