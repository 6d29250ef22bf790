/** Senders of subscribe messages: WeChat's subscribeMessage.send, and a recording sender for tests. */
import { isDomainError } from '@linli/shared'
import { WechatError, type WechatClient } from '../adapters/wechat'
import { SendError, type Sender } from './ports'

export function wechatSender(wechat: Pick<WechatClient, 'sendSubscribe'>): Sender {
  return {
    async send(m) {
      try {
        await wechat.sendSubscribe({ touser: m.openid, template_id: m.templateId, page: m.page, data: m.data, miniprogram_state: m.miniprogramState })
      } catch (err) {
        if (err instanceof WechatError) throw new SendError(err.errcode, err.message)
        if (isDomainError(err)) throw new SendError(undefined, err.message, err.code === 'wechat.timeout')
        throw err
      }
    },
  }
}

/** Keeps what would have been sent; `fail` decides per message whether (and with which errcode) it fails. */
export function recordingSender(fail: (m: Parameters<Sender['send']>[0]) => number | undefined = () => undefined) {
  const sent: Parameters<Sender['send']>[0][] = []
  const sender: Sender = {
    async send(m) {
      const errcode = fail(m)
      if (errcode !== undefined) throw new SendError(errcode, `errcode ${errcode}`)
      sent.push(m)
    },
  }
  return { sender, sent }
}
