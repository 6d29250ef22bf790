/**
 * Delivery of claimed notices (DESIGN.md §5): each is sent once through the sender and its outcome recorded with the
 * others in one batch. WeChat's errcodes decide what follows: 43101 (refused) → dead, and the user's remaining grants
 * for the template are reset; quota and busy answers, HTTP errors → retried later with backoff; other errcodes → dead.
 * At most once: a send WeChat did not answer in time, or one a stopped worker left handed, may have arrived, so it
 * ends dead (结果未知) rather than sent twice.
 */
import { templateData, templatePage } from '@linli/shared'
import type { Deps } from '../services/deps'
import { SendError, type NoticeRecord } from './ports'

export const MAX_ATTEMPTS = 5
export const LEASE_SECONDS = 60
const BACKOFF_SECONDS = 5
/** System busy, stale token after the client's own refresh, API frequency and daily quotas: worth another try. */
const RETRY_LATER = new Set([-1, 40001, 45009, 45011, 45047])
const REFUSED = 43101

/**
 * Sends claimed notices and records every outcome together; returns the outcomes. First they are marked `handed`
 * (one batch write): a worker that stops after that point leaves notices WeChat may have, which are never sent again.
 */
export async function send(deps: Deps, claimed: readonly NoticeRecord[], onHanded?: () => void): Promise<NoticeRecord[]> {
  const now = deps.clock()
  const handed = claimed.map((n) => ({ ...n, state: 'handed' as const }))
  await deps.repos.outbox.save(handed)
  onHanded?.()
  const attempts = await Promise.allSettled(handed.map((n) => attempt(deps, n, now)))
  const outcomes = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []))
  await deps.repos.outbox.save(outcomes)
  await Promise.all(outcomes.filter((n) => n.lastErrcode === REFUSED).map((n) => deps.repos.consents.resetGrants(n.recipientId, n.templateKey)))
  // A notice whose send failed unexpectedly stays handed, its outcome unknown: the sweeper gives it up (retry).
  const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected')
  if (failed) throw failed.reason
  return outcomes
}

/**
 * The sweeper's retries: notices that failed, or whose worker stopped before handing them to WeChat, are claimed
 * again and sent. A notice still `handed` when its lease ran out was taken by a worker that stopped mid-send (a crash,
 * the function's timeout): WeChat may have it, so it is never sent again — it ends dead, saying why (at most once: a
 * second message would spend a second grant).
 */
export async function retry(deps: Deps, due: readonly NoticeRecord[]): Promise<NoticeRecord[]> {
  const lease = new Date(deps.clock().getTime() + LEASE_SECONDS * 1000).toISOString()
  const [failed, stale] = [due.filter((n) => n.state !== 'handed'), due.filter((n) => n.state === 'handed')]
  const [sent, givenUp] = await Promise.all([send(deps, await deps.repos.outbox.claim(failed, lease)), giveUp(deps, stale, lease)])
  return [...sent, ...givenUp]
}

async function giveUp(deps: Deps, stale: readonly NoticeRecord[], lease: string): Promise<NoticeRecord[]> {
  const taken = await deps.repos.outbox.claim(stale, lease)
  const dead = taken.map((n) => ({ ...n, state: 'dead' as const, dueAt: undefined, lastErrcode: undefined, lastError: UNKNOWN_OUTCOME }))
  await deps.repos.outbox.save(dead)
  return dead
}

export const UNKNOWN_OUTCOME = '发送中断，结果未知：为免重复不再发送'

/** One send, and what the notice becomes (not yet recorded). */
async function attempt(deps: Deps, notice: NoticeRecord, now: Date): Promise<NoticeRecord> {
  const outcome = (n: Partial<NoticeRecord>): NoticeRecord => ({ ...notice, dueAt: undefined, lastErrcode: undefined, lastError: undefined, ...n })
  const attempts = notice.attempts + 1
  const t = deps.templates[notice.templateKey]
  try {
    // Nothing has gone to WeChat yet: a failure to read the recipient is a failure like any other, tried again later.
    const openid = await openidOf(deps, notice.recipientId).catch((err: Error) => {
      throw new SendError(undefined, `收件人读取失败：${err.message}`)
    })
    if (!openid) return outcome({ state: 'dead', attempts, lastError: '收件人没有微信身份' })
    await deps.sender.send({
      openid,
      templateId: t.id,
      page: templatePage(notice.templateKey, notice.subject.id),
      data: templateData(notice.templateKey, notice.fields, t.keywords),
      miniprogramState: deps.miniprogramState,
    })
    return outcome({ state: 'sent', attempts, sentAt: deps.clock().toISOString() })
  } catch (err) {
    if (!(err instanceof SendError)) throw err
    const failed = { attempts, lastErrcode: err.errcode, lastError: err.message }
    // No answer in time: WeChat may have sent it, so it is not sent again (at most once).
    if (err.outcomeUnknown) return outcome({ ...failed, state: 'dead', lastError: UNKNOWN_OUTCOME })
    if (err.errcode !== undefined && !RETRY_LATER.has(err.errcode)) return outcome({ ...failed, state: 'dead' })
    if (attempts >= MAX_ATTEMPTS) return outcome({ ...failed, state: 'dead' })
    const quota = err.errcode === 45009 || err.errcode === 45047
    const delay = quota ? 15 * 60 * attempts : BACKOFF_SECONDS * 2 ** (attempts - 1)
    return outcome({ ...failed, state: 'failed', dueAt: new Date(now.getTime() + delay * 1000).toISOString() })
  }
}

/** A user id is an HMAC of the openid, so a user's openid never changes: each container remembers the ones it used. */
const openids = new Map<string, string>()
async function openidOf(deps: Deps, userId: string): Promise<string | undefined> {
  const known = openids.get(userId)
  if (known) return known
  const openid = (await deps.repos.users.getWithRoles(userId))?.user.openid
  if (openid) {
    if (openids.size >= 10_000) openids.clear()
    openids.set(userId, openid)
  }
  return openid
}
