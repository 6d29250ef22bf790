/**
 * Every route that takes an Idempotency-Key (`idempotent` in the contract), the same way: twins racing with one key
 * make one record and all answer it (never a 5xx), a later repeat answers it again, and the key with another request
 * is refused. A route newly marked idempotent fails here until it has a request below.
 */
import { createAnnouncement, createBooking, createCheckin, roomSlots, routes, submitCase, type RouteSpec } from '@linli/shared'
import { call, expectError, login, newGridworker, uniqueOpenid, type CallOptions } from './support/client'

jest.setTimeout(60_000)

const TWINS = 6
let n = 0
const newKey = () => `idem-${Date.now().toString(36)}-${++n}`

interface Case<S extends RouteSpec> {
  route: S
  /** A caller of its own and two different valid requests. */
  arrange: () => Promise<{ token: string; request: CallOptions<S>; other: CallOptions<S> }>
}
const idempotentRoutes = {
  casesSubmit: {
    route: submitCase,
    arrange: async () => {
      const { token } = await login(uniqueOpenid('idem-case'))
      const body = (description: string) => ({ categoryId: 'cat-streetlight', description, location: { lat: 30.5051, lng: 114.3052 } })
      return { token, request: { body: body('柳岸路口的路灯坏了三天') }, other: { body: body('柳岸路口的路灯又坏了') } }
    },
  } satisfies Case<typeof submitCase>,
  checkinsCreate: {
    route: createCheckin,
    arrange: async () => {
      const { token } = await newGridworker('g-liuan-2')
      const body = (note: string) => ({ kind: 'duty' as const, note, location: { lat: 30.507, lng: 114.315, accuracy: 15 } })
      return { token, request: { body: body('东门值守') }, other: { body: body('西门值守') } }
    },
  } satisfies Case<typeof createCheckin>,
  announcementsCreate: {
    route: createAnnouncement,
    arrange: async () => {
      const { token } = await newGridworker('g-guixiang-2')
      const body = (title: string) => ({ gridId: 'g-guixiang-2', title, body: '本周六 8:00–12:00 小区二次供水检修，请提前储水。', ackRequired: false })
      return { token, request: { body: body('周六停水通知') }, other: { body: body('周日停水通知') } }
    },
  } satisfies Case<typeof createAnnouncement>,
  bookingsCreate: {
    route: createBooking,
    arrange: async () => {
      const { token } = await login(uniqueOpenid('idem-booking'))
      const body = (summary: string) => ({ roomId: 'room-qingshi', mediatorId: 'any', start: '', disputeType: 'neighbour' as const, summary })
      const from = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const slots = await call(roomSlots, {
        token,
        params: { id: 'room-qingshi' },
        query: { from, to: new Date(Date.parse(from) + 13 * 86_400_000).toISOString().slice(0, 10) },
      })
      const free = slots.body.items.filter((s) => !s.taken)
      return {
        token,
        request: { body: { ...body('楼上邻居装修噪音，多次沟通无果'), start: free[0]!.start } },
        other: { body: { ...body('楼下邻居养狗扰民，多次沟通无果'), start: free[1]!.start } },
      }
    },
  } satisfies Case<typeof createBooking>,
} as Record<string, Case<RouteSpec>>

it('covers every idempotent route of the contract', () => {
  const declared = Object.entries(routes)
    .filter(([, r]) => (r as RouteSpec).idempotent)
    .map(([name]) => name)
  expect(Object.keys(idempotentRoutes).sort()).toEqual(declared.sort())
})

describe.each(Object.entries(idempotentRoutes))('%s', (_, { route, arrange }) => {
  it('makes one record for twins racing with one key, answers a repeat with it, and refuses the key for another request', async () => {
    const { token, request, other } = await arrange()
    const headers = { 'Idempotency-Key': newKey() }
    const twins = await Promise.all(Array.from({ length: TWINS }, () => call(route, { ...request, token, headers })))
    expect(twins.map((t) => (t.status === (route.status ?? 200) ? t.status : (t.body as any)?.error?.code))).toEqual(Array(TWINS).fill(route.status ?? 200))
    const ids = new Set(twins.map((t) => (t.body as { id: string }).id))
    expect(ids.size).toBe(1)
    const again = await call(route, { ...request, token, headers })
    expect((again.body as { id: string }).id).toBe([...ids][0])
    expectError(await call(route, { ...other, token, headers }), 422, 'idempotency.mismatch')
    // Without a key, the same request is a new one.
    const fresh = await call(route, { ...(route === createBooking ? other : request), token })
    expect(fresh.status).toBe(route.status ?? 200)
    expect((fresh.body as { id: string }).id).not.toBe([...ids][0])
  })
})

it('refuses a malformed key, naming the header', async () => {
  const { token } = await login(uniqueOpenid('idem-bad'))
  const res = await call(submitCase, {
    token,
    headers: { 'Idempotency-Key': 'short' },
    body: { categoryId: 'cat-streetlight', description: '柳岸路口的路灯坏了三天', location: { lat: 30.5051, lng: 114.3052 } },
  })
  expectError(res, 400, 'request.invalid')
  expect(res.body).toMatchObject({ error: { fields: [{ path: 'Idempotency-Key' }] } })
})
