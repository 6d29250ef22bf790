/**
 * What the command centre watches with: the 三率 counters and gauges the case loop keeps and the day's field work the
 * check-ins count and the week's mediation the bookings count (all read only), the catalogue, the clock.
 */
import type { CommandSettings } from '@linli/shared'
import type { DepsOf } from '../deps'

export type CommandDeps = DepsOf<'rates' | 'field' | 'mediation' | 'commandSettings', 'catalogue' | 'clock'>

/** A district's rules, as the admin set them (none: the defaults). */
export interface SettingsRepo {
  get(districtId: string): Promise<CommandSettings | undefined>
  put(districtId: string, settings: CommandSettings, by: string, at: string): Promise<void>
}

/** What an export reads and records with: the cases themselves (read only) and the audit log. */
export type CommandExportDeps = DepsOf<'cases' | 'audit', 'catalogue' | 'clock'>

/** What the map's points are read with: the cases' status index (read only). */
export type CommandPointsDeps = DepsOf<'cases', 'catalogue' | 'clock'>
