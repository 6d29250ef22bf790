/**
 * The mini-program's message server (消息推送, "JSON" format in the admin console): GET answers WeChat's URL check
 * with its `echostr`, POST takes events — today the verdicts of mediaCheckAsync. Every request must carry WeChat's
 * signature (sha1 of our push token, its timestamp and nonce) and a timestamp within five minutes; else 403. A POST
 * is taken once: its timestamp and nonce are counted, and the same pair again within its window (a replay) is 403.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { asFunction } from '../adapters/aws-calls'
import { runtimeDeps } from '../runtime'
import { mediaVerdict } from '../services/moderation/media'
import { photoHiders } from '../families'

const FRESH_SECONDS = 300

const text = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
})

/** Whether WeChat signed these query parameters with our token, lately. */
export function signedByWechat(token: string, q: Record<string, string | undefined>, nowSeconds = Date.now() / 1000): boolean {
  const { signature, timestamp, nonce } = q
  if (!signature || !timestamp || !nonce || Math.abs(nowSeconds - Number(timestamp)) > FRESH_SECONDS) return false
  const expected = Buffer.from(createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex'))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const handler = (event: APIGatewayProxyEventV2) =>
  asFunction('wechatPush', async (): Promise<APIGatewayProxyStructuredResultV2> => {
    const deps = await runtimeDeps()
    const q = event.queryStringParameters ?? {}
    if (!signedByWechat(deps.pushToken, q)) return text(403, 'forbidden')
    if (event.requestContext?.http?.method === 'GET') return text(200, q.echostr ?? '')
    const until = new Date((Number(q.timestamp) + 2 * FRESH_SECONDS) * 1000)
    if (!(await deps.repos.users.attempt('wechat-push', 'nonce', `${q.timestamp}#${q.nonce}`, 1, until))) return text(403, 'replayed')
    const raw =
      typeof event.body === 'string'
        ? event.isBase64Encoded
          ? Buffer.from(event.body, 'base64').toString('utf8')
          : event.body
        : JSON.stringify(event.body ?? {})
    let push: { Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } }
    try {
      push = JSON.parse(raw)
    } catch {
      return text(400, 'malformed JSON')
    }
    if (push.Event === 'wxa_media_check' && typeof push.trace_id === 'string') {
      await mediaVerdict(deps, photoHiders(deps), push.trace_id, typeof push.result?.suggest === 'string' ? push.result.suggest : undefined)
    }
    // WeChat retries anything but a quick "success".
    return text(200, 'success')
  })
