/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { commandCategories, commandMap, commandOverview, commandPoints, commandRankings, commandTrends } from './watch'
import { commandCasesExport } from './exports'
import { commandSettingsGet, commandSettingsPut } from './settings'
import type { Permission } from '../../domain/permission-rules'
import { only, type RouteAccess } from '../../domain/access'

export const routes = {
  commandOverview,
  commandMap,
  commandPoints,
  commandRankings,
  commandTrends,
  commandCategories,
  commandCasesExport,
  commandSettingsGet,
  commandSettingsPut,
} as const

export { commandErrors as errors } from './errors'

export const permissions = {
  // A district's dispatchers watch their level and below; its admins and leaders (领导, read only) the whole district.
  'command.watch': { roles: ['dispatcher', 'admin', 'leader'], scope: 'node' },
  // Exports carry the cases themselves: the dispatchers and leaders who may drill into them, not the admins.
  'command.export': { roles: ['dispatcher', 'leader'], scope: 'node' },
  // Where the open cases are: for those who may drill into them (an admin sees the grades, not the cases).
  'command.points': { roles: ['dispatcher', 'leader'], scope: 'node' },
  // The district's admins set its weights, minimum and grade rules.
  'command.settings': { roles: ['admin'], scope: 'district' },
} as const satisfies Record<string, Permission>

export const access = {
  commandOverview: only(['dispatcher', 'admin', 'leader'], 200),
  commandMap: only(['dispatcher', 'admin', 'leader'], 200),
  commandRankings: only(['dispatcher', 'admin', 'leader'], 200),
  commandTrends: only(['dispatcher', 'admin', 'leader'], 200),
  commandPoints: only(['dispatcher', 'leader'], 200),
  commandCategories: only(['dispatcher', 'admin', 'leader'], 200),
  commandCasesExport: only(['dispatcher', 'leader'], 200),
  commandSettingsGet: only(['dispatcher', 'admin', 'leader'], 200),
  commandSettingsPut: only(['admin'], 200),
} as const satisfies Record<string, RouteAccess>
