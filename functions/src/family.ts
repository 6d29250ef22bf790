/**
 * A family as the platform composes it (DESIGN.md §2): its storage on the one table, what it plugs into the shared
 * jobs and the ports it offers the other families. Each family declares its own in `services/<family>/family.ts`;
 * ./families.ts lists them once and composes the rest (the repositories every function is given, the entities, the
 * access patterns the db README lists, the due index's subjects, the jobs).
 */
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { PhotoHiders } from './services/moderation/ports'
import type { LinliTable } from './db/table'
import type { Entities } from './db/entities'
import type { NamedPatterns } from './db/patterns'

/** A staff role just taken from a person (DESIGN.md §3 "Identity"): the families holding their work react. */
export interface RevokedRole {
  districtId: string
  userId: string
  userName: string
  role: string
  scopeId: string
}

/**
 * What a family keeps on the one table (its code in `functions/src/db/<family>/`). Its repositories are given every
 * family's entities (a family's transaction may write the shared outbox or an idempotency key with its own items), and
 * declare their return type: the platform's `Repos` is composed from those types.
 */
export interface Storage<E extends object = object, R extends object = object> {
  /** Its entities. */
  entities: (table: LinliTable) => E
  /** Its repositories, by the name services reach them under (`deps.repos.<name>`). */
  repos?: (e: Entities) => R
  /** Its entities put on the due index: entity name → the subject kind its timed work is filed under, and the id's attribute. */
  dueSubjects?: Record<string, { kind: string; id: string }>
}

/** A family's manifest: `E` its entities and `R` its repositories, as the composed `Entities` and `Repos` types show them. */
export interface Family<E extends object = object, R extends object = object> {
  name: string
  storage: Storage<E, R>
  /** Its Queries, by title: each a row of functions/src/db/README.md's table. */
  patterns?: (e: Entities) => NamedPatterns
  /** The fan-out of its outbox events, by subject kind. */
  fanOuts?: Record<string, FanOut>
  /** Its timed work on a subject the due index names, by subject kind (a case's clock, a booking's reminders). */
  due?: Record<string, (deps: Deps, districtId: string, id: string) => Promise<unknown>>
  /** How it hides a photo of its records that WeChat judged risky, by subject kind. */
  hidesPhotos?: (deps: Deps) => PhotoHiders
  /**
   * What it does with a person's work when one of their roles is taken away, one page at a time (at most `limit`
   * records of their work from `cursor` on): the outbox runs it from the revocation's event, and runs it again from
   * the answer's `cursor` until none is given. Idempotent: a page may run twice.
   */
  roleRevoked?: (deps: Deps, revoked: RevokedRole, page: { cursor?: string; limit: number }) => Promise<{ cursor?: string }>
}
