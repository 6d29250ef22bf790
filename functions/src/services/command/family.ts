/** The command centre as the platform composes it (functions/src/families.ts): its own rules; its figures are read from the other families' counters. */
import type { Family } from '../../family'
import { makeCommandEntities } from '../../db/command/entities'
import { makeSettingsRepo } from '../../db/command/repo'
import type { SettingsRepo } from './ports'

export const commandFamily: Family<ReturnType<typeof makeCommandEntities>, { commandSettings: SettingsRepo }> = {
  name: 'command',
  storage: { entities: makeCommandEntities, repos: (e) => ({ commandSettings: makeSettingsRepo(e) }) },
}
