/**
 * One sweep of the due index (DESIGN.md §4): everything due now, in every district — notices to retry or whose
 * lease ran out, outbox steps the stream did not finish, and each family's timed work (auto-confirm …). It reads only
 * what is due; a failing item is logged and left due, and never stops the others. Its work runs a bounded number of
 * items at a time per kind, so a sweep of thousands of due items neither floods the DynamoDB client's sockets nor
 * starves the requests served beside it.
 */
import type { Deps } from '../services/deps'
import type { DueItem } from './ports'
import { fanOuts, dueWork } from '../families'
import { runSteps, STEP_SIZE } from '../notify/outbox'
import { retry } from '../notify/deliver'
import { asFunction } from '../adapters/aws-calls'
import { chunks, eachAtMost } from '@linli/shared'

export const SWEEP_LIMIT = 100
/** Subjects whose timed work runs at once, per kind (each is a read and a transaction). */
export const SWEEP_WIDTH = 16

/** One kind of due work in a sweep: its items, how many failed, and the time from the sweep's start until it ended. */
export type SweepWork = { items: number; failed: number; ms: number }

export interface SweepReport {
  due: number
  scanned: number
  notices: number
  steps: number
  subjects: number
  failed: number
  /** By kind: `notice`, `step`, and each family's subject (`case`, `booking` …). */
  work: Record<string, SweepWork>
}

/** One sweep (its AWS calls are the sweeper function's, wherever it runs). */
export const sweep = (deps: Deps, limit = SWEEP_LIMIT, lookbackDays?: number) => asFunction('sweeper', () => sweepDue(deps, limit, lookbackDays))

async function sweepDue(deps: Deps, limit: number, lookbackDays?: number): Promise<SweepReport> {
  const started = performance.now()
  const { items, scanned } = await deps.repos.due.due(deps.clock(), limit, lookbackDays)
  const notices = items.flatMap((i) => (i.kind === 'notice' ? [i.notice] : []))
  const steps = items.flatMap((i) => (i.kind === 'outboxEvent' ? [i.event] : []))
  const subjects = new Map<string, Extract<DueItem, { kind: 'subject' }>[]>()
  for (const i of items)
    if (i.kind === 'subject')
      subjects
        .set(i.subject, subjects.get(i.subject) ?? [])
        .get(i.subject)!
        .push(i)
  // Each kind's items in groups (a batch of notices, of steps, one subject), a few groups at a time.
  const kind = async <T>(groups: T[][], width: number, run: (group: T[]) => Promise<unknown>): Promise<SweepWork> => {
    let failed = 0
    await eachAtMost(groups, width, (group) =>
      run(group).catch((err) => {
        failed += group.length
        console.error(JSON.stringify({ level: 'error', job: 'sweep', error: String(err) }))
      }),
    )
    return { items: groups.flat().length, failed, ms: Math.round(performance.now() - started) }
  }
  const kinds = await Promise.all(
    [
      ['notice', kind(chunks(notices, 100), 2, (group) => retry(deps, group))] as const,
      ['step', kind(chunks(steps, STEP_SIZE), 2, (group) => runSteps(deps, group, (k) => fanOuts[k]))] as const,
      ...[...subjects].map(([subject, due]) => [subject, kind(chunks(due, 1), SWEEP_WIDTH, ([i]) => dueWork(deps, i!))] as const),
    ].map(async ([name, work]) => [name, await work] as const),
  )
  const work: Record<string, SweepWork> = Object.fromEntries(kinds.filter(([, w]) => w.items))
  return {
    due: items.length,
    scanned,
    notices: notices.length,
    steps: steps.length,
    subjects: items.length - notices.length - steps.length,
    failed: Object.values(work).reduce((n, w) => n + w.failed, 0),
    work,
  }
}
