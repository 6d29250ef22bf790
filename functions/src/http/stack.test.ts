import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import * as z from 'zod'
import { DomainError, defineRoute } from '@linli/shared'
import { endpoint } from './stack'
import { makeSessionTokens } from '../adapters/session-token'
import type { Deps } from '../services/deps'
import type { Binding, UserRecord } from '../services/identity/ports'

const users = new Map<string, { user: UserRecord; roles: Binding[] }>([['u1', { user: { id: 'u1', districtId: 'd1', name: '甲' }, roles: [] }]])
const tokens = makeSessionTokens('s'.repeat(32), 'linli-test')
const deps = {
  repos: { users: { getWithRoles: async (id: string) => users.get(id) } },
  tokens,
  clock: () => new Date(),
} as unknown as Deps

const echo = defineRoute({
  method: 'POST',
  path: '/v1/echo',
  summary: 'echo',
  action: 'me.read',
  body: z.strictObject({ n: z.number({ error: 'n 必须是数字' }) }),
  response: z.object({ n: z.number(), who: z.string() }),
})

const handler = endpoint(
  echo,
  async ({ body, caller }) => {
    if (body.n === 13) throw new DomainError('auth.forbidden')
    if (body.n === 500) throw new Error('secret table name linli-prod leaked?')
    return { n: body.n * 2, who: caller.user.name }
  },
  async () => deps,
)

const event = (body: string | undefined, headers: Record<string, string> = {}) =>
  ({ body, headers: { 'content-type': 'application/json', ...headers }, requestContext: { requestId: 'r-1' } }) as unknown as APIGatewayProxyEventV2

let auth: Record<string, string>
beforeAll(async () => {
  auth = { authorization: `Bearer ${(await tokens.sign({ userId: 'u1', districtId: 'd1', sessionId: 's1', generation: 0 }, new Date())).token}` }
})

const call = async (body: string | undefined, headers?: Record<string, string>) => {
  const res = await handler(event(body, headers))
  return { status: res.statusCode, body: JSON.parse(res.body as string) }
}

describe('the HTTP stack', () => {
  it('parses, authenticates, calls the handler and answers JSON', async () => {
    expect(await call('{"n":2}', auth)).toEqual({ status: 200, body: { n: 4, who: '甲' } })
  })

  it('authenticates before anything reaches the handler', async () => {
    expect((await call('{"n":2}')).body.error.code).toBe('auth.required')
    expect((await call('{"n":2}', { authorization: 'Bearer nonsense' })).status).toBe(401)
  })

  it('maps bad bodies to 4xx naming the field', async () => {
    expect(await call('{"n":', auth)).toMatchObject({ status: 400, body: { error: { code: 'request.malformedJson' }, requestId: 'r-1' } })
    expect(await call('{"n":"x"}', auth)).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'n', message: 'n 必须是数字' }] } } })
    expect((await call(JSON.stringify({ n: 1, pad: 'x'.repeat(70_000) }), auth)).status).toBe(413)
    expect((await call('n=1', { ...auth, 'content-type': 'text/plain' })).status).toBe(415)
  })

  it('reads base64 bodies', async () => {
    const res = await handler({ ...event(Buffer.from('{"n":5}').toString('base64'), auth), isBase64Encoded: true })
    expect(JSON.parse(res.body as string)).toEqual({ n: 10, who: '甲' })
  })

  it('maps domain errors through the catalogue', async () => {
    expect(await call('{"n":13}', auth)).toMatchObject({ status: 403, body: { error: { code: 'auth.forbidden', message: '没有权限执行此操作' } } })
  })

  it('answers 500 without internals for anything else', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    const res = await call('{"n":500}', auth)
    expect(res).toEqual({ status: 500, body: { error: { code: 'internal', message: '服务器开小差了，请稍后再试' }, requestId: 'r-1' } })
    expect(JSON.stringify(res)).not.toContain('linli-prod')
    expect(log.mock.calls[0]?.[0]).toContain('linli-prod')
    log.mockRestore()
  })
})
