/**
 * Local stage only (the function exists only there): GET /local/clock tells the server's time, POST moves it
 * forward ({"advanceMinutes": 60}) or back to the real time ({"reset": true}). Validated like every route.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import * as z from 'zod'
import { fieldErrors } from '@linli/shared'
import { devClock } from '../adapters/dev-clock'

const body = z.union(
  [
    z.strictObject({
      advanceMinutes: z
        .number()
        .int()
        .min(1, '至少 1 分钟')
        .max(60 * 24 * 60, '一次最多 60 天'),
    }),
    z.strictObject({ reset: z.literal(true) }),
  ],
  { error: '请给出 advanceMinutes（分钟）或 reset: true' },
)

const answer = (statusCode: number, data: unknown) => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(data),
})
const state = () => ({ now: devClock.now().toISOString(), offsetMinutes: Math.round(devClock.offsetMs() / 60_000) })

export const handler = async (event: APIGatewayProxyEventV2) => {
  if (event.requestContext?.http?.method !== 'POST') return answer(200, state())
  let parsed: z.ZodSafeParseResult<z.infer<typeof body>>
  try {
    parsed = body.safeParse(JSON.parse(event.body ?? ''))
  } catch {
    return answer(400, { error: { code: 'request.malformedJson', message: '请求体不是合法的 JSON' } })
  }
  if (!parsed.success) return answer(400, { error: { code: 'request.invalid', message: '请求参数有误', fields: fieldErrors(parsed.error) } })
  if ('reset' in parsed.data) devClock.reset()
  else devClock.advance(parsed.data.advanceMinutes * 60_000)
  return answer(200, state())
}
