/**
 * A family as the platform composes it (DESIGN.md §2): what it plugs into the shared jobs and the ports it offers
 * the other families. Each family declares its own in `services/<family>/family.ts`; ./families.ts lists them once.
 */
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { PhotoHiders } from './services/moderation/ports'

/** A staff role just taken from a person (DESIGN.md §3 "Identity"): the families holding their work react. */
export interface RevokedRole {
  districtId: string
  userId: string
  userName: string
  role: string
  scopeId: string
}

export interface Family {
  name: string
  /** The fan-out of its outbox events, by subject kind. */
  fanOuts?: Record<string, FanOut>
  /** Its timed work on a subject the due index names, by subject kind (a case's clock, a booking's reminders). */
  due?: Record<string, (deps: Deps, districtId: string, id: string) => Promise<unknown>>
  /** How it hides a photo of its records that WeChat judged risky, by subject kind. */
  hidesPhotos?: (deps: Deps) => PhotoHiders
  /** What it does with a person's work when one of their roles is taken away. */
  roleRevoked?: (deps: Deps, revoked: RevokedRole) => Promise<void>
}
