/** Builds the real dependencies once per Lambda container from configuration. */
import { loadConfig, type Config } from './config'
import { makeRepos } from './families'
import { makeWechatClient } from './adapters/wechat'
import { makeSessionTokens } from './adapters/session-token'
import { cachedCatalogue } from './services/district/catalogue-cache'
import { wechatSender } from './notify/senders'
import { makeStorage } from './adapters/storage'
import { randomUUID } from 'node:crypto'
import { devClock } from './adapters/dev-clock'
import { workdayDeadline } from './adapters/workdays'
import { kmsKeyWrapper, localKeyWrapper, makePii } from './adapters/pii'
import type { Deps } from './services/deps'

/** Deployed stages only: the SSM client is loaded when the secret is read, not with every function. */
async function readSecret(name: string): Promise<string> {
  const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm')
  const ssm = new SSMClient({})
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))
  if (!Parameter?.Value) throw new Error(`secret parameter ${name} is empty`)
  return Parameter.Value
}

export function buildDeps(config: Config): Deps {
  const repos = makeRepos({ tableName: config.tableName, region: config.region, endpoint: config.dynamodbEndpoint })
  const wechat = makeWechatClient({ baseUrl: config.wechatApiBase, appid: config.wechatAppid, secret: config.secrets.wechatSecret })
  return {
    repos,
    catalogue: cachedCatalogue((id) => repos.catalogue.load(id), config.catalogueTtlSeconds * 1000),
    wechat,
    sender: wechatSender(wechat),
    pii: makePii('kmsKeyId' in config.pii ? kmsKeyWrapper(config.pii.kmsKeyId, config.region) : localKeyWrapper(config.pii.localKey), repos.dataKeys),
    storage: makeStorage({ bucket: config.uploadsBucket, region: config.region, endpoint: config.s3Endpoint }),
    tokens: makeSessionTokens(config.secrets.sessionSecret, `linli-${config.stage}`),
    clock: config.devClock ? devClock.now : () => new Date(),
    workdays: workdayDeadline,
    newId: () => randomUUID().replace(/-/g, ''),
    idSalt: config.secrets.idSalt,
    pushToken: config.secrets.pushToken,
    cursorSecret: `cursor:${config.secrets.sessionSecret}`,
    defaultDistrictId: config.defaultDistrictId,
    templates: config.templates,
    miniprogramState: config.miniprogramState,
    pdfFontPath: config.pdfFontPath,
    limits: config.limits,
    urgentJoinMinutes: config.urgentJoinMinutes,
  }
}

/** Builds once and shares the result; a failed build (SSM throttled, say) is forgotten, so the next call tries again. */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined
  return () =>
    (built ??= build().catch((err) => {
      built = undefined
      throw err
    }))
}

/** The dependencies of this container, built on its first request. */
export const runtimeDeps = once(() => loadConfig(process.env, readSecret).then(buildDeps))
