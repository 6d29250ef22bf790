/** The case loop as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { caseFanOut } from './outbox'
import { caseDue } from './events'

export const casesFamily: Family = {
  name: 'cases',
  fanOuts: { case: caseFanOut },
  due: { case: caseDue },
  hidesPhotos: (deps) => ({ case: deps.repos.cases.hidePhoto }),
}
