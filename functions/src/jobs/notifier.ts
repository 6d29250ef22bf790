/** Stream-triggered notifier: delivers each notice the moment its transition commits. Failures wait for the sweeper. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { newNotices } from '../db'
import { runtimeDeps } from '../runtime'
import { deliver } from '../services/notices'

export const handler = async (event: DynamoDBStreamEvent) => {
  const deps = await runtimeDeps()
  try {
    await deliver(deps, newNotices(event))
  } catch (err) {
    // The failed notice keeps its lease; the sweeper re-drives it. Retrying the batch here would only repeat that.
    console.error(JSON.stringify({ level: 'error', job: 'notifier', error: String(err) }))
  }
}
