/** The database, assembled: every family's repository over one table. The only door from services to DynamoDB. */
import { makeDocumentClient, makeDynamoClient, type DbConnection } from './client'
import { makeEntities } from './entities'
import { makeUsersRepo } from './identity/users-repo'
import { makeInvitesRepo } from './identity/invites-repo'
import { makeCatalogueRepo } from './district/catalogue-repo'
import { makeCasesRepo } from './cases/repo'
import { makeRatesRepo } from './cases/rates-repo'
import { makeConsentsRepo, makeOutboxRepo } from './notify/outbox-repo'
import { makeDueRepo } from './due-repo'
import { makeMediationRepo } from './mediation/repo'
import { makeFieldRepo } from './field/repo'
import { makeAuditRepo, makeDataKeyStore } from './privacy/repo'
import { makeHouseholdsRepo } from './field/households-repo'
import { makeAnnouncementsRepo, makeHouseholdLinksRepo } from './field/announcements-repo'
import { makeIdempotencyRepo } from './idempotency/repo'
import { makeModerationRepo } from './moderation/repo'
import type { Repos } from '../services/deps'

export function makeRepos(c: DbConnection): Repos {
  const entities = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  return {
    users: makeUsersRepo(entities),
    invites: makeInvitesRepo(entities),
    catalogue: makeCatalogueRepo(entities),
    cases: makeCasesRepo(entities),
    rates: makeRatesRepo(entities),
    outbox: makeOutboxRepo(entities),
    consents: makeConsentsRepo(entities),
    due: makeDueRepo(entities),
    mediation: makeMediationRepo(entities),
    field: makeFieldRepo(entities),
    dataKeys: makeDataKeyStore(entities),
    households: makeHouseholdsRepo(entities),
    audit: makeAuditRepo(entities),
    announcements: makeAnnouncementsRepo(entities),
    householdLinks: makeHouseholdLinksRepo(entities),
    idempotency: makeIdempotencyRepo(entities),
    moderation: makeModerationRepo(entities),
  }
}

export { ensureTable } from './create-table'
export type { DbConnection } from './client'
export type { Repos } from '../services/deps'
export { bulkCaseEntries, bulkCases } from './cases/bulk'
