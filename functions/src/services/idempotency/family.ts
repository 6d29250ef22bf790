/** Safe retries (Idempotency-Key) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeIdempotencyEntities } from '../../db/idempotency/entities'
import { makeIdempotencyRepo } from '../../db/idempotency/repo'
import type { IdempotencyRepo } from './ports'

export const idempotencyFamily: Family<ReturnType<typeof makeIdempotencyEntities>, { idempotency: IdempotencyRepo }> = {
  name: 'idempotency',
  storage: {
    entities: makeIdempotencyEntities,
    repos: (e) => ({ idempotency: makeIdempotencyRepo(e) }),
  },
}
