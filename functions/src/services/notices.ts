/**
 * Subscribe-message notices (DESIGN.md §5). A transition writes them into the outbox in its own transaction; the
 * stream-triggered notifier and the sweeper deliver them. Each notice keeps its own state, attempts and last errcode.
 */
import { caseStatusLabels, isDomainError, transitions, type Audience, type CaseEventType, type TemplateKey } from '@linli/shared'
import { WechatError } from '../adapters/wechat'
import type { CaseRecord, NoticeRecord } from '../model'
import type { Deps } from './deps'

export const MAX_ATTEMPTS = 5
const LEASE_SECONDS = 60
const BACKOFF_SECONDS = 5

/** WeChat's limits: thing ≤ 20 characters, phrase ≤ 5. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s)
const time = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

export interface Recipient {
  id: string
  name: string
}

/** The notices a transition owes: one per recipient, the dispatch template to assignees, progress to the rest. */
export function noticesFor(deps: Deps, c: CaseRecord, event: CaseEventType, audiences: readonly Audience[], followers: readonly Recipient[], note?: string): NoticeRecord[] {
  const now = deps.clock()
  const recipients = new Map<string, { r: Recipient; template: TemplateKey }>()
  for (const audience of audiences) {
    if (audience === 'assignees') c.assigneeIds.forEach((id, i) => recipients.set(id, { r: { id, name: c.assigneeNames[i] ?? '' }, template: 'case_dispatch' }))
    if (audience === 'reporter') recipients.set(c.reporterId, { r: { id: c.reporterId, name: c.reporterName }, template: 'case_progress' })
    if (audience === 'followers') followers.forEach((f) => recipients.set(f.id, { r: f, template: 'case_progress' }))
  }
  return [...recipients.values()].map(({ r, template }): NoticeRecord => ({
    caseId: c.caseId,
    noticeId: `${now.toISOString()}#${deps.newId()}`,
    districtId: c.districtId,
    recipientId: r.id,
    recipientName: r.name,
    templateKey: template,
    event,
    page: `packages/case/detail/index?id=${c.caseId}`,
    data: (template === 'case_dispatch'
        ? { character_string1: { value: c.number }, thing2: { value: thing(c.categoryName) }, thing3: { value: thing(c.address ?? c.description) }, time4: { value: time(new Date(c.resolveBy)) } }
        : { character_string1: { value: c.number }, phrase2: { value: caseStatusLabels[c.status].slice(0, 5) }, thing3: { value: thing(note ?? transitions[event].label) }, time4: { value: time(now) } }) as NoticeRecord['data'],
    state: 'pending',
    attempts: 0,
    createdAt: now.toISOString(),
    dueAt: now.toISOString(),
  }))
}

/**
 * Delivers notices (a stream batch, the sweeper's due list) with a few writes however many there are: claim them
 * (only one worker may hold a notice), spend the recipients' one-time consents per recipient and template, send each,
 * record every outcome together. 43101 and other permanent errcodes → dead; WeChat unreachable → retry with backoff.
 * A notice whose attempt fails unexpectedly keeps its lease and is re-driven by the sweeper when it expires; the
 * others are recorded first, then the error is thrown.
 */
export async function deliver(deps: Deps, batch: readonly NoticeRecord[]): Promise<NoticeRecord[]> {
  const now = deps.clock()
  const due = batch.filter((n) => ['pending', 'failed', 'sending'].includes(n.state) && !(n.dueAt && n.dueAt > now.toISOString()))
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()
  const claimed = await deps.repos.cases.claimNotices(due, lease)
  const consented = await spendConsents(deps, claimed.filter((n) => n.attempts === 0))
  const attempts = await Promise.allSettled(claimed.map((n) => attempt(deps, n, n.attempts > 0 || consented.has(n), now)))
  const outcomes = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []))
  await deps.repos.cases.saveNotices(outcomes)
  const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected')
  if (failed) throw failed.reason
  return outcomes
}

/** First attempts spend one grant each: per recipient and template at once, the oldest notices first. */
async function spendConsents(deps: Deps, firsts: NoticeRecord[]): Promise<Set<NoticeRecord>> {
  const groups = new Map<string, NoticeRecord[]>()
  for (const n of [...firsts].sort((a, b) => a.noticeId.localeCompare(b.noticeId))) {
    const key = `${n.recipientId}#${n.templateKey}`
    const group = groups.get(key) ?? []
    group.push(n)
    groups.set(key, group)
  }
  const granted = await Promise.all(
    [...groups.values()].map(async (group) => group.slice(0, await deps.repos.cases.spendGrants(group[0]!.recipientId, group[0]!.templateKey, group.length))),
  )
  return new Set(granted.flat())
}

/** One send, and what the notice becomes (not yet recorded). */
async function attempt(deps: Deps, notice: NoticeRecord, consent: boolean, now: Date): Promise<NoticeRecord> {
  const outcome = (n: Partial<NoticeRecord>): NoticeRecord => ({ ...notice, dueAt: undefined, ...n })
  if (!consent) return outcome({ state: 'no_consent', lastError: '用户未授权订阅消息' })
  const openid = await openidOf(deps, notice.recipientId)
  if (!openid) return outcome({ state: 'dead', attempts: notice.attempts + 1, lastError: '收件人没有微信身份' })
  const attempts = notice.attempts + 1
  try {
    await deps.wechat.sendSubscribe({ touser: openid, template_id: deps.templates[notice.templateKey as TemplateKey], page: notice.page, data: notice.data })
    return outcome({ state: 'sent', attempts, sentAt: deps.clock().toISOString() })
  } catch (err) {
    if (err instanceof WechatError && err.errcode !== -1 && err.errcode !== 40001) {
      // 43101 (user refused), 40003, 47003 …: retrying cannot help.
      return outcome({ state: 'dead', attempts, lastErrcode: err.errcode, lastError: err.message })
    }
    if (!(err instanceof WechatError) && !isDomainError(err)) throw err
    const lastErrcode = err instanceof WechatError ? err.errcode : undefined
    if (attempts >= MAX_ATTEMPTS) return outcome({ state: 'dead', attempts, lastErrcode, lastError: err.message })
    const dueAt = new Date(now.getTime() + BACKOFF_SECONDS * 2 ** (attempts - 1) * 1000).toISOString()
    return outcome({ state: 'failed', attempts, lastErrcode, lastError: err.message, dueAt })
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

/** The sweeper: re-drives every notice that is due (new ones the stream missed, retries, expired leases). */
export async function sweepNotices(deps: Deps, limit = 100): Promise<NoticeRecord[]> {
  return deliver(deps, await deps.repos.cases.dueNotices(deps.clock().toISOString(), limit))
}
