/** Identity (people, their roles, invites) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeIdentityEntities } from '../../db/identity/entities'
import { makeUsersRepo } from '../../db/identity/users-repo'
import { makeInvitesRepo } from '../../db/identity/invites-repo'
import { identityPatterns } from '../../db/identity/patterns'
import type { InvitesRepo, UsersRepo } from './ports'

export const identityFamily: Family<ReturnType<typeof makeIdentityEntities>, { users: UsersRepo; invites: InvitesRepo }> = {
  name: 'identity',
  storage: {
    entities: makeIdentityEntities,
    repos: (e) => ({ users: makeUsersRepo(e), invites: makeInvitesRepo(e) }),
  },
  patterns: identityPatterns,
}
