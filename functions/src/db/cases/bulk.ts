/** Bulk loading of cases for the bench (a table of 100,000 cases): the same items the repository writes. */
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import type { DbConnection } from '../client'
import { bulkWrite } from '../bulk'
import { keys } from '../keys'
import { caseItem } from './repo'
import { makeCaseEntities } from './entities'
import type { CaseRecord, TimelineRecord } from '../../services/cases/ports'

/** `count` entries on the "mine" lists of 5,000 made-up residents of `districtId`, numbered from `offset`. */
export function bulkCaseEntries(c: DbConnection, districtId: string, count: number, offset: number): Promise<void> {
  const at = new Date().toISOString()
  return bulkWrite(c, count, makeCaseEntities, (e, n) => {
    const i = offset + n
    const viewKey = keys.view.mine(districtId, `bench-user-${i % 5000}`)
    const sort = keys.changed(at, `bulk${i}`)
    const summary = { caseId: `bulk${i}`, status: 'submitted' }
    return e.CaseView.build(BatchPutRequest).item({
      districtId,
      caseId: `bulk${i}`,
      viewKey,
      version: 1,
      summary,
      gsi1pk: viewKey,
      gsi1sk: sort,
      gsi2pk: keys.view.withStatus(viewKey, 'submitted'),
      gsi2sk: sort,
    })
  })
}

/**
 * `count` case items like `template` (new ids, numbered from `offset`), with their timeline; `dueAt(i)` places case i
 * on the due index (or not). For the bench's sweep over a large table.
 */
export function bulkCases(
  c: DbConnection,
  template: CaseRecord,
  timeline: TimelineRecord[],
  count: number,
  offset: number,
  dueAt: (i: number) => string | undefined,
): Promise<void> {
  return bulkWrite(c, count, makeCaseEntities, (e, n) =>
    e.Case.build(BatchPutRequest).item({ ...caseItem({ ...template, caseId: `bulkcase${offset + n}`, dueAt: dueAt(offset + n) }), timeline }),
  )
}
