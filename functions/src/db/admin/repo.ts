/**
 * Storage of district administration: the admins write the district's reference data (its catalogue partition) and
 * the change that says so in one transaction, so no edit goes unlogged and no log names an edit that did not happen.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchWriteCommand, execute as execBatch } from 'dynamodb-toolbox/table/actions/batchWrite'
import { chinaDate, chunks } from '@linli/shared'
import type { Entities } from '../entities'
import { adminPatterns } from './patterns'
import type { AdminRepo, ChangeRecord, Edited } from '../../services/admin/ports'
import type { NodeRecord } from '../../services/district/ports'

export function makeAdminRepo(e: Entities): AdminRepo {
  const changes = e.AdminChange.build(EntityRepository)
  const departments = e.Department.build(EntityRepository)
  const categories = e.Category.build(EntityRepository)
  const gridNodes = e.GridNode.build(EntityRepository)
  const p = adminPatterns(e)
  const changeItem = (change: ChangeRecord) => ({ ...change, date: chinaDate(change.at), changeId: Math.random().toString(36).slice(2, 10) })
  const nodeItem = (districtId: string, n: NodeRecord, retiredAt?: string) => ({
    districtId,
    nodeId: n.id,
    name: n.name,
    level: n.level,
    parentId: n.parentId,
    boundary: n.boundary,
    roster: n.roster,
    retiredAt,
  })

  return {
    /** GetItem `<d>#CATALOGUE / DEPT#<id>` or `CAT#<id>`, consistent: what a change replaces. */
    async current<K extends 'department' | 'category'>(districtId: string, kind: K, id: string) {
      if (kind === 'department') {
        const { Item } = await departments.get({ districtId, departmentId: id }, { consistent: true })
        return (Item && { name: Item.name, nodeId: Item.nodeId }) as Edited<K> | undefined
      }
      const { Item } = await categories.get({ districtId, categoryId: id }, { consistent: true })
      if (!Item) return undefined
      const { classId, name, order, departmentId, priority, slaBand, autoDispatch } = Item
      return { classId, name, order, departmentId, priority, slaBand, ...(autoDispatch === undefined ? {} : { autoDispatch }) } as Edited<K>
    },

    /** TransactWrite: PutItem of the record and PutItem `<d>#CHANGES#<date> / <at>#<id>`. */
    async apply(change) {
      const { districtId, kind, subjectId, after } = change
      const record =
        kind === 'department'
          ? departments.transactPut({ districtId, departmentId: subjectId, ...(after as Edited<'department'>) })
          : categories.transactPut({ districtId, categoryId: subjectId, ...(after as Edited<'category'>) })
      await execute(record, changes.transactPut(changeItem(change)))
    },

    /** BatchWrite, 25 a batch: PutItem `<d>#CATALOGUE / NODE#<id>` of each grid (a retired one with retiredAt) and each change's entry. */
    async applyGrids(districtId, grids, retired, made) {
      const puts = [
        ...grids.map((n) => gridNodes.batchPut(nodeItem(districtId, n))),
        ...retired.map(({ node, at }) => gridNodes.batchPut(nodeItem(districtId, node, at))),
        ...made.map((c) => changes.batchPut(changeItem(c))),
      ]
      for (const batch of chunks(puts, 25)) await execBatch({ maxAttempts: 5 }, e.table.build(BatchWriteCommand).requests(...batch))
    },

    /** Access pattern "a day's admin changes": one page, newest first. */
    async changes(districtId, date, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p["a day's admin changes"]
        .query({ districtId, date })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return {
        items: Items.map(
          ({ districtId: d, at, userId, userName, kind, subjectId, before, after }): ChangeRecord =>
            ({ districtId: d, at, userId, userName, kind, subjectId, before, after }) as ChangeRecord,
        ),
        lastKey: LastEvaluatedKey,
      }
    },
  }
}
