/** Entities of the command centre: a district's own rules (weights, minimum, grade rules). Its figures are the other families' counters. */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { any } from 'dynamodb-toolbox/schema/any'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeCommandEntities(table: LinliTable) {
  const CommandSettings = new Entity({
    name: 'CommandSettings',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), settings: any(), updatedAt: string(), updatedBy: string() }),
    computeKey: ({ districtId }) => ({ pk: keys.commandSettings(districtId), sk: keys.commandSettingsItem }),
  })
  return { CommandSettings }
}
