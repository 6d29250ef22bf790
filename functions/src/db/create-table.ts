/** Creates the table from the same definition serverless.yml deploys, and turns TTL on (CreateTable can't). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import definition from './table-definition.json'
import { makeDynamoClient, type DbConnection } from './client'

export async function ensureTable(c: DbConnection): Promise<'created' | 'existed'> {
  const client = makeDynamoClient(c)
  try {
    let created = false
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: c.tableName }))
      await addMissingIndexes(client, c.tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!)))
    } catch (e) {
      if (!(e instanceof ResourceNotFoundException)) throw e
      // CloudFormation names the stream by its view type alone; the CreateTable API also wants StreamEnabled.
      const { TimeToLiveSpecification: _ttl, StreamSpecification, ...input } = definition
      await client.send(
        new CreateTableCommand({
          ...(input as Omit<CreateTableCommandInput, 'TableName'>),
          StreamSpecification: { StreamEnabled: true, StreamViewType: StreamSpecification.StreamViewType as 'NEW_IMAGE' },
          TableName: c.tableName,
        }),
      )
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: c.tableName })
      created = true
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: c.tableName }))
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(new UpdateTimeToLiveCommand({ TableName: c.tableName, TimeToLiveSpecification: definition.TimeToLiveSpecification }))
    }
    return created ? 'created' : 'existed'
  } finally {
    client.destroy()
  }
}

/** A table made by an older definition (a local `.data/`) gets the indexes added since. */
async function addMissingIndexes(client: ReturnType<typeof makeDynamoClient>, TableName: string, present: Set<string>) {
  for (const index of definition.GlobalSecondaryIndexes.filter((i) => !present.has(i.IndexName))) {
    const attributes = new Set(index.KeySchema.map((k) => k.AttributeName))
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: definition.AttributeDefinitions.filter((a) => attributes.has(a.AttributeName)) as CreateTableCommandInput['AttributeDefinitions'],
        GlobalSecondaryIndexUpdates: [{ Create: index as NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>[number] }],
      }),
    )
  }
}
