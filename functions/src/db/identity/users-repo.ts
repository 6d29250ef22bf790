import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { $add } from 'dynamodb-toolbox/entity/actions/update'
import { cancelReasons, conditional, isCanceled } from '../transact'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { decodeKey, encodeKey } from '../page-key'
import { identityPatterns } from './patterns'
import { outboxEventItem } from '../notify/outbox-repo'
import type { Binding, UsersRepo } from '../../services/identity/ports'

/** A role binding as stored: also findable by scope (gsi1, keys.scopeHolders). */
export const bindingItem = (userId: string, b: Binding, grantedBy: string, userName?: string) => ({
  userId,
  ...b,
  grantedBy,
  userName,
  gsi1pk: keys.scopeHolders(b.districtId, b.scopeId),
  gsi1sk: keys.scopeHolder(b.role, userId),
})

export function makeUsersRepo(e: Entities): UsersRepo {
  const users = e.User.build(EntityRepository)
  const bindings = e.RoleBinding.build(EntityRepository)
  const attempts = e.Attempts.build(EntityRepository)
  const p = identityPatterns(e)

  return {
    /** Access pattern "user with roles": Query pk = USER#id — the profile and every role binding in one read. */
    async getWithRoles(userId) {
      const { Items = [] } = await p['user with roles'].query({ userId }).send()
      let user
      const roles: Binding[] = []
      for (const item of Items) {
        if (item.entity === 'User' && 'name' in item)
          user = {
            id: item.userId,
            districtId: item.districtId,
            name: item.name,
            phone: item.phone,
            openid: item.openid,
            sessionGeneration: item.sessionGeneration ?? 0,
          }
        else if ('role' in item) roles.push({ role: item.role, scopeId: item.scopeId, scopeName: item.scopeName, districtId: item.districtId })
      }
      return user && { user, roles }
    },

    /** Creates the user on first sign-in; an existing profile is left as it is (race-safe). */
    async ensure(user) {
      try {
        await users.put(
          { userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone, openid: user.openid },
          { condition: { attr: 'userId', exists: false } },
        )
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err
      }
    },

    /** Writes the profile's fields; the session generation is left as it is (a put would revive ended tokens). */
    async put(user) {
      await users.update({ userId: user.id, districtId: user.districtId, name: user.name, phone: user.phone, openid: user.openid })
    },

    async setOpenid(userId, openid) {
      await users.updateAttributes({ userId, openid })
    },

    async putRole(userId, binding, grantedBy, userName) {
      await bindings.put(bindingItem(userId, binding, grantedBy, userName))
    },

    async removeRole(userId, binding) {
      await bindings.delete({ userId, role: binding.role, scopeId: binding.scopeId })
    },

    async endSessions(userId) {
      await users.update({ userId, sessionGeneration: $add(1) }, { condition: { attr: 'userId', exists: true } })
    },

    /** One transaction: the binding goes (if it is there) and the holder's sessions end with it. */
    async revokeRole(userId, binding, event) {
      try {
        await execute(
          bindings.transactDelete({ userId, role: binding.role, scopeId: binding.scopeId }, { condition: { attr: 'userId', exists: true } }),
          users.transactUpdate({ userId, sessionGeneration: $add(1) }, { condition: { attr: 'userId', exists: true } }),
          e.OutboxEvent.build(EntityRepository).transactPut(outboxEventItem(event)),
        )
        return true
      } catch (err) {
        if (isCanceled(err) && cancelReasons(err).includes('ConditionalCheckFailed')) return false
        throw err
      }
    },

    /** Counts one attempt in the window; false when `max` were made already (the count stays at max). */
    async attempt(userId, action, window, max, expiresAt) {
      const ttl = Math.floor(expiresAt.getTime() / 1000)
      return conditional(() =>
        attempts.update(
          { userId, action, window, count: $add(1), ttl },
          {
            condition: {
              or: [
                { attr: 'count', exists: false },
                { attr: 'count', lt: max },
              ],
            },
          },
        ),
      )
    },

    /** BatchGetItem of `USER#u / PROFILE` for each user (≤ 100). */
    async profiles(userIds) {
      if (!userIds.length) return []
      const { Responses } = await batchGet(
        { maxAttempts: 5 },
        e.table.build(BatchGetCommand).requests(...[...new Set(userIds)].map((userId) => users.batchGet({ userId }))),
      )
      return (Responses?.[0] ?? []).flatMap((i) => (i ? [{ id: i.userId, districtId: i.districtId, name: i.name, phone: i.phone }] : []))
    },

    /** BatchGetItem of `USER#u / ROLE#role#scope` for each binding asked (≤ 100): the user ids whose binding is there. */
    async holding(districtId, wanted) {
      if (!wanted.length) return new Set()
      const { Responses } = await batchGet(
        { maxAttempts: 5 },
        e.table
          .build(BatchGetCommand)
          .requests(...[...new Map(wanted.map((w) => [`${w.userId}#${w.role}#${w.scopeId}`, w])).values()].map((w) => bindings.batchGet(w))),
      )
      return new Set((Responses?.[0] ?? []).flatMap((b) => (b && b.districtId === districtId ? [b.userId] : [])))
    },

    /** Access pattern "holders of a role in a scope" (the officials of a department): Query gsi1, one page. */
    async holders(districtId, scopeId, role, page = { limit: 100 }) {
      const { Items = [], LastEvaluatedKey } = await p['holders of a role in a scope']
        .query({ districtId, scopeId, role })
        .options((o) => ({ ...o, limit: page.limit, exclusiveStartKey: decodeKey(page.after) }))
        .send()
      return { items: Items.map((i) => ({ userId: i.userId, name: i.userName ?? '' })), next: encodeKey(LastEvaluatedKey) }
    },
  }
}
