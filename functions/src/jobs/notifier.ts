/** Stream-triggered notifier: runs each outbox event's fan-out step the moment its transaction commits. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { runtimeDeps } from '../runtime'
import { fanOuts } from '../families'
import { runSteps, type StepTimings } from '../notify/outbox'
import { asFunction } from '../adapters/aws-calls'

export const handler = (event: DynamoDBStreamEvent) => asFunction('notifier', () => notify(event))

async function notify(event: DynamoDBStreamEvent) {
  const deps = await runtimeDeps()
  const ms: StepTimings = { events: 0, notices: 0, fannedOut: 0, created: 0, handed: 0, sent: 0 }
  try {
    await runSteps(deps, deps.repos.outbox.eventsIn(event), (kind) => fanOuts[kind], ms)
    // Where each batch's time went (the bench splits the commit → notice figure with it).
    console.log(JSON.stringify({ level: 'info', job: 'notifier', ...ms }))
  } catch (err) {
    // A failed step stays on the due index; the sweeper re-drives it. Retrying the batch here would repeat the others.
    console.error(JSON.stringify({ level: 'error', job: 'notifier', error: String(err) }))
  }
}
