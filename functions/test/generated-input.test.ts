/**
 * Generated input on every route of the contract (fast-check, from the routes' own zod schemas): path ids, queries
 * and bodies near the contract and bent away from it. Whatever comes, the answer is never a 5xx, every error speaks
 * Chinese, and a 400 names the fields it refuses.
 */
import fc from 'fast-check'
import { z } from 'zod'
import { fillPath, routes, type RouteSpec } from '@linli/shared'
import { hostile, plausible } from './support/arbitraries'
import { api, login, refusalOf, uniqueOpenid } from './support/client'

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
