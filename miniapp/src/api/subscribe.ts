/**
 * Subscribe-message consent (一次性订阅). WeChat only shows the consent sheet when requestSubscribeMessage runs
 * inside a tap handler, so call `askSubscribe` synchronously at the start of one (before any await); each answer is
 * recorded with the API, which sends one notice per "允许".
 *
 * H5 has no requestSubscribeMessage: on the local stage the templates are recorded as accepted (so local demos and
 * browser tests receive notices); on any other stage nothing is recorded.
 */
import Taro from '@tarojs/taro'
import { recordSubscription, type TemplateKey } from '@linli/shared'
import { call } from './request'

type Result = 'accept' | 'reject' | 'ban' | 'filter'
const results: readonly string[] = ['accept', 'reject', 'ban', 'filter']
// A build-time object literal (config defineConstants): bind it to a name before indexing it.
const templateIds: Record<TemplateKey, string> = LINLI_TEMPLATES

const record = (entries: [TemplateKey, Result][]) =>
  Promise.all(entries.map(([templateKey, result]) => call(recordSubscription, { body: { templateKey, result } }).catch(() => undefined)))

/** What the user answered: the templates asked, those allowed, and whether WeChat's own switch for them is off. */
export interface Consent {
  asked: TemplateKey[]
  accepted: TemplateKey[]
  switchedOff?: boolean
}

/**
 * Asks for the given templates and records the answers; never throws (consent is optional). WeChat asks one class
 * of template per request: where the deployment has long-term templates (LINLI_LONG_TERM, 政务民生 mini-programs
 * only), those among `keys` are asked alone — one "允许" then lasts until the user turns it off.
 */
export function askSubscribe(keys: TemplateKey[]): Promise<Consent> {
  const longTerm = keys.filter((k) => LINLI_LONG_TERM.includes(k))
  const asked = longTerm.length ? longTerm : keys
  if (process.env.TARO_ENV === 'h5') {
    if (LINLI_STAGE !== 'local') return Promise.resolve({ asked: [], accepted: [] })
    return record(asked.map((k) => [k, 'accept'])).then(() => ({ asked, accepted: asked }))
  }
  const ids = asked.map((k) => templateIds[k])
  // Started synchronously so it stays within the tap gesture.
  return Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
    async (res) => {
      const answers = res as unknown as Record<string, string>
      const entries = asked.flatMap((k, i): [TemplateKey, Result][] => {
        const answer = answers[ids[i]!]
        return answer && results.includes(answer) ? [[k, answer as Result]] : []
      })
      await record(entries)
      return { asked, accepted: entries.filter(([, r]) => r === 'accept').map(([k]) => k) }
    },
    // 20004: the user switched subscribe messages off in WeChat's settings; anything else: no answer.
    (e: { errCode?: number }) => ({ asked, accepted: [], switchedOff: e?.errCode === 20004 }),
  )
}

/** What to tell a user whose answer means some notices will not reach them (undefined when all will). */
export function refusalNote(consent: Consent, where: string): string | undefined {
  if (consent.switchedOff) return `你在微信设置中关闭了通知，将收不到消息，可在${where}查看进展`
  if (consent.accepted.length === consent.asked.length) return undefined
  return consent.accepted.length ? `部分通知未允许，可在${where}查看进展` : `你未允许通知，将收不到消息，可在${where}查看进展`
}

/** Waits for the answer and tells the user what the action did (`done`) and, if so, why notices will not come. */
export async function tellConsent(consent: Promise<Consent | void>, where: string, done?: string) {
  const answer = await consent
  const note = answer ? refusalNote(answer, where) : undefined
  if (note) void Taro.showToast({ title: done ? `${done}；${note}` : note, icon: 'none', duration: 3000 })
  else if (done) void Taro.showToast({ title: done, icon: 'none' })
}
