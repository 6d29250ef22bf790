/**
 * The local cloud: DynamoDB Local, s3rver, the WeChat stand-in, the API through serverless-offline running the
 * real handlers, and the H5 build — all on 127.0.0.1. Used by `npm start` and by the test harness.
 */
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { ensureTable } from '@linli/functions/src/db'
import { makeRepos } from '@linli/functions/src/families'
import { localKeyWrapper, makePii } from '@linli/functions/src/adapters/pii'
import { WechatStandin } from '../wechat-standin/server'
import { seedDemo, demoPersonas, secondDistrictPersonas, DEMO_DISTRICT_ID } from '../seed'
import { startDynamo } from './dynamodb'
import { startS3 } from './s3'
import { serveH5 } from './h5-server'
import { httpAnswers, startProcess, waitFor, type Managed } from './processes'
import type { Ports } from './ports'
import { buildStamp, isBuilt, markBuilt } from './build-cache'
import { apiBundle } from './api-bundle'

export const ROOT = resolve(__dirname, '../..')
export const LOCAL_APPID = 'wx0000000000000000'
export const LOCAL_BUCKET = 'linli-uploads-local'

export interface LocalSecrets {
  wechatSecret: string
  sessionSecret: string
  idSalt: string
}

export interface CloudOptions {
  ports: Ports
  secrets: LocalSecrets
  /** Keep data on disk here; without it DynamoDB runs in memory and uploads go to a scratch folder. */
  dataDir?: string
  logDir: string
  /** Build the weapp and H5 bundles before serving (npm start); tests build them beforehand. */
  build?: boolean
  serveH5?: boolean
  /**
   * Run the API from bundles made once and reused while the functions' sources are unchanged (./api-bundle.ts), as
   * the tests do; without it serverless-esbuild bundles at start and rebuilds on every change (npm start).
   */
  prebuiltApi?: boolean
  /** Invoke the scheduled sweeper this often (npm start); tests drive jobs themselves with their own clock. */
  sweepEveryMs?: number
  log?: (line: string) => void
}

export interface LocalCloud {
  ports: Ports
  urls: { api: string; h5: string; wechat: string; dynamodb: string; s3: string }
  standin: WechatStandin
  /** The environment the API runs with (tests use it to reach the same table). */
  env: Record<string, string>
  /** Kills the API process (serverless-offline, its notifier and sweeper) mid-work, then starts it again. */
  crashApi(): Promise<void>
  stop(): Promise<void>
}

export async function startLocalCloud(o: CloudOptions): Promise<LocalCloud> {
  const log = o.log ?? (() => {})
  const url = (port: number) => `http://127.0.0.1:${port}`
  const stops: (() => Promise<unknown>)[] = []
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {})
  }
  const env: Record<string, string> = {
    STAGE: 'local',
    TABLE_NAME: 'linli-local',
    AWS_REGION: 'cn-north-1',
    DYNAMODB_ENDPOINT: url(o.ports.dynamodb),
    S3_ENDPOINT: url(o.ports.s3),
    UPLOADS_BUCKET: LOCAL_BUCKET,
    WECHAT_API_BASE: url(o.ports.wechat),
    WECHAT_APPID: LOCAL_APPID,
    WECHAT_SECRET: o.secrets.wechatSecret,
    SESSION_SECRET: o.secrets.sessionSecret,
    ID_SALT: o.secrets.idSalt,
    // The message server's token, derived from the local WeChat secret (no new entry in .data's secrets file).
    WECHAT_PUSH_TOKEN: createHash('sha256').update(`push:${o.secrets.wechatSecret}`).digest('hex').slice(0, 32),
    // The key that stands in for KMS, derived from the id salt: it lasts exactly as long as the data under .data does.
    PII_LOCAL_KEY: createHash('sha256').update(`pii:${o.secrets.idSalt}`).digest('hex'),
    DEFAULT_DISTRICT_ID: DEMO_DISTRICT_ID,
    // The local stage shows both kinds of subscription: the mediator's 新预约 notice is long-term (长期订阅).
    LONG_TERM_TEMPLATES: 'booking_request',
    API_PORT: String(o.ports.api),
    LAMBDA_PORT: String(o.ports.lambda),
    // Tests record the AWS actions each function performs (scripts/check-iam.ts).
    ...(process.env.LINLI_AWS_CALL_LOG ? { LINLI_AWS_CALL_LOG: process.env.LINLI_AWS_CALL_LOG } : {}),
  }
  try {
    const builds = o.build ? buildMiniapp(o, log) : Promise.resolve()
    builds.catch(() => {})
    const bundle = o.prebuiltApi ? apiBundle() : Promise.resolve(undefined)
    bundle.catch(() => {})

    const standin = new WechatStandin({
      appid: LOCAL_APPID,
      secret: o.secrets.wechatSecret,
      personas: [...demoPersonas, ...secondDistrictPersonas],
      riskyWords: ['赌博', '枪支', '毒品'],
      reviewWords: ['投诉领导', '上访'],
      push: { url: `${url(o.ports.api)}/wechat/push`, token: env.WECHAT_PUSH_TOKEN! },
    })
    const [dynamo, s3] = await Promise.all([
      startDynamo(o.ports.dynamodb, o.dataDir && join(o.dataDir, 'dynamodb'), join(o.logDir, 'dynamodb.log')),
      startS3(o.ports.s3, join(o.dataDir ?? join(o.logDir, 'scratch'), 's3'), LOCAL_BUCKET),
      standin.listen(o.ports.wechat),
    ])
    stops.push(
      () => dynamo.stop(),
      () => s3.close(),
      () => standin.close(),
    )
    log(`DynamoDB Local, s3rver and the WeChat stand-in are up`)

    const connection = { tableName: env.TABLE_NAME!, region: env.AWS_REGION!, endpoint: env.DYNAMODB_ENDPOINT }
    await ensureTable(connection)
    const repos = makeRepos(connection)
    const seeded = await seedDemo(repos, o.secrets.idSalt, makePii(localKeyWrapper(env.PII_LOCAL_KEY!), repos.dataKeys))
    log(seeded === 'seeded' ? 'Seeded the demo district 临江区' : 'Demo district already seeded')

    const bundleDir = await bundle
    if (bundleDir) env.LINLI_API_BUNDLE = bundleDir
    let api = await startApi(env, o.logDir)
    stops.push(() => api.stop())
    log(`API (serverless-offline) is up`)

    if (o.sweepEveryMs) {
      const timer = setInterval(() => void invokeLambda(o.ports.lambda, 'sweeper').catch(() => {}), o.sweepEveryMs)
      stops.push(async () => clearInterval(timer))
    }

    await builds
    if (o.serveH5 ?? true) {
      const h5Root = join(ROOT, 'miniapp/dist/h5')
      if (!existsSync(join(h5Root, 'index.html'))) throw new Error('miniapp/dist/h5 is missing: build the mini-program first')
      const h5: Server = await serveH5(h5Root, o.ports.h5, { api: o.ports.api, wechat: o.ports.wechat })
      // Connections a browser keeps alive would hold close() open: they are cut.
      stops.push(
        () =>
          new Promise((r) => {
            h5.close(r)
            h5.closeAllConnections()
          }),
      )
    }
    return {
      ports: o.ports,
      urls: { api: url(o.ports.api), h5: url(o.ports.h5), wechat: url(o.ports.wechat), dynamodb: url(o.ports.dynamodb), s3: url(o.ports.s3) },
      standin,
      env,
      async crashApi() {
        await api.crash()
        api = await startApi(env, o.logDir)
      },
      stop,
    }
  } catch (err) {
    await stop()
    throw err
  }
}

/** serverless-offline's Lambda invoke endpoint: how the local cloud runs the scheduled functions. */
export async function invokeLambda(lambdaPort: number, fn: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${lambdaPort}/2015-03-31/functions/linli-local-${fn}/invocations`, { method: 'POST', body: '{}' })
  return res.json()
}

async function startApi(env: Record<string, string>, logDir: string): Promise<Managed> {
  const bin = join(ROOT, 'node_modules/.bin/serverless')
  const proc = startProcess('api', bin, ['offline', 'start', '--stage', 'local'], {
    cwd: ROOT,
    // A larger young generation: the SDK allocates much per call, and the default semi-space had the process
    // spending ~10% of a burst of reports collecting garbage (see bench/).
    env: {
      ...process.env,
      ...env,
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=32'].filter(Boolean).join(' '),
    },
    logFile: join(logDir, 'api.log'),
  })
  await waitFor('API', httpAnswers(`http://127.0.0.1:${env.API_PORT}/v1/me`), 60_000, proc)
  return proc
}

/**
 * Both builds, one after the other (2 cores), each only if its sources or settings changed since it was made
 * (./build-cache.ts). The H5 build reaches the API through its own origin.
 */
async function buildMiniapp(o: CloudOptions, log: (line: string) => void) {
  for (const type of ['weapp', 'h5'] as const) {
    const env = { NODE_ENV: 'production', TARO_APP_STAGE: 'local', TARO_APP_API_BASE: type === 'weapp' ? `http://127.0.0.1:${o.ports.api}` : '' }
    const stamp = buildStamp(type, { ...process.env, ...env })
    if (isBuilt(type, stamp)) {
      log(`The ${type} build is up to date`)
      continue
    }
    const proc = startProcess(`build:${type}`, join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', type], {
      cwd: join(ROOT, 'miniapp'),
      env: { ...process.env, ...env },
      logFile: join(o.logDir, `build-${type}.log`),
    })
    const code = await new Promise<number | null>((r) => proc.child.once('exit', r))
    if (code !== 0) throw new Error(`taro build --type ${type} failed: see ${join(o.logDir, `build-${type}.log`)}`)
    markBuilt(type, stamp)
    log(`Built the ${type} mini-program`)
  }
}
