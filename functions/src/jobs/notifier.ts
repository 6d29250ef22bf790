/** Stream-triggered notifier: delivers each notice the moment its transition commits. Failures wait for the sweeper. */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { newNotices } from '../db'
import { runtimeDeps } from '../runtime'
import { deliver } from '../services/notices'

export const handler = async (event: DynamoDBStreamEvent) => {
  const deps = await runtimeDeps()
  const results = await Promise.allSettled(newNotices(event).map((n) => deliver(deps, n)))
  for (const r of results) if (r.status === 'rejected') console.error(JSON.stringify({ level: 'error', job: 'notifier', error: String(r.reason) }))
}
