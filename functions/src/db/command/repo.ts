/** Storage of the command centre's rules: one item per district, read with a GetItem, replaced whole by the admin. */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import type { CommandSettings } from '@linli/shared'
import type { Entities } from '../entities'
import type { SettingsRepo } from '../../services/command/ports'

export function makeSettingsRepo(e: Entities): SettingsRepo {
  const settings = e.CommandSettings.build(EntityRepository)
  return {
    /** GetItem `<d>#COMMAND / SETTINGS`. */
    async get(districtId) {
      const { Item } = await settings.get({ districtId })
      return Item?.settings as CommandSettings | undefined
    },
    async put(districtId, s, by, at) {
      await settings.put({ districtId, settings: s, updatedAt: at, updatedBy: by })
    },
  }
}
