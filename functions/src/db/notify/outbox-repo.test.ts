import type { DynamoDBStreamEvent } from 'aws-lambda'
import { marshall } from '@aws-sdk/util-dynamodb'
import { outboxEventsIn } from './outbox-repo'

const image = (eventId: string, payload: unknown) =>
  marshall(
    { _et: 'OutboxEvent', districtId: 'd1', subjectKind: 'case', subjectId: 'c1', eventId, type: 'accept', payload, createdAt: '2026-12-07T00:00:00.000Z' },
    { removeUndefinedValues: true },
  )

describe('the outbox events of a stream batch', () => {
  it('reads each new outbox event; an image it cannot read is left out, never failing the others', () => {
    const broken = image('e2', { summary: { number: 'x' } })
    broken.payload = { M: { summary: {} } } as never // as the local stream has delivered an empty map
    const batch = {
      Records: [
        { eventName: 'INSERT', dynamodb: { NewImage: image('e1', { summary: { number: 'A1' } }) } },
        { eventName: 'INSERT', dynamodb: { NewImage: broken, Keys: { pk: { S: 'x' } } } },
        { eventName: 'MODIFY', dynamodb: { NewImage: image('e3', {}) } },
        { eventName: 'INSERT', dynamodb: { NewImage: { _et: { S: 'Case' } } } },
        { eventName: 'INSERT', dynamodb: { NewImage: image('e4', { summary: { number: 'A4' } }) } },
      ],
    } as unknown as DynamoDBStreamEvent
    const warn = jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(outboxEventsIn(batch).map((e) => [e.eventId, e.payload])).toEqual([
      ['e1', { summary: { number: 'A1' } }],
      ['e4', { summary: { number: 'A4' } }],
    ])
    expect(warn).toHaveBeenCalledTimes(1)
    warn.mockRestore()
  })
})
