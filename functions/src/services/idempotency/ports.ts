/** What an idempotent write needs of storage (DESIGN.md rule 11): the key's claim, and the typed outcome of the write. */

/** A caller's Idempotency-Key, claimed for one kind of write with the request it came with. */
export interface KeyClaim {
  districtId: string
  userId: string
  key: string
  /** The write the key is used for (`cases.submit`, `bookings.create` …): one key may serve each once. */
  scope: string
  /** A hash of the request: the same key with another request is refused. */
  requestHash: string
  /** When DynamoDB may drop the record (epoch seconds). */
  ttl: number
}

/** What the first call made, as its write recorded it: the ids its answer is read back from. */
export interface KeyedAnswer<A extends Record<string, string> = Record<string, string>> {
  requestHash: string
  answer: A
}

/**
 * How a keyed write ended: written; a repeat of a call that wrote (`replay`, with what it made); refused by the
 * conditions named in `failed`; or still meeting a twin after every attempt (`conflict`: try again later).
 */
export type Keyed<F extends string, A extends Record<string, string> = Record<string, string>> =
  | { kind: 'written' }
  | ({ kind: 'replay' } & KeyedAnswer<A>)
  | { kind: 'failed'; failed: F[] }
  | { kind: 'conflict' }

export interface IdempotencyRepo {
  /** Access pattern "an idempotency key": GetItem (consistent) — what a key's first call made, if it wrote. */
  answer(claim: KeyClaim): Promise<KeyedAnswer | undefined>
}
