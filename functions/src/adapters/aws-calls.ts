/**
 * Records, when LINLI_AWS_CALL_LOG names a file, every AWS action our code performs, keyed by the function that
 * performed it (a route's `METHOD path` or a job's name). The IAM check (`scripts/check-iam.ts`, in `npm test`)
 * compares them with the grants of the packaged CloudFormation. Without the variable nothing is recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { appendFileSync } from 'node:fs'

const file = process.env.LINLI_AWS_CALL_LOG
const current = new AsyncLocalStorage<string>()

/** Runs `fn` as the function `name` (its AWS calls are recorded under that name). */
export const asFunction = <T>(name: string, fn: () => Promise<T>): Promise<T> => (file ? current.run(name, fn) : fn())

export function recordAction(...actions: string[]) {
  if (!file) return
  const fn = current.getStore() ?? 'unknown'
  appendFileSync(file, actions.map((action) => `${JSON.stringify({ fn, action })}\n`).join(''))
}

/** The IAM actions one SDK command needs: a transaction is authorised per item, a batch as a batch. */
function actionsOf(service: 'dynamodb' | 's3', command: string, input: Record<string, unknown>): string[] {
  const name = command.replace(/Command$/, '')
  if (service === 'dynamodb' && (name === 'TransactWriteItems' || name === 'TransactWrite')) {
    const kinds: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' }
    return ((input.TransactItems as Record<string, unknown>[]) ?? []).map((item) => `dynamodb:${kinds[Object.keys(item)[0]!]}`)
  }
  if (service === 's3' && name === 'HeadObject') return ['s3:GetObject']
  if (service === 's3' && name === 'CopyObject') return ['s3:GetObject', 's3:PutObject']
  const aliases: Record<string, string> = {
    Query: 'Query',
    Get: 'GetItem',
    Put: 'PutItem',
    Update: 'UpdateItem',
    Delete: 'DeleteItem',
    BatchWrite: 'BatchWriteItem',
    BatchGet: 'BatchGetItem',
    Scan: 'Scan',
  }
  return [`${service}:${aliases[name] ?? name}`]
}

/** An SDK v3 middleware that records the action of every command the client sends. */
export function recordingMiddleware(service: 'dynamodb' | 's3') {
  return (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: any) => {
    recordAction(...actionsOf(service, context.commandName ?? 'Unknown', (args.input ?? {}) as Record<string, unknown>))
    return next(args)
  }
}

export const isRecording = () => Boolean(file)
