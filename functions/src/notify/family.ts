/** Subscribe messages (the outbox, notices, consents) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../family'
import { makeNotifyEntities } from '../db/notify/entities'
import { makeConsentsRepo, makeOutboxRepo } from '../db/notify/outbox-repo'
import { notifyPatterns } from '../db/notify/patterns'
import type { ConsentsRepo, OutboxRepo } from './ports'

export const notifyFamily: Family<ReturnType<typeof makeNotifyEntities>, { outbox: OutboxRepo; consents: ConsentsRepo }> = {
  name: 'notify',
  storage: {
    entities: makeNotifyEntities,
    repos: (e) => ({ outbox: makeOutboxRepo(e), consents: makeConsentsRepo(e) }),
  },
  patterns: notifyPatterns,
}
