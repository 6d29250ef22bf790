/** Error codes of the common family: code → HTTP status and zh-CN message. */
export const commonErrors = {
  'request.invalid': { status: 400, message: '请求参数有误' },
  'request.malformedJson': { status: 400, message: '请求体不是合法的 JSON' },
  'request.tooLarge': { status: 413, message: '请求体过大' },
  'request.unsupportedMediaType': { status: 415, message: '请求体必须是 application/json' },
  'route.notFound': { status: 404, message: '接口不存在' },
  'wechat.unavailable': { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  // No answer in time: WeChat may still have done what it was asked (a message sent).
  'wechat.timeout': { status: 503, message: '微信服务响应超时，请稍后再试' },
  'content.risky': { status: 400, message: '内容包含违规信息，请修改后再提交' },
  'idempotency.mismatch': { status: 422, message: '同一个 Idempotency-Key 不能用于不同的内容' },
  // Twin requests with one Idempotency-Key kept meeting in the database: nothing was written; sending again is safe.
  'request.conflict': { status: 409, message: '请求正在处理中，请稍后重试' },
  // Over a per-user limit; the answer's message names the limit and the wait (functions/src/services/identity/limits.ts).
  'rate.limited': { status: 429, message: '操作太频繁，请稍后再试' },
  'cursor.invalid': { status: 400, message: '分页游标无效' },
  internal: { status: 500, message: '服务器开小差了，请稍后再试' },
} as const
