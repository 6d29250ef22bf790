/** Entities of identity: users, their role bindings, and the invites that grant them. */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { roles } from '@linli/shared'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeIdentityEntities(table: LinliTable) {
  const User = new Entity({
    name: 'User',
    table,
    // The openid is kept server-side only: subscribe messages must be addressed to it.
    // sessionGeneration: tokens signed at an older generation are ended (logout, a role taken back).
    schema: item({
      userId: string().key(),
      districtId: string(),
      name: string(),
      phone: string().optional(),
      openid: string().optional(),
      sessionGeneration: number().optional(),
    }),
    computeKey: ({ userId }) => ({ pk: keys.user(userId), sk: keys.userProfile }),
  })

  const RoleBinding = new Entity({
    name: 'RoleBinding',
    table,
    schema: item({
      userId: string().key(),
      role: string()
        .enum(...roles)
        .key(),
      scopeId: string().key(),
      scopeName: string(),
      districtId: string(),
      grantedBy: string(),
      userName: string().optional(),
      /** Who holds a role in a scope of a district, e.g. the officials of a department (see keys.scopeHolders). */
      gsi1pk: string(),
      gsi1sk: string(),
    }),
    computeKey: ({ userId, role, scopeId }) => ({ pk: keys.user(userId), sk: keys.roleBinding(role, scopeId) }),
  })

  const Invite = new Entity({
    name: 'Invite',
    table,
    schema: item({
      districtId: string().key(),
      code: string().key(),
      role: string().enum(...roles),
      scopeId: string(),
      scopeName: string(),
      note: string().optional(),
      createdBy: string(),
      expiresAt: string(),
      usedBy: string().optional(),
      usedAt: string().optional(),
      /** Epoch seconds: DynamoDB deletes spent and expired invites a while after they lapse. */
      ttl: number(),
    }),
    computeKey: ({ districtId, code }) => ({ pk: keys.invite(districtId, code), sk: 'INVITE' }),
  })

  /** Attempts of one user at one limited action in one window (invite codes tried this hour); gone with the window. */
  const Attempts = new Entity({
    name: 'Attempts',
    table,
    schema: item({ userId: string().key(), action: string().key(), window: string().key(), count: number(), ttl: number() }),
    computeKey: ({ userId, action, window }) => ({ pk: keys.attempts(userId, action, window), sk: keys.attemptsItem }),
  })

  return { User, RoleBinding, Invite, Attempts }
}
