/**
 * What each family plugs into the shared jobs: the fan-out of its outbox events (by subject kind) and its work on
 * items of the due index. A new family adds its lines here; the notifier and the sweeper stay as they are.
 */
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { DueItem } from './jobs/ports'
import { caseFanOut } from './services/cases/outbox'
import { caseDue } from './services/cases/events'
import { bookingFanOut } from './services/mediation/outbox'
import { bookingDue } from './services/mediation/events'
import { announcementFanOut } from './services/field/announcements'

export const fanOuts: Record<string, FanOut> = { case: caseFanOut, booking: bookingFanOut, announcement: announcementFanOut }

/** The timed work of the subject a due item names: a case's auto-confirm, a booking's reminders. */
export function dueWork(deps: Deps, item: Exclude<DueItem, { kind: 'notice' | 'outboxEvent' }>): Promise<unknown> {
  switch (item.kind) {
    case 'case':
      return caseDue(deps, item.districtId, item.caseId)
    case 'booking':
      return bookingDue(deps, item.districtId, item.bookingId)
  }
}
