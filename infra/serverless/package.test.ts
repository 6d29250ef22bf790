/** `serverless package` (osls) works offline and yields the CloudFormation we mean to deploy. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { gatewayPaths, routes } from '@linli/shared'
import { packagedTemplate } from './package'

jest.setTimeout(120_000)

let template: { Resources: Record<string, { Type: string; Properties: any }> }
beforeAll(() => {
  template = packagedTemplate()
})

const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type)

describe('serverless package --stage prod', () => {
  it('declares the table with PITR, encryption, a NEW_IMAGE stream and TTL', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table') as [[string, any]]
    expect(table.Properties).toMatchObject({
      TableName: 'linli-prod',
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    })
    expect(table.Properties.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3'])
  })

  it('declares exactly the routes of the contract, and the message server WeChat pushes to', () => {
    const declared = ofType('AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties.RouteKey)
      .sort()
    const routed = Object.values(routes).flatMap((r) => gatewayPaths(r).map((path) => `${r.method} ${path}`))
    expect(declared).toEqual([...routed, 'GET /wechat/push', 'POST /wechat/push'].sort())
  })

  it("throttles the stage at API Gateway, in front of the functions' per-user limits", () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, any]]
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 })
  })

  it('runs every function on nodejs22.x under a role of its own, calling WeChat itself', () => {
    const functions = ofType('AWS::Lambda::Function')
    // one per route, plus the stream notifier, the scheduled sweeper and the message server
    expect(functions).toHaveLength(Object.keys(routes).length + 3)
    const roles = new Set<string>()
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x')
      expect(fn.Properties.Environment.Variables).toMatchObject({
        WECHAT_API_BASE: 'https://api.weixin.qq.com',
        DYNAMODB_ENDPOINT: '',
        SECRETS_PARAMETER: '/linli/prod/secrets',
        WECHAT_SECRET: '',
      })
      roles.add(fn.Properties.Role['Fn::GetAtt'][0])
    }
    expect(roles.size).toBe(functions.length)
  })

  it('limits each role to named actions on the table, its secret and its own logs', () => {
    for (const [name, role] of ofType('AWS::IAM::Role')) {
      const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)
      for (const s of statements) {
        for (const action of [s.Action].flat()) expect(action).not.toMatch(/\*/)
        expect(JSON.stringify(s.Resource)).not.toBe('"*"')
      }
      const dynamo = statements.find((s: any) => String(s.Action[0]).startsWith('dynamodb:'))
      // A function that reads nothing of the table (the OpenAPI document, Open311's discovery) gets no grant on it.
      if (!dynamo) continue
      expect(dynamo.Resource[0]).toEqual({ 'Fn::GetAtt': ['LinliTable', 'Arn'] })
      expect(dynamo.Action).not.toContain('dynamodb:Scan')
      if (name === 'MeGetRole') expect(dynamo.Action).toEqual(['dynamodb:Query'])
    }
  })

  it('triggers the notifier from the table stream and runs the sweeper every minute', () => {
    const mapping = ofType('AWS::Lambda::EventSourceMapping')[0]![1]
    expect(mapping.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': ['LinliTable', 'StreamArn'] })
    const rule = ofType('AWS::Events::Rule')[0]![1]
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 minute)')
  })

  it('attaches the spreadsheet layer to the roster import and export and the case export only', () => {
    const withLayers = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Layers)
    expect(withLayers.map(([name]) => name).sort()).toEqual([
      'CommandCasesExportLambdaFunction',
      'HouseholdsExportLambdaFunction',
      'HouseholdsImportLambdaFunction',
    ])
    expect(ofType('AWS::Lambda::LayerVersion')).toHaveLength(1)
  })
})

it('refuses to deploy the local stage (what `serverless deploy` without --stage would be), before touching AWS', () => {
  const ROOT = join(__dirname, '../..')
  const r = spawnSync(join(ROOT, 'node_modules/.bin/serverless'), ['deploy'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
  })
  expect(r.status).not.toBe(0)
  expect(r.stdout + r.stderr).toContain('the local stage is not deployed')
})
