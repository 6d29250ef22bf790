/** Opaque, tamper-evident page cursors: the DynamoDB key of the last item, bound to the list it came from. */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { DomainError } from '@linli/shared'

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url')

export function encodeCursor(secret: string, list: string, key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined
  const body = Buffer.from(JSON.stringify({ l: list, k: key })).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

export function decodeCursor(secret: string, list: string, cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined
  const invalid = new DomainError('cursor.invalid', [{ path: 'cursor', message: '分页游标无效，请从第一页重新加载' }])
  const [body, mac] = cursor.split('.')
  if (!body || !mac) throw invalid
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid
  const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { l?: string; k?: Record<string, unknown> }
  if (parsed.l !== list || !parsed.k) throw invalid
  return parsed.k
}
