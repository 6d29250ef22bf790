import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import type { Entities } from './entities'
import { userPk } from './entities'
import type { Binding, UserRecord } from '../model'

/** A role binding as stored: also findable by scope (gsi1: SCOPE#<scopeId> / <role>#<userId>). */
export const bindingItem = (userId: string, b: Binding, grantedBy: string, userName?: string) => ({
  userId,
  ...b,
  grantedBy,
  userName,
  gsi1pk: `SCOPE#${b.scopeId}`,
  gsi1sk: `${b.role}#${userId}`,
})

export function makeUsersRepo(e: Entities) {
  const users = e.User.build(EntityRepository)

  return {
    /** Access pattern "user with roles": Query pk=USER#id — the profile and every role binding in one read. */
    async getWithRoles(userId: string): Promise<{ user: UserRecord; roles: Binding[] } | undefined> {
      const { Items = [] } = await e.table
        .build(QueryCommand)
        .entities(e.User, e.RoleBinding)
        .query({ partition: userPk(userId) })
        .options({ maxPages: Infinity, showEntityAttr: true, consistent: true })
        .send()
      let user: UserRecord | undefined
      const roles: Binding[] = []
      for (const item of Items) {
        if (item.entity === 'User' && 'name' in item) user = { id: item.userId, districtId: item.districtId, name: item.name, phone: item.phone, openid: item.openid }
        else if ('role' in item) roles.push({ role: item.role, scopeId: item.scopeId, scopeName: item.scopeName, districtId: item.districtId })
      }
      return user && { user, roles }
    },

    /** Creates the user on first sign-in; an existing profile is left as it is (race-safe). */
    async ensure(user: UserRecord): Promise<void> {
      try {
        await users.put({ userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone, openid: user.openid }, { condition: { attr: 'userId', exists: false } })
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err
      }
    },

    async put(user: UserRecord): Promise<void> {
      await users.put({ userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone, openid: user.openid })
    },

    async setOpenid(userId: string, openid: string): Promise<void> {
      await users.updateAttributes({ userId, openid })
    },

    async putRole(userId: string, binding: Binding, grantedBy: string, userName?: string): Promise<void> {
      await e.RoleBinding.build(EntityRepository).put(bindingItem(userId, binding, grantedBy, userName))
    },

    /** Access pattern "holders of a role in a scope" (e.g. officials of a department): Query gsi1 = SCOPE#scope. */
    async holders(scopeId: string, role: Binding['role']): Promise<{ userId: string; name: string }[]> {
      const { Items = [] } = await e.table
        .build(QueryCommand)
        .entities(e.RoleBinding)
        .query({ index: 'gsi1', partition: `SCOPE#${scopeId}`, range: { beginsWith: `${role}#` } })
        .options({ maxPages: Infinity })
        .send()
      return Items.map((i) => ({ userId: i.userId, name: i.userName ?? '' }))
    },
  }
}

export type UsersRepo = ReturnType<typeof makeUsersRepo>