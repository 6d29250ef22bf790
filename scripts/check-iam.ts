/**
 * IAM that matches the code: reads the AWS actions each function performed during the integration tests (recorded
 * by functions/src/adapters/aws-calls.ts into LINLI_AWS_CALL_LOG) and checks that the packaged CloudFormation grants
 * each function exactly those — every action it performs, and nothing beyond. A function that also runs another's
 * code (the sweeper re-drives the notifier's fan-out steps) says so with `runs` in infra/serverless/iam/*.json.
 *   tsx scripts/check-iam.ts <call log>
 */
import { readFileSync } from 'node:fs'
import { packagedTemplate } from '../infra/serverless/package'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { routeFunctions, roleName } = require('../infra/serverless/functions.cjs') as {
  routeFunctions: () => Record<string, string>
  roleName: (fn: string) => string
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { access } = require('../infra/serverless/roles.cjs') as { access: Record<string, { runs?: string[] }> }

const log = process.argv[2]
if (!log) throw new Error('usage: tsx scripts/check-iam.ts <call log>')
const byRoute = routeFunctions()
const performed = new Map<string, Set<string>>()
for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
  const { fn, action } = JSON.parse(line) as { fn: string; action: string }
  if (fn === 'unknown') continue // the test harness's own calls (seeding, arranging states)
  const name = byRoute[fn] ?? fn
  performed.set(name, (performed.get(name) ?? new Set()).add(action))
}

const template = packagedTemplate<{ Resources: Record<string, { Type: string; Properties: any }> }>()
const functions = Object.values(template.Resources)
  .filter((r) => r.Type === 'AWS::Lambda::Function')
  .map((r) => r.Properties.Role['Fn::GetAtt'][0] as string)

const problems: string[] = []
const table: string[] = []
for (const [name, fn] of [...Object.values(byRoute), 'notifier', 'sweeper'].map((n) => [n, roleName(n)] as const)) {
  if (!functions.includes(fn)) problems.push(`${name}: no function with role ${fn} in the template`)
  const statements = (template.Resources[fn]?.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement) as { Action: string | string[] }[]
  const granted = new Set(
    statements
      .flatMap((s) => [s.Action].flat())
      .filter((a) => /^(dynamodb|s3|kms):/.test(a) && !/^dynamodb:(GetRecords|GetShardIterator|DescribeStream|ListStreams)$/.test(a)),
  )
  const own = performed.get(name) ?? new Set<string>()
  const used = new Set([...own, ...(access[name]?.runs ?? []).flatMap((other) => [...(performed.get(other) ?? [])])])
  const missing = [...used].filter((a) => !granted.has(a))
  const beyond = [...granted].filter((a) => !used.has(a))
  // A function granted nothing (the OpenAPI document, Open311's discovery) rightly calls nothing; the access matrix
  // sends every route, so none goes untried.
  if (!own.size && granted.size) problems.push(`${name}: the tests performed no AWS call as this function`)
  if (missing.length) problems.push(`${name}: performs ${missing.join(', ')} but its role does not grant it (infra/serverless/iam/*.json)`)
  if (beyond.length) problems.push(`${name}: its role grants ${beyond.join(', ')}, which its code never performed`)
  table.push(`  ${name.padEnd(20)} ${[...own].sort().join(' ')}`)
}
console.log(`AWS actions performed per function:\n${table.join('\n')}`)
if (problems.length) {
  console.error(`IAM does not match the code:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('✔ every function is granted exactly the AWS actions its code performs')
