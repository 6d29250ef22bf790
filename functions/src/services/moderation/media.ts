/**
 * Photos others will see pass WeChat's mediaCheckAsync (its UGC rules): asked when a record keeps them (a case's, a
 * notice's), answered later by a push to our message server (functions/src/wechat/push.ts). A photo judged risky is
 * hidden from everyone by its record's family (`hidePhoto`, by subject kind). When WeChat cannot be reached the photo stays, as a text does whose
 * check failed.
 */
import { isDomainError } from '@linli/shared'
import { WechatError } from '../../adapters/wechat'
import type { Caller } from '../identity/ports'
import type { MediaSubject, ModerationDeps, PhotoHiders } from './ports'
import { CHECK_BUDGET_MS } from './content'

/** WeChat answers within 30 minutes; a trace id is kept a while longer. */
const AWAIT_SECONDS = 2 * 86400

export async function askMediaChecks(
  deps: ModerationDeps,
  caller: Caller,
  districtId: string,
  subject: MediaSubject,
  photoKeys: readonly string[],
): Promise<void> {
  const openid = caller.user.openid
  if (!openid || !photoKeys.length) return
  const budget = AbortSignal.timeout(CHECK_BUDGET_MS)
  const ttl = Math.floor(deps.clock().getTime() / 1000) + AWAIT_SECONDS
  await Promise.all(
    photoKeys.map(async (photoKey) => {
      try {
        const traceId = await deps.wechat.mediaCheckAsync(openid, await deps.storage.viewUrl(photoKey), budget)
        await deps.repos.moderation.awaitMediaCheck(traceId, { districtId, subject, photoKey }, ttl)
      } catch (err) {
        if (!isDomainError(err) && !(err instanceof WechatError)) throw err
      }
    }),
  )
}

/** A verdict pushed by WeChat: a risky photo is hidden; an unknown trace id (expired, or not ours) changes nothing. */
export async function mediaVerdict(deps: ModerationDeps, hidePhoto: PhotoHiders, traceId: string, suggest: string | undefined): Promise<void> {
  const about = await deps.repos.moderation.mediaCheck(traceId)
  if (!about || suggest !== 'risky') return
  const hide = hidePhoto[about.subject.kind]
  if (!hide) throw new Error(`moderation: no family hides photos of a ${about.subject.kind}`)
  await hide(about.districtId, about.subject.id, about.photoKey)
}
