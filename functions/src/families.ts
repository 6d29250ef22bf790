/**
 * What each family plugs into the shared jobs: the fan-out of its outbox events (by subject kind) and its work on
 * items of the due index. A new family adds its lines here; the notifier and the sweeper stay as they are.
 */
import type { FanOut } from './notify/outbox'
import type { Deps } from './services/deps'
import type { DueItem } from './jobs/ports'
import { caseFanOut } from './services/cases/outbox'
import { caseDue } from './services/cases/events'

export const fanOuts: Record<string, FanOut> = { case: caseFanOut }

type SubjectDue = Exclude<DueItem, { kind: 'notice' | 'outboxEvent' }>
export const dueWork: { [K in SubjectDue['kind']]: (deps: Deps, item: Extract<SubjectDue, { kind: K }>) => Promise<unknown> } = {
  case: (deps, item) => caseDue(deps, item.districtId, item.caseId),
}
