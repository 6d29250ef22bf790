/**
 * Generated input on every route of the contract (fast-check, from the routes' own zod schemas): path ids, queries
 * and bodies near the contract and bent away from it. Whatever comes, the answer is never a 5xx, every error speaks
 * Chinese, and a 400 names the fields it refuses.
 */
import fc from 'fast-check'
import * as z from 'zod'
import { fillPath, routes, type RouteName, type RouteSpec } from '@linli/shared'
import { hostile, plausible } from './support/arbitraries'
import { api, login, refusalOf, repos, uniqueOpenid, userIdOf } from './support/client'
import { windowOf, type Limit } from '../src/services/identity/limits'
import { SUBMIT_LIMITS } from '../src/services/cases/submit'
import { NEARBY_LIMIT } from '../src/services/cases/read'
import { UPLOAD_LIMIT } from '../src/services/uploads/uploads'
import { REDEEM_LIMIT } from '../src/services/identity/invites'
import { JOIN_LIMIT } from '../src/services/mediation/bookings'

jest.setTimeout(120_000)

const RUNS = 12
const chinese = /[\u4e00-\u9fa5]/

/** A dot segment (`.`, `..`) is resolved away by every HTTP client before it is sent: it never reaches a route. */
const dotSegment = /^\.{1,2}$/

/** A path parameter as the contract wants it, or now and then any non-empty text. */
const pathParams = (schema: z.ZodType | undefined) =>
  schema
    ? fc
        .tuple(plausible(schema) as fc.Arbitrary<Record<string, string>>, fc.option(fc.string({ minLength: 1, maxLength: 80 }), { freq: 4 }))
        // An Open311 path's format is part of its route (`services.json`): another is no route at all, so it stays.
        .map(([params, odd]) => {
          const bent = Object.keys(params).find((k) => k !== 'format')
          return odd === null || !bent ? params : { ...params, [bent]: odd }
        })
        .filter((params) => !Object.values(params).some((v) => dotSegment.test(v)))
    : fc.constant({})

/** A generated query object as a URL would carry it: arrays repeat the parameter, anything else is its text. */
function queryString(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `?q=${encodeURIComponent(JSON.stringify(value))}`
  const pairs = Object.entries(value).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, typeof x === 'string' ? x : JSON.stringify(x)]),
  )
  return pairs.length ? `?${new URLSearchParams(pairs)}` : ''
}

const entries = Object.entries(routes) as [string, RouteSpec][]

describe.each(entries)('%s, generated input', (name, route) => {
  it('never answers 5xx; errors speak Chinese; a 400 names its fields', async () => {
    const { token } = await login(uniqueOpenid(`gen-${name}`))
    const request = fc.record({
      params: pathParams(route.params),
      query: route.query ? hostile(route.query) : fc.constant(undefined),
      body: route.body ? hostile(route.body) : fc.constant(undefined),
    })
    await fc.assert(
      fc.asyncProperty(request, async ({ params, query, body }) => {
        const path = fillPath(route.path, params) + (query === undefined ? '' : queryString(query))
        const res = await api(route.method, path, { token, body })
        const what = `${route.method} ${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`
        if (res.status >= 500) throw new Error(what)
        if (res.status < 400) return
        const refusal = refusalOf(res.body)
        if (!chinese.test(refusal.message)) throw new Error(`not in Chinese: ${what}`)
        const fields = refusal.fields ?? []
        if (res.status === 400 && (!fields.length || fields.some((f) => !f.path || !chinese.test(f.message))))
          throw new Error(`400 without its fields: ${what}`)
      }),
      { numRuns: RUNS },
    )
  })
})

/**
 * The per-person limits (issue "Trust, second round"), under generated input: once a person's hour is used up, nothing
 * they send a limited route gets through — a 429 that says the wait in words, or the refusal of what they sent — and
 * nothing answers 5xx. Each route's run starts with one request that would have succeeded, to see the 429 itself.
 */
const inLiuan1 = { lat: 30.5051, lng: 114.3052 }
const limited: [RouteName, Limit, { query?: Record<string, string>; body?: unknown }][] = [
  ['casesSubmit', SUBMIT_LIMITS.report, { body: { categoryId: 'cat-ads', description: '楼道里贴满了小广告', location: inLiuan1 } }],
  ['casesNearby', NEARBY_LIMIT, { query: { lat: '30.506', lng: '114.304', categoryId: 'cat-ads' } }],
  ['uploadsCreate', UPLOAD_LIMIT, { body: { purpose: 'case_photo', contentType: 'image/jpeg', size: 2048 } }],
  ['invitesRedeem', REDEEM_LIMIT, { body: { code: 'ZZZZ2222' } }],
  ['bookingsJoin', JOIN_LIMIT, { body: { code: 'ZZZZ2222' } }],
]

describe.each(limited)('%s over its limit, generated input', (name, limit, valid) => {
  it('lets nothing through: 429 with the wait in words, or the input refused; never 5xx', async () => {
    const openid = uniqueOpenid(`gen-limit-${name}`)
    const { token } = await login(openid)
    // This hour and the next are full (a run that crosses the hour finds the next one full too).
    const hours = [0, 3600_000].map((ahead) => windowOf(new Date(Date.now() + ahead), 'hour').key)
    const keep = new Date(Date.now() + 3 * 3600_000)
    await Promise.all(
      hours.map(async (w) => {
        for (let i = 0; i < limit.hour!; i++) await repos().users.attempt(userIdOf(openid), limit.name, w, 10_000, keep)
      }),
    )
    const route = routes[name] as RouteSpec
    const request = fc.record({
      query: route.query ? hostile(route.query) : fc.constant(undefined),
      body: route.body ? hostile(route.body) : fc.constant(undefined),
    })
    let waits = 0
    await fc.assert(
      fc.asyncProperty(request, async ({ query, body }) => {
        const path = route.path + (query === undefined ? '' : queryString(query))
        const res = await api(route.method, path, { token, body })
        const what = `${route.method} ${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`
        if (res.status < 400 || res.status >= 500) throw new Error(`got through the limit: ${what}`)
        if (res.status !== 429) return
        if (!/^.+太频繁了（每小时最多 \d+ 次），请 \d+ 分钟后再试$/.test(refusalOf(res.body).message)) throw new Error(`429 without the wait: ${what}`)
        waits++
      }),
      { numRuns: RUNS, examples: [[{ query: valid.query, body: valid.body }]] },
    )
    expect(waits).toBeGreaterThan(0)
  })
})
