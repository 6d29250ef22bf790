/** Scheduled every minute: re-drives due notices (retries with backoff, anything the stream missed) and closes
 * resolved cases nobody rated within 72 hours. */
import { runtimeDeps } from '../runtime'
import { sweepNotices } from '../services/notices'
import { autoConfirm } from '../services/case-events'

export const handler = async () => {
  const deps = await runtimeDeps()
  const notices = await sweepNotices(deps)
  const closed = await autoConfirm(deps, deps.defaultDistrictId)
  console.log(JSON.stringify({ level: 'info', job: 'sweeper', notices: notices.length, autoConfirmed: closed.length }))
  return { notices: notices.length, autoConfirmed: closed.length }
}
