/** Reads the table's stream (NEW_IMAGE): the outbox events that were just written. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { outboxEventRecord } from './outbox-repo'
import type { OutboxEvent } from '../../notify/ports'

export function newOutboxEvents(event: DynamoDBStreamEvent): OutboxEvent[] {
  return (event.Records ?? [])
    .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage)
    .map((r) => unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>))
    .filter((item) => item._et === 'OutboxEvent')
    .map(outboxEventRecord)
}
