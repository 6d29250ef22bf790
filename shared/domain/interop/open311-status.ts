/**
 * How our states read in Open311 GeoReport v2: the spec's two statuses, and mySociety's finer ones (FixMyStreet's
 * `external_status_code`, the same words its servicerequestupdates carry). A case handled and waiting for its
 * reporter's rating (待评价) is FIXED: the work is done, though the reporter may still send it back (重办).
 */
import type { CaseStatus } from '../case/lifecycle'

export const open311StatusOf: Record<CaseStatus, { status: 'open' | 'closed'; finer: string }> = {
  submitted: { status: 'open', finer: 'OPEN' },
  accepted: { status: 'open', finer: 'INVESTIGATING' },
  dispatched: { status: 'open', finer: 'ACTION_SCHEDULED' },
  in_progress: { status: 'open', finer: 'IN_PROGRESS' },
  referred: { status: 'open', finer: 'INTERNAL_REFERRAL' },
  resolved: { status: 'closed', finer: 'FIXED' },
  closed: { status: 'closed', finer: 'CLOSED' },
  rejected: { status: 'closed', finer: 'NOT_COUNCILS_RESPONSIBILITY' },
  withdrawn: { status: 'closed', finer: 'NO_FURTHER_ACTION' },
}

/** Our states that read as an Open311 status. */
export const statusesOf = (status: 'open' | 'closed') => (Object.keys(open311StatusOf) as CaseStatus[]).filter((s) => open311StatusOf[s].status === status)
