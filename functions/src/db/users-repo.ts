import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import type { Entities } from './entities'
import { userPk } from './entities'
import type { Binding, UserRecord } from '../model'

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
        if (item.entity === 'User' && 'name' in item) user = { id: item.userId, districtId: item.districtId, name: item.name, phone: item.phone }
        else if ('role' in item) roles.push({ role: item.role, scopeId: item.scopeId, scopeName: item.scopeName, districtId: item.districtId })
      }
      return user && { user, roles }
    },

    /** Creates the user on first sign-in; an existing profile is left as it is (race-safe). */
    async ensure(user: UserRecord): Promise<void> {
      try {
        await users.put({ userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone }, { condition: { attr: 'userId', exists: false } })
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err
      }
    },

    async put(user: UserRecord): Promise<void> {
      await users.put({ userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone })
    },

    async putRole(userId: string, binding: Binding, grantedBy: string): Promise<void> {
      await e.RoleBinding.build(EntityRepository).put({ userId, ...binding, grantedBy })
    },
  }
}

export type UsersRepo = ReturnType<typeof makeUsersRepo>