/**
 * Bad input gets a clear answer, on every route of the contract (generated from it, not picked by hand): odd path
 * ids, repeated query parameters, deeply nested JSON, huge arrays and oversized bodies answer 4xx naming the field
 * in Chinese — never a 5xx.
 */
import * as z from 'zod'
import { fillPath, routes, type RouteSpec } from '@linli/shared'
import { api, api as client, login, refusalOf, uniqueOpenid, type Answer } from './support/client'

jest.setTimeout(60_000)

let token: string
beforeAll(async () => {
  token = (await login(uniqueOpenid('bad-input'))).token
})

const entries = Object.entries(routes) as [string, RouteSpec][]
const withId = entries.filter(([, r]) => r.path.includes('{id}'))
const withQuery = entries.filter(([, r]) => r.query instanceof z.ZodObject)
const withBody = entries.filter(([, r]) => r.body)

function expectClear(res: Answer, field?: string) {
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  const refusal = refusalOf(res.body)
  expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/)
  if (field !== undefined) {
    expect(refusal.fields?.map((f) => f.path)).toContain(field)
    for (const f of refusal.fields ?? []) expect(f.message).toMatch(/[\u4e00-\u9fa5]/)
  }
}

describe.each(withId)('%s with an odd path id', (_name, route) => {
  it.each(['a'.repeat(65), '中文', 'a b', "a'--", 'a%00', '{id}'])('answers 400 naming the id for %j', async (id) => {
    const path = fillPath(route.path, { ...otherParams, id })
    const res = await api(route.method, path, { token, body: route.body ? {} : undefined })
    expectClear(res, 'id')
    expect(res.status).toBe(400)
  })
})

/** Valid values of the path parameters besides `id`. */
const otherParams = {
  exceptionId: '20261207-abcd1234',
  role: 'official',
  scopeId: 'dept-water',
  format: 'json',
  service_code: 'cat-road',
  service_request_id: 'abc123',
  token_id: 'abc123',
}

/** A valid query of each route with one, to which the test adds the repeated parameter. */
const validQuery: Record<string, Record<string, string>> = {
  casesList: { view: 'mine' },
  casesNearby: { lat: '30.5051', lng: '114.3052', categoryId: 'cat-noise' },
  gridsLocate: { lat: '30.5051', lng: '114.3052' },
  roomsSlots: { from: '2026-12-01', to: '2026-12-07' },
  bookingsList: { view: 'mine' },
  exceptionsList: { from: '2026-12-01', to: '2026-12-07' },
}

describe.each(withQuery)('%s with a repeated query parameter', (name, route) => {
  const keys = Object.keys((route.query as z.ZodObject<z.ZodRawShape>).shape)
  it.each(keys)('answers 400 naming %s', async (key) => {
    const rest = Object.entries(validQuery[name] ?? {}).filter(([k]) => k !== key)
    const query = new URLSearchParams([...rest, [key, '1'], [key, 'x y']])
    const res = await api(route.method, `${fillPath(route.path, { ...otherParams, id: 'abc123' })}?${query}`, { token })
    expectClear(res, key)
    expect(res.status).toBe(400)
  })
})

describe.each(withBody)('%s with a body that is not what the contract says', (_name, route) => {
  const path = fillPath(route.path, { ...otherParams, id: 'abc123' })
  // Open311's POSTs take a form: the same bytes arrive as its fields.
  const api = (method: string, at: string, opts: { token: string; raw: string }) =>
    client(method, at, route.open311 ? { ...opts, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : opts)
  it('answers deeply nested JSON with 400', async () => {
    const nested = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)
    expectClear(await api(route.method, path, { token, raw: nested }))
  })
  it('answers a JSON scalar body (false, 0, "x") with 400', async () => {
    for (const raw of ['false', '0', '"x"']) {
      const res = await api(route.method, path, { token, raw })
      expectClear(res)
      expect(res.status).toBe(400)
    }
  })
  it('answers a huge array with 400 naming the body', async () => {
    const res = await api(route.method, path, { token, raw: JSON.stringify(Array.from({ length: 5000 }, (_, i) => i)) })
    expectClear(res)
    expect(res.status).toBe(400)
  })
  it('answers a body over 64 KB with 413', async () => {
    const res = await api(route.method, path, { token, raw: JSON.stringify({ x: 'x'.repeat(70_000) }) })
    expectClear(res, 'body')
    expect(res.status).toBe(413)
  })
})

describe('arrays inside a body', () => {
  it('refuses 10,000 photo keys on a report, naming the field', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `uploads/x/${i}.jpg`)
    const res = await api('POST', '/v1/cases', {
      token,
      body: { categoryId: 'cat-noise', description: '楼上夜里一直很吵闹', location: { lat: 30.5051, lng: 114.3052 }, photoKeys: keys },
    })
    expectClear(res, 'photoKeys')
    expect(res.status).toBe(400)
  })
})
