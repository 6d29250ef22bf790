/** Storage of the moderation family: a pending media check, found by the trace id WeChat's push carries. */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import type { Entities } from '../entities'
import type { ModerationRepo } from '../../services/moderation/ports'

export function makeModerationRepo(e: Entities): ModerationRepo {
  const checks = e.MediaCheck.build(EntityRepository)
  return {
    async awaitMediaCheck(traceId, { districtId, subject, photoKey }, ttl) {
      await checks.put({ traceId, districtId, subjectKind: subject.kind, subjectId: subject.id, photoKey, ttl })
    },

    /** Access pattern "a photo check's verdict": GetItem `MEDIACHECK#<trace>`. */
    async mediaCheck(traceId) {
      const { Item } = await checks.get({ traceId })
      return Item && { districtId: Item.districtId, subject: { kind: Item.subjectKind, id: Item.subjectId }, photoKey: Item.photoKey }
    },
  }
}
