/**
 * The families, listed once (DESIGN.md §2 rule 11). From this list come the repositories every function is given
 * (`makeRepos`, and the `Repos` and `Entities` types), the access patterns the db README lists, the due index's
 * subjects, the outbox's fan-outs and the timed work of the jobs, and the ports one family offers the others (hiding
 * a risky photo, a revoked role). A new family adds its `family.ts` and one line here.
 */
import type { Family, RevokedRole } from './family'
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { PhotoHiders } from './services/moderation/ports'
import { makeRepos as makeDbRepos, type DbConnection } from './db'
import type { NamedPatterns } from './db/patterns'
import type { Entities } from './db/entities'
import { dueNow, dueSubjectsOf } from './db/due-repo'
import { identityFamily } from './services/identity/family'
import { districtFamily } from './services/district/family'
import { notifyFamily } from './notify/family'
import { privacyFamily } from './services/privacy/family'
import { idempotencyFamily } from './services/idempotency/family'
import { moderationFamily } from './services/moderation/family'
import { casesFamily } from './services/cases/family'
import { mediationFamily } from './services/mediation/family'
import { fieldFamily } from './services/field/family'
import { adminFamily } from './services/admin/family'
import { commandFamily } from './services/command/family'
import { interopFamily } from './services/interop/family'

export const families = [
  identityFamily,
  districtFamily,
  notifyFamily,
  privacyFamily,
  idempotencyFamily,
  moderationFamily,
  casesFamily,
  mediationFamily,
  fieldFamily,
  adminFamily,
  commandFamily,
  interopFamily,
] as const satisfies readonly Family[]

type Listed = (typeof families)[number]
type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never
/** Every family's entities. */
export type FamilyEntities = Intersection<Listed extends Family<infer E, object> ? E : never>
/** Every family's repositories, by the name services reach them under. */
export type FamilyRepos = Intersection<Listed extends Family<object, infer R> ? R : never>

/** The repositories of every family over the one table. */
export const makeRepos = (c: DbConnection) => makeDbRepos(c, families)

/** Every family's access patterns and the due index's, by title (the rows of functions/src/db/README.md's table). */
export const patternsOf = (e: Entities): NamedPatterns =>
  Object.assign({ 'due now': dueNow(e, dueSubjectsOf(families)) }, ...families.map((f: Family) => f.patterns?.(e) ?? {}))

const dueWorks = Object.assign({}, ...families.map((f: Family) => f.due ?? {})) as NonNullable<Family['due']>

/** The timed work of the subject a due item names; a kind no family claims is an error. */
export function dueWork(deps: Deps, item: { subject: string; districtId: string; id: string }): Promise<unknown> {
  const work = dueWorks[item.subject]
  if (!work) return Promise.reject(new Error(`due index: no family does timed work on a ${item.subject}`))
  return work(deps, item.districtId, item.id)
}

export const photoHiders = (deps: Deps): PhotoHiders => Object.assign({}, ...families.map((f: Family) => f.hidesPhotos?.(deps) ?? {}))

const revokers = families.filter((f: Family) => f.roleRevoked) as Family[]

/**
 * A revoked role's outbox event (identity writes it with the revocation, subject `role`): each family's part in turn,
 * a page of the person's work per step, so no step grows with how much work they had. It sends nothing itself: what
 * a family changes (a case back in the queue, a booking cancelled) writes its own events, whose fan-outs tell people.
 */
export const roleFanOut: FanOut = async (deps, event, limit) => {
  const revoked = event.payload as unknown as RevokedRole
  const at = event.cursor ? (JSON.parse(event.cursor) as { family: number; cursor?: string }) : { family: 0 }
  const family = revokers[at.family]
  const page = family ? await family.roleRevoked!(deps, revoked, { cursor: at.cursor, limit }) : {}
  const next = page.cursor ? { family: at.family, cursor: page.cursor } : at.family + 1 < revokers.length ? { family: at.family + 1 } : undefined
  return { notices: [], cursor: next && JSON.stringify(next) }
}

/** The outbox's fan-outs by subject kind: every family's, and the revoked role's that runs through them all. */
export const fanOuts: Record<string, FanOut> = Object.assign({ role: roleFanOut }, ...families.map((f: Family) => f.fanOuts ?? {}))
