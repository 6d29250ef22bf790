import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export interface DbConnection {
  tableName: string
  region: string
  endpoint?: string
}

/** Local endpoints (DynamoDB Local) take any credentials; on AWS the function's role signs the calls. */
export function makeDynamoClient(c: DbConnection): DynamoDBClient {
  return new DynamoDBClient({
    region: c.region,
    ...(c.endpoint ? { endpoint: c.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  })
}

export const makeDocumentClient = (client: DynamoDBClient) =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })
