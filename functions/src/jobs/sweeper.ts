/** Scheduled every minute: one sweep of the due index, for every district (see ./sweep.ts). */
import { runtimeDeps } from '../runtime'
import { sweep } from './sweep'

export const handler = async (event?: { lookbackDays?: number }) => {
  const report = await sweep(await runtimeDeps(), undefined, event?.lookbackDays)
  console.log(JSON.stringify({ level: 'info', job: 'sweeper', ...report }))
  return report
}
