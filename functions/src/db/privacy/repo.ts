/** Storage of privacy: the districts' wrapped data keys and the audit log of unmasked reads. */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { chinaDate } from '@linli/shared'
import type { Entities } from '../entities'
import { privacyPatterns } from './patterns'
import { conditional } from '../transact'
import type { DataKeyStore } from '../../adapters/pii'
import type { AuditRecord, AuditRepo } from '../../services/privacy/ports'

/** Access pattern "a district's data key": GetItem `<d>#PIIKEY / KEY`; the first one PutItem if absent. */
export function makeDataKeyStore(e: Entities): DataKeyStore {
  const dataKeys = e.DataKey.build(EntityRepository)
  return {
    async get(districtId) {
      return (await dataKeys.get({ districtId }, { consistent: true })).Item?.wrapped
    },
    create: (districtId, wrapped) => conditional(() => dataKeys.put({ districtId, wrapped }, { condition: { attr: 'wrapped', exists: false } })),
  }
}

export function makeAuditRepo(e: Entities): AuditRepo {
  const audit = e.AuditEntry.build(EntityRepository)
  const p = privacyPatterns(e)
  return {
    async record(entry) {
      await audit.put({ ...entry, date: chinaDate(entry.at), entryId: Math.random().toString(36).slice(2, 10) })
    },

    /** Access pattern "the audit log of a day": one page, newest first. */
    async day(districtId, date, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p['the audit log of a day']
        .query({ districtId, date })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return {
        items: Items.map(
          ({ districtId: d, at, userId, userName, subject, ids, fields, route }) =>
            ({ districtId: d, at, userId, userName, subject, ids: ids as string[], fields: fields as string[], route }) as AuditRecord,
        ),
        lastKey: LastEvaluatedKey,
      }
    },
  }
}
