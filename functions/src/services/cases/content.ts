/**
 * msg_sec_check on every text others will read (WeChat's UGC rules): `risky` is refused naming the field, `review`
 * is accepted and flags the case for a dispatcher. When WeChat cannot be reached the text is kept (a resident's
 * problem must not be lost) and flagged for a human to look at.
 */
import { DomainError, isDomainError } from '@linli/shared'
import { WechatError } from '../../adapters/wechat'
import type { Caller } from '../identity/ports'
import type { Deps } from '../deps'

export interface Text {
  path: string
  text?: string
  /** What the refusal says, e.g. 描述 or 地址. */
  label: string
}

/** Checks the texts at once; true when any of them needs a human look. */
export async function checkTexts(deps: Deps, caller: Caller, texts: readonly Text[]): Promise<boolean> {
  const present = texts.filter((t): t is Text & { text: string } => Boolean(t.text?.trim()))
  if (!present.length) return false
  if (!caller.user.openid) return true
  const verdicts = await Promise.all(present.map((t) => verdict(deps, caller.user.openid!, t.text)))
  const risky = present.filter((_, i) => verdicts[i] === 'risky')
  if (risky.length) throw new DomainError('content.risky', risky.map((t) => ({ path: t.path, message: `${t.label}中含有违规内容，请修改后再提交` })))
  return verdicts.some((v) => v !== 'pass')
}

async function verdict(deps: Deps, openid: string, text: string): Promise<'pass' | 'review' | 'risky' | 'unchecked'> {
  try {
    return await deps.wechat.msgSecCheck(openid, text)
  } catch (err) {
    if (isDomainError(err) || err instanceof WechatError) return 'unchecked'
    throw err
  }
}
