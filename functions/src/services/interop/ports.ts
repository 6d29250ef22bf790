import type { DepsOf } from '../deps'

/** What Open311's reads are given: the district's catalogue and the index of its cases by status. */
export type Open311Deps = DepsOf<'cases', 'catalogue' | 'clock' | 'defaultDistrictId'>
