import * as z from 'zod'
import { defineRoute } from '../route'
import { templateKeys } from '../../domain/notify/templates'

export const recordSubscription = defineRoute({
  method: 'POST',
  path: '/v1/subscriptions',
  summary: '记录 wx.requestSubscribeMessage 的授权结果（一次性订阅：每次“允许”可发送一条；长期订阅：允许后一直有效，直到用户关闭）',
  action: 'subscriptions.record',
  body: z.strictObject({
    templateKey: z.enum(templateKeys, { error: '未知的消息模板' }),
    result: z.enum(['accept', 'reject', 'ban', 'filter'], { error: '授权结果不正确' }),
  }),
  response: z.object({ templateKey: z.string(), grants: z.number(), longTerm: z.boolean() }),
})

export const listSubscriptions = defineRoute({
  method: 'GET',
  path: '/v1/subscriptions',
  summary: '我还能收到几条各类订阅消息（一次性订阅：每条消息用掉一次“允许”；长期订阅标为 longTerm）',
  action: 'subscriptions.read',
  response: z.object({ items: z.array(z.object({ templateKey: z.enum(templateKeys), grants: z.number(), longTerm: z.boolean() })) }),
})
