/** Entities of district administration: the log of the admins' changes to the district's reference data. */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { any } from 'dynamodb-toolbox/schema/any'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeAdminEntities(table: LinliTable) {
  /** One change: who made it, when, to which record, and the record before (absent when created) and after. */
  const AdminChange = new Entity({
    name: 'AdminChange',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      date: string().key(),
      at: string().key(),
      changeId: string().key(),
      userId: string(),
      userName: string(),
      kind: string(),
      subjectId: string(),
      before: any().optional(),
      after: any(),
    }),
    computeKey: ({ districtId, date, at, changeId }) => ({ pk: keys.adminChanges(districtId, date), sk: `${at}#${changeId}` }),
  })
  return { AdminChange }
}
