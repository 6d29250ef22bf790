import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import type { Entities } from '../entities'
import type { InviteRecord, InvitesRepo } from '../../services/identity/ports'
import { bindingItem } from './users-repo'

const TTL_GRACE_SECONDS = 30 * 24 * 3600

export function makeInvitesRepo(e: Entities): InvitesRepo {
  const invites = e.Invite.build(EntityRepository)
  const bindings = e.RoleBinding.build(EntityRepository)

  const toRecord = (i: NonNullable<Awaited<ReturnType<typeof invites.get>>['Item']>): InviteRecord => ({
    code: i.code,
    districtId: i.districtId,
    role: i.role,
    scopeId: i.scopeId,
    scopeName: i.scopeName,
    note: i.note,
    createdBy: i.createdBy,
    expiresAt: i.expiresAt,
    usedBy: i.usedBy,
    usedAt: i.usedAt,
  })

  return {
    /** Fails with false when the code is taken (the caller draws another). */
    async create(invite) {
      const ttl = Math.floor(new Date(invite.expiresAt).getTime() / 1000) + TTL_GRACE_SECONDS
      try {
        await invites.put({ ...invite, ttl }, { condition: { attr: 'code', exists: false } })
        return true
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return false
        throw err
      }
    },

    async get(districtId, code) {
      const { Item } = await invites.get({ districtId, code }, { consistent: true })
      return Item && toRecord(Item)
    },

    /**
     * One transaction: mark the invite used (only if unused, unexpired and of this district) and grant the role.
     * Two redeemers of one code: exactly one transaction commits.
     */
    async redeem(code, userId, userName, districtId, binding, now) {
      const at = now.toISOString()
      for (let attempt = 0; ; attempt++) {
        try {
          await execute(
            invites.transactUpdate(
              { districtId, code, usedBy: userId, usedAt: at },
              {
                condition: {
                  and: [
                    { attr: 'code', exists: true },
                    { attr: 'usedBy', exists: false },
                    { attr: 'expiresAt', gt: at },
                  ],
                },
              },
            ),
            bindings.transactPut(bindingItem(userId, binding, `invite:${code}`, userName)),
          )
          return 'redeemed'
        } catch (err) {
          if ((err as Error).name !== 'TransactionCanceledException') throw err
          const { Item } = await invites.get({ districtId, code }, { consistent: true })
          const current = Item && toRecord(Item)
          if (!current) return 'notFound'
          if (current.usedBy) return 'used'
          if (current.expiresAt <= at) return 'expired'
          // Cancelled by a concurrent transaction on the same invite (TransactionConflict): try again shortly.
          if (attempt >= 4) throw err
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 50 * (attempt + 1)))
        }
      }
    },
  }
}
