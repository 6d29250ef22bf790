/** Reads the table's stream (NEW_IMAGE): the notices that were just written to the outbox. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { noticeRecord } from './cases-repo'
import type { NoticeRecord } from '../model'

export function newNotices(event: DynamoDBStreamEvent): NoticeRecord[] {
  return (event.Records ?? [])
    .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage)
    .map((r) => unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>))
    .filter((item) => item._et === 'Notice' && item.state === 'pending')
    .map(noticeRecord)
}
