import * as z from 'zod'
import { parseOrThrow } from './validation'
import { DomainError } from './errors'
import { login } from './families'

const failure = (fn: () => unknown): DomainError => {
  try {
    fn()
  } catch (e) {
    if (e instanceof DomainError) return e
    throw e
  }
  throw new Error('expected a DomainError')
}

describe('parseOrThrow', () => {
  it('names a missing field with our Chinese message', () => {
    const e = failure(() => parseOrThrow(login.body, {}))
    expect(e.code).toBe('request.invalid')
    expect(e.status).toBe(400)
    expect(e.fields).toEqual([{ path: 'code', message: '缺少登录凭证 code' }])
  })

  it('names each unknown field', () => {
    const e = failure(() => parseOrThrow(login.body, { code: 'x', role: 'admin', openid: 'o' }))
    expect(e.fields?.map((f) => f.path).sort()).toEqual(['openid', 'role'])
    expect(e.fields?.[0]?.message).toMatch(/不支持的字段/)
  })

  it('names an unknown field with an empty name too (found by the generated-input test)', () => {
    const e = failure(() => parseOrThrow(login.body, { code: 'x', '': 1 }))
    expect(e.fields).toEqual([{ path: '""', message: '不支持的字段：（空字段名）' }])
  })

  it('falls back to zod messages in Chinese', () => {
    const e = failure(() => parseOrThrow(z.object({ n: z.number() }), { n: 'x' }))
    expect(e.fields?.[0]?.path).toBe('n')
    expect(e.fields?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('returns the parsed value', () => {
    expect(parseOrThrow(login.body, { code: 'abc' })).toEqual({ code: 'abc' })
  })
})
