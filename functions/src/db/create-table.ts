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
      await updateIndexes(client, c.tableName)
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

type Index = NonNullable<CreateTableCommandInput['GlobalSecondaryIndexes']>[number]
const projectionOf = (p?: { ProjectionType?: string; NonKeyAttributes?: string[] }) =>
  `${p?.ProjectionType}:${[...(p?.NonKeyAttributes ?? [])].sort().join(',')}`

/**
 * A table made by an older definition (a local `.data/`) gets the indexes added since, and an index whose projection
 * changed is rebuilt (DynamoDB cannot change a projection in place). On AWS, CloudFormation owns the indexes.
 */
async function updateIndexes(client: ReturnType<typeof makeDynamoClient>, TableName: string) {
  const describe = async () => (await client.send(new DescribeTableCommand({ TableName }))).Table?.GlobalSecondaryIndexes ?? []
  const present = await describe()
  for (const index of definition.GlobalSecondaryIndexes as Index[]) {
    const existing = present.find((i) => i.IndexName === index.IndexName)
    if (existing && projectionOf(existing.Projection) === projectionOf(index.Projection)) continue
    if (existing) {
      await client.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }] }))
      for (let i = 0; i < 300 && (await describe()).some((x) => x.IndexName === index.IndexName); i++) await new Promise((r) => setTimeout(r, 100))
    }
    const attributes = new Set(index.KeySchema!.map((k) => k.AttributeName))
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: definition.AttributeDefinitions.filter((a) => attributes.has(a.AttributeName)) as CreateTableCommandInput['AttributeDefinitions'],
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    )
  }
  // A new index fills from the table's items first: wait until every index answers.
  for (let i = 0; i < 600 && (await describe()).some((x) => x.IndexStatus !== 'ACTIVE'); i++) await new Promise((r) => setTimeout(r, 100))
}
