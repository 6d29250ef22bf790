/** Interop's records and what its use cases are given. */
import type { DepsOf } from '../deps'

/** An Open311 partner of a district (the city's hotline platform, a partner app): its key is kept as a hash only. */
export interface PartnerRecord {
  districtId: string
  partnerId: string
  name: string
  /** SHA-256 of the key's secret part, hex. */
  keyHash: string
  keyHint: string
  createdAt: string
  createdBy: string
  revokedAt?: string
  revokedBy?: string
}

export interface PartnersRepo {
  create(partner: PartnerRecord): Promise<void>
  get(districtId: string, partnerId: string): Promise<PartnerRecord | undefined>
  list(districtId: string): Promise<PartnerRecord[]>
  /** False when there was no such partner, or it was revoked already. */
  revoke(districtId: string, partnerId: string, at: string, by: string): Promise<boolean>
}

/** What Open311's reads are given: the district's catalogue and the index of its cases by status. */
export type Open311Deps = DepsOf<'cases', 'catalogue' | 'clock' | 'defaultDistrictId'>

/** What the partners' keys are kept and checked with: their records, the audit log, the clock and new ids. */
export type PartnersDeps = DepsOf<'partners' | 'audit', 'clock' | 'newId'>
