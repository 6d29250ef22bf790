/** `npm start`: the whole product on the local cloud with the demo district; Ctrl-C stops every process. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { roleSpecs } from '@linli/shared'
import { startLocalCloud, ROOT, type LocalSecrets } from './cloud'
import { stopAllProcesses } from './processes'
import { ensureJava } from './system-packages'
import { defaultPorts } from './ports'
import { demoPersonas, secondDistrictPersonas } from '../seed'
import { demoDay } from '../seed/demo-day'

/** Where the local cloud keeps its data (the bench points it elsewhere to time a fresh start). */
const DATA = process.env.LINLI_DATA_DIR ?? join(ROOT, '.data')

/** Throw-away secrets for this machine, kept under .data/ so sessions and user ids survive a restart. */
function localSecrets(): LocalSecrets {
  const file = join(DATA, 'local-secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const secrets = { wechatSecret: randomBytes(16).toString('hex'), sessionSecret: randomBytes(32).toString('hex'), idSalt: randomBytes(16).toString('hex') }
  mkdirSync(DATA, { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

const persona = (p: (typeof demoPersonas)[number]) => `  ${roleSpecs[p.role].label.padEnd(6, '　')} ${p.name.padEnd(3, '　')} ${p.title}`

const log = (line: string) => console.log(`[linli] ${line}`)

// From the first moment: Ctrl-C or SIGTERM stops every process started so far (DynamoDB Local, serverless-offline,
// a mini-program build), also in the middle of start-up; the in-process servers go with this process.
let stopping = false
async function shutdown() {
  if (stopping) return
  stopping = true
  log('Stopping …')
  await stopAllProcesses()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)

async function main() {
  const started = Date.now()
  ensureJava(log)
  log('Starting the local cloud … (builds the mini-program when its sources changed, ~1–2 min; else reuses it)')
  // LINLI_SKIP_BUILD=1 serves the builds already in miniapp/dist as they are.
  const build = !process.env.LINLI_SKIP_BUILD
  const cloud = await startLocalCloud({
    ports: defaultPorts(),
    secrets: localSecrets(),
    dataDir: DATA,
    logDir: join(DATA, 'logs'),
    build,
    sweepEveryMs: 30_000,
    log,
  })

  // The first start plays a day of work through the API, so the command centre and the lists show a district at work.
  await demoDay(cloud.urls.api, cloud.urls.wechat, log).catch((err: Error) => log(`The demo day was not played: ${err.message}`))

  console.log(`
邻里 Linli is running on the local cloud (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

  H5 app (persona picker)   ${cloud.urls.h5}
  API                       ${cloud.urls.api}/v1
  WeChat stand-in           ${cloud.urls.wechat}   (GET /dev/personas, GET /dev/messages)
  DynamoDB Local            ${cloud.urls.dynamodb}   (data in .data/dynamodb)
  s3rver (uploads)          ${cloud.urls.s3}
  weapp build               miniapp/dist/weapp  (open in WeChat DevTools)
  logs                      .data/logs/
  local clock               curl -X POST ${cloud.urls.api}/local/clock -H 'content-type: application/json' -d '{"advanceMinutes":1440}'
                            moves the server's time a day ahead (reminders, follow-ups, auto-confirm: the sweep runs
                            every 30 s); -d '{"reset":true}' puts it back; GET shows it

Demo personas (临江区, fictional):
${demoPersonas.map(persona).join('\n')}
A second district with the same ids (临溪区, to show that districts never meet):
${secondDistrictPersonas.map(persona).join('\n')}

Press Ctrl-C to stop everything.`)
}

main().catch(async (err) => {
  // Stopped in the middle of start-up: the start fails as its processes go; the shutdown finishes the job.
  if (stopping) return
  console.error(`[linli] failed to start: ${err instanceof Error ? err.message : err}`)
  await stopAllProcesses()
  process.exit(1)
})
