/**
 * Storage of a district's Open311 partners: one item each under the district's partners partition. A key is checked
 * with a GetItem (its district and partner are in the key itself); the admin's list is one Query.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import type { Entities } from '../entities'
import { interopPatterns } from './patterns'
import { conditional } from '../transact'
import type { PartnerRecord, PartnersRepo } from '../../services/interop/ports'

const recordOf = ({ districtId, partnerId, name, keyHash, keyHint, createdAt, createdBy, revokedAt, revokedBy }: PartnerRecord): PartnerRecord => ({
  districtId,
  partnerId,
  name,
  keyHash,
  keyHint,
  createdAt,
  createdBy,
  ...(revokedAt ? { revokedAt, revokedBy } : {}),
})

export function makePartnersRepo(e: Entities): PartnersRepo {
  const partners = e.Partner.build(EntityRepository)
  const p = interopPatterns(e)
  return {
    /** PutItem on condition it is new. */
    async create(partner) {
      await partners.put(partner, { condition: { attr: 'partnerId', exists: false } })
    },
    /** GetItem `<d>#PARTNERS / PARTNER#<id>`. */
    async get(districtId, partnerId) {
      const { Item } = await partners.get({ districtId, partnerId })
      return Item && recordOf(Item)
    },
    /** Access pattern "a district's partners": one Query (a district has tens of partners, not thousands). */
    async list(districtId) {
      const { Items = [] } = await p["a district's partners"].query({ districtId }).send()
      return Items.map(recordOf)
    },
    /** UpdateItem on condition it exists and is not revoked yet: false when it was not there to revoke. */
    revoke(districtId, partnerId, at, by) {
      return conditional(() =>
        partners.update(
          { districtId, partnerId, revokedAt: at, revokedBy: by },
          {
            condition: {
              and: [
                { attr: 'partnerId', exists: true },
                { attr: 'revokedAt', exists: false },
              ],
            },
          },
        ),
      )
    },
  }
}
