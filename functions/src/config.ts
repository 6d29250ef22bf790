/**
 * Configuration of the functions, read once per container from the environment (and, on AWS, the secrets from
 * one SSM SecureString parameter). Secrets never live in the repo: locally `infra/local` passes throw-away ones.
 */
import * as z from 'zod'
import { templateConfig, type TemplateConfig } from './notify/templates'
import type { MiniprogramState } from './notify/ports'
import type { LimitOverrides } from './services/identity/limits'

export const WECHAT_PRODUCTION_BASE = 'https://api.weixin.qq.com'

const envSchema = z.object({
  STAGE: z.string().min(1),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().default('cn-north-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  UPLOADS_BUCKET: z.string().min(1),
  WECHAT_API_BASE: z.url().default(WECHAT_PRODUCTION_BASE),
  WECHAT_APPID: z.string().min(1),
  DEFAULT_DISTRICT_ID: z.string().min(1),
  /** Name of the SSM SecureString holding {"wechatSecret","sessionSecret","idSalt","pushToken"} (deployed stages). */
  SECRETS_PARAMETER: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  ID_SALT: z.string().optional(),
  WECHAT_PUSH_TOKEN: z.string().optional(),
  /** Which build a subscribe message opens; deployed stages default to the released one. */
  MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).optional(),
  /** Set by the Lambda runtime (and by serverless-offline, which also sets IS_OFFLINE): where the code runs. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  IS_OFFLINE: z.string().optional(),
  /** The CJK font file PDFs embed: on AWS a layer's (/opt/…); unset, the npm package's. */
  PDF_FONT_PATH: z.string().optional(),
  /** '1' on the local stage only: the server's clock can be moved forward (functions/src/dev/clock.ts). */
  DEV_CLOCK: z.enum(['0', '1']).optional(),
  /** Deployed stages: the KMS key that wraps each district's data key for personal information. */
  PII_KMS_KEY_ID: z.string().optional(),
  /** The local stage only: the 256-bit key (64 hex characters) that stands in for KMS. */
  PII_LOCAL_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'PII_LOCAL_KEY must be 64 hex characters')
    .optional(),
  /** How long a container keeps a district's reference data (rooms, tree, taxonomy) before reading it again. */
  CATALOGUE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Per-user limits raised or lowered by name, as JSON: {"cases.submit":{"hour":50,"day":100}} (services/identity/limits.ts). */
  RATE_LIMITS: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'RATE_LIMITS must be JSON' })
        return z.NEVER
      }
    })
    .pipe(z.record(z.string(), z.object({ hour: z.number().int().positive().optional(), day: z.number().int().positive().optional() }).strict()))
    .optional(),
  /** Minutes within which a second report of an emergency in a grid joins the first (0: never); default 60. */
  URGENT_JOIN_MINUTES: z.coerce.number().int().min(0).max(1440).optional(),
})

const secretsSchema = z.object({
  wechatSecret: z.string().min(1),
  sessionSecret: z.string().min(32, 'session secret must be at least 32 characters'),
  idSalt: z.string().min(16),
  /** The 消息推送 token set in the mini-program's admin console: WeChat signs its pushes with it. */
  pushToken: z.string().min(16, 'push token must be at least 16 characters'),
})
export type Secrets = z.infer<typeof secretsSchema>

export interface Config {
  stage: string
  tableName: string
  region: string
  dynamodbEndpoint?: string
  s3Endpoint?: string
  uploadsBucket: string
  wechatApiBase: string
  wechatAppid: string
  defaultDistrictId: string
  /** Template ids and keyword names: `TEMPLATE_*` (and `TEMPLATE_*_KEYWORDS`) over the registry's defaults. */
  templates: TemplateConfig
  miniprogramState: MiniprogramState
  pdfFontPath?: string
  /** The local stage's movable clock is in use. */
  devClock: boolean
  catalogueTtlSeconds: number
  limits?: LimitOverrides
  urgentJoinMinutes?: number
  /** What wraps the data keys of personal information: KMS (deployed stages) or a local key. */
  pii: { kmsKeyId: string } | { localKey: string }
  secrets: Secrets
}

export type SecretLoader = (parameterName: string) => Promise<string>

export async function loadConfig(env: NodeJS.ProcessEnv, loadSecret?: SecretLoader): Promise<Config> {
  const e = envSchema.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  // The local stage's ease (the stand-in, the movable clock, a local PII key) holds only off AWS: the guards key on
  // where the code runs, not on a stage's name, so a stack deployed as `local` by mistake is refused all the same.
  const inAws = Boolean(e.AWS_LAMBDA_FUNCTION_NAME) && !e.IS_OFFLINE
  const deployed = inAws ? `a function running in AWS (stage ${e.STAGE})` : e.STAGE !== 'local' ? `stage ${e.STAGE}` : undefined
  // The stand-in (and its dev-only persona codes) must be unreachable from any deployed stage.
  if (deployed && e.WECHAT_API_BASE !== WECHAT_PRODUCTION_BASE)
    throw new Error(`${deployed} must call WeChat at ${WECHAT_PRODUCTION_BASE}, not ${e.WECHAT_API_BASE}`)
  if (deployed && e.DEV_CLOCK === '1') throw new Error(`${deployed} must not run with DEV_CLOCK: the movable clock is for the local stage only`)
  if (deployed && (e.PII_LOCAL_KEY || !e.PII_KMS_KEY_ID))
    throw new Error(`${deployed} must keep personal information under KMS (PII_KMS_KEY_ID), never a local key`)
  const pii = e.PII_KMS_KEY_ID ? { kmsKeyId: e.PII_KMS_KEY_ID } : e.PII_LOCAL_KEY ? { localKey: e.PII_LOCAL_KEY } : undefined
  if (!pii) throw new Error('set PII_LOCAL_KEY (local stage) or PII_KMS_KEY_ID')
  const raw =
    e.SECRETS_PARAMETER && loadSecret
      ? JSON.parse(await loadSecret(e.SECRETS_PARAMETER))
      : { wechatSecret: e.WECHAT_SECRET, sessionSecret: e.SESSION_SECRET, idSalt: e.ID_SALT, pushToken: e.WECHAT_PUSH_TOKEN }
  return {
    stage: e.STAGE,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    uploadsBucket: e.UPLOADS_BUCKET,
    wechatApiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
    wechatAppid: e.WECHAT_APPID,
    defaultDistrictId: e.DEFAULT_DISTRICT_ID,
    templates: templateConfig(env),
    miniprogramState: e.MINIPROGRAM_STATE ?? (e.STAGE === 'prod' ? 'formal' : e.STAGE === 'local' ? 'developer' : 'trial'),
    pdfFontPath: e.PDF_FONT_PATH,
    devClock: e.DEV_CLOCK === '1',
    catalogueTtlSeconds: e.CATALOGUE_TTL_SECONDS,
    limits: e.RATE_LIMITS,
    urgentJoinMinutes: e.URGENT_JOIN_MINUTES,
    pii,
    secrets: secretsSchema.parse(raw),
  }
}
