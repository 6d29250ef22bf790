/** The database, assembled: every repository over one table. The only door from services to DynamoDB. */
import { makeDocumentClient, makeDynamoClient, type DbConnection } from './client'
import { makeEntities } from './entities'
import { makeUsersRepo } from './users-repo'
import { makeInvitesRepo } from './invites-repo'
import { makeCatalogueRepo } from './catalogue-repo'
import { makeCasesRepo } from './cases-repo'

export function makeRepos(c: DbConnection) {
  const entities = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  return {
    users: makeUsersRepo(entities),
    invites: makeInvitesRepo(entities),
    catalogue: makeCatalogueRepo(entities),
    cases: makeCasesRepo(entities),
  }
}

export type Repos = ReturnType<typeof makeRepos>
export { ensureTable } from './create-table'
export type { DbConnection } from './client'
export type { RedeemOutcome } from './invites-repo'
export type { CasesRepo, CaseRecordSummary } from './cases-repo'
export { summaryOf } from './cases-repo'
export { newNotices } from './stream'
