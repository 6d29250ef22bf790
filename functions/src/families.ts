/**
 * The families, listed once: the jobs (fan-outs, due work) and the ports one family offers the others (hiding a
 * risky photo, a revoked role) are composed from this list. A new family adds its `family.ts` and one line here.
 * Imported by the functions that serve every family (notifier, sweeper, WeChat's push, revoking a role), not by
 * the others, which bundle only what they use.
 */
import type { Family, RevokedRole } from './family'
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { PhotoHiders } from './services/moderation/ports'
import { casesFamily } from './services/cases/family'
import { mediationFamily } from './services/mediation/family'
import { fieldFamily } from './services/field/family'

export const families: readonly Family[] = [casesFamily, mediationFamily, fieldFamily]

export const fanOuts: Record<string, FanOut> = Object.assign({}, ...families.map((f) => f.fanOuts ?? {}))

const dueWorks = Object.assign({}, ...families.map((f) => f.due ?? {})) as NonNullable<Family['due']>

/** The timed work of the subject a due item names; a kind no family claims is an error. */
export function dueWork(deps: Deps, item: { subject: string; districtId: string; id: string }): Promise<unknown> {
  const work = dueWorks[item.subject]
  if (!work) return Promise.reject(new Error(`due index: no family does timed work on a ${item.subject}`))
  return work(deps, item.districtId, item.id)
}

export const photoHiders = (deps: Deps): PhotoHiders => Object.assign({}, ...families.map((f) => f.hidesPhotos?.(deps) ?? {}))

/** Every family's part once a role is taken away (each bounded: what grows with the person's work goes through the outbox). */
export async function roleRevoked(deps: Deps, revoked: RevokedRole): Promise<void> {
  await Promise.all(families.map((f) => f.roleRevoked?.(deps, revoked)))
}
