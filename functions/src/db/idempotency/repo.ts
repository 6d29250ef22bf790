/**
 * Idempotent writes, once for every route that takes an Idempotency-Key (DESIGN.md rule 11): the key's record is
 * written in the same transaction as the effect, conditioned on not existing. A repeat, or a twin racing the first
 * call, finds that condition failed and answers what the first call made; twins that cancel each other
 * (TransactionConflict) try again until one of them has written.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import type { Entities } from '../entities'
import { backoff, transactNamed, type NamedItems } from '../transact'
import type { IdempotencyRepo, KeyClaim, Keyed, KeyedAnswer } from '../../services/idempotency/ports'

/** Twins cancelling each other are tried this many times before the caller is told to try again. */
const ATTEMPTS = 6

const answerOf = async (e: Entities, claim: KeyClaim): Promise<KeyedAnswer | undefined> => {
  const { Item } = await e.IdempotencyKey.build(EntityRepository).get(
    { districtId: claim.districtId, userId: claim.userId, key: claim.key, scope: claim.scope },
    { consistent: true },
  )
  return Item && { requestHash: Item.requestHash, answer: Item.answer }
}

export const makeIdempotencyRepo = (e: Entities): IdempotencyRepo => ({ answer: (claim) => answerOf(e, claim) })

/**
 * A transaction of named items, written with the key's record when a key was claimed. `items` is called again for
 * each attempt (a write may draw a fresh code); `made` is what a repeat will be answered with.
 */
export async function keyedWrite<N extends string, A extends Record<string, string>>(
  e: Entities,
  claim: KeyClaim | undefined,
  made: A,
  items: () => NamedItems<N>,
): Promise<Keyed<N, A>> {
  const records = e.IdempotencyKey.build(EntityRepository)
  for (let attempt = 1; ; attempt++) {
    // The key's record first: a twin that lost is told so by its own key, whatever else the winner took.
    const written = await transactNamed<N | 'idempotencyKey'>({
      idempotencyKey: claim && records.transactPut({ ...claim, answer: made }, { condition: { attr: 'key', exists: false } }),
      ...items(),
    } as NamedItems<N | 'idempotencyKey'>)
    if (written.ok) return { kind: 'written' }
    // Refused by a condition: if the key has an answer, a twin (or the first call) wrote it; a cancellation need
    // not name every condition that failed, so the key's record is read whenever a key was claimed.
    const first = claim && written.failed.length ? await answerOf(e, claim) : undefined
    if (first) return { kind: 'replay', requestHash: first.requestHash, answer: first.answer as A }
    const failed = written.failed.filter((n): n is N => n !== 'idempotencyKey')
    if (failed.length) return { kind: 'failed', failed }
    if (!written.conflict || attempt >= ATTEMPTS) return { kind: 'conflict' }
    await backoff(attempt)
  }
}
