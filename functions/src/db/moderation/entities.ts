/** Entities of the moderation family: the media checks WeChat has yet to answer. */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeModerationEntities(table: LinliTable) {
  /** A media check WeChat will answer by push: which photo of which record its trace id is about (kept 2 days). */
  const MediaCheck = new Entity({
    name: 'MediaCheck',
    table,
    timestamps: false,
    schema: item({
      traceId: string().key(),
      districtId: string(),
      subjectKind: string(),
      subjectId: string(),
      photoKey: string(),
      ttl: number(),
    }),
    computeKey: ({ traceId }) => ({ pk: keys.mediaCheck(traceId), sk: keys.mediaCheckItem }),
  })
  return { MediaCheck }
}
