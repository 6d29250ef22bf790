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

/** Asks for the given templates and records the answers; never throws (consent is optional). */
export function askSubscribe(keys: TemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    return LINLI_STAGE === 'local' ? record(keys.map((k) => [k, 'accept'])).then(() => undefined) : Promise.resolve()
  }
  const ids = keys.map((k) => templateIds[k])
  // Started synchronously so it stays within the tap gesture.
  const asked = Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)
  return asked
    .then((res) => {
      const answers = res as unknown as Record<string, string>
      const entries = keys.flatMap((k, i): [TemplateKey, Result][] => {
        const answer = answers[ids[i]!]
        return answer && results.includes(answer) ? [[k, answer as Result]] : []
      })
      return record(entries)
    })
    .then(
      () => undefined,
      () => undefined,
    )
}
