import { z } from 'zod'
import { defineRoute } from '../route'
import { templateKeys } from '../../domain/notify/templates'

export const recordSubscription = defineRoute({
  method: 'POST',
  path: '/v1/subscriptions',
  summary: '记录 wx.requestSubscribeMessage 的授权结果（一次性订阅：每次“允许”可发送一条）',
  action: 'subscriptions.record',
  body: z.strictObject({
    templateKey: z.enum(templateKeys, { error: '未知的消息模板' }),
    result: z.enum(['accept', 'reject', 'ban', 'filter'], { error: '授权结果不正确' }),
  }),
  response: z.object({ templateKey: z.string(), grants: z.number() }),
})
