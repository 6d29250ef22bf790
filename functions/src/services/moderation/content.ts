/**
 * msg_sec_check on every text others will read (WeChat's UGC rules): `risky` is refused naming the field, `review`
 * is accepted and flags the case for a dispatcher. When WeChat cannot be reached the text is kept (a resident's
 * problem must not be lost) and flagged for a human to look at — also when it is slow: all checks of a request share
 * one budget, well inside the API's 10 s Lambda timeout (serverless.yml), whatever WeChat does (token, retry, check).
 */
import { DomainError, isDomainError } from '@linli/shared'
import { WechatError } from '../../adapters/wechat'
import type { Caller } from '../identity/ports'
import type { ModerationDeps } from './ports'

export interface Text {
  path: string
  text?: string
  /** What the refusal says, e.g. 描述 or 地址. */
  label: string
}

/** Checks the texts at once; true when any of them needs a human look. */
export async function checkTexts(deps: Pick<ModerationDeps, 'wechat'>, caller: Caller, texts: readonly Text[]): Promise<boolean> {
  const present = texts.filter((t): t is Text & { text: string } => Boolean(t.text?.trim()))
  if (!present.length) return false
  if (!caller.user.openid) return true
  const budget = AbortSignal.timeout(CHECK_BUDGET_MS)
  const verdicts = await Promise.all(present.map((t) => verdict(deps, caller.user.openid!, t.text, budget)))
  const risky = present.filter((_, i) => verdicts[i] === 'risky')
  if (risky.length)
    throw new DomainError(
      'content.risky',
      risky.map((t) => ({ path: t.path, message: `${t.label}中含有违规内容，请修改后再提交` })),
    )
  return verdicts.some((v) => v !== 'pass')
}

/** WeChat's time inside one request: after it, an unchecked text is kept and flagged. */
export const CHECK_BUDGET_MS = 3000

async function verdict(
  deps: Pick<ModerationDeps, 'wechat'>,
  openid: string,
  text: string,
  budget: AbortSignal,
): Promise<'pass' | 'review' | 'risky' | 'unchecked'> {
  try {
    return await deps.wechat.msgSecCheck(openid, text, budget)
  } catch (err) {
    if (isDomainError(err) || err instanceof WechatError) return 'unchecked'
    throw err
  }
}
