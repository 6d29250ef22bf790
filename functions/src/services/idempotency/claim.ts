/** The Idempotency-Key of a write, claimed and answered the same way by every route that takes one. */
import { createHash } from 'node:crypto'
import { DomainError } from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { KeyClaim, KeyedAnswer } from './ports'

/** A key answers repeats for a day; DynamoDB drops its record after that. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600

/** The claim of a key for one kind of write, or none when the caller sent no key. */
export function claimKey(now: Date, caller: Caller, scope: string, key: string | undefined, request: unknown): KeyClaim | undefined {
  if (!key) return undefined
  return {
    districtId: caller.user.districtId,
    userId: caller.user.id,
    key,
    scope,
    requestHash: createHash('sha256').update(JSON.stringify(request)).digest('hex'),
    ttl: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  }
}

/** What the first call made, when this one repeats it; a key used before with another request → 422. */
export function firstAnswer<A extends Record<string, string>>(claim: KeyClaim, seen: KeyedAnswer): A {
  if (seen.requestHash !== claim.requestHash)
    throw new DomainError('idempotency.mismatch', [{ path: 'Idempotency-Key', message: '该幂等键已用于另一次提交，请勿重复使用' }])
  return seen.answer as A
}

/** Twins kept cancelling each other: nothing was written, and the same request may be sent again. */
export const stillConflicting = () => new DomainError('request.conflict')
