import { loadConfig } from './config'

const base = {
  STAGE: 'local',
  TABLE_NAME: 't',
  UPLOADS_BUCKET: 'b',
  WECHAT_APPID: 'wx1',
  DEFAULT_DISTRICT_ID: 'd',
  WECHAT_SECRET: 's',
  SESSION_SECRET: 'x'.repeat(32),
  ID_SALT: 'y'.repeat(16),
  WECHAT_PUSH_TOKEN: 'p'.repeat(16),
  PII_LOCAL_KEY: 'a'.repeat(64),
}

describe('loadConfig', () => {
  it('lets the local stage call the stand-in', async () => {
    const c = await loadConfig({ ...base, WECHAT_API_BASE: 'http://127.0.0.1:3900/' })
    expect(c.wechatApiBase).toBe('http://127.0.0.1:3900')
  })

  it('refuses a deployed stage pointed anywhere but WeChat', async () => {
    await expect(loadConfig({ ...base, STAGE: 'prod', WECHAT_API_BASE: 'http://127.0.0.1:3900' })).rejects.toThrow(/must call WeChat/)
  })

  it('reads secrets from the parameter store on deployed stages', async () => {
    const names: string[] = []
    const c = await loadConfig(
      {
        ...base,
        STAGE: 'prod',
        WECHAT_SECRET: undefined,
        SECRETS_PARAMETER: '/linli/prod/secrets',
        PII_LOCAL_KEY: undefined,
        PII_KMS_KEY_ID: 'arn:aws-cn:kms:cn-north-1:1:key/k',
      },
      async (name) => {
        names.push(name)
        return JSON.stringify({ wechatSecret: 'w', sessionSecret: 'z'.repeat(40), idSalt: 'q'.repeat(20), pushToken: 't'.repeat(20) })
      },
    )
    expect(names).toEqual(['/linli/prod/secrets'])
    expect(c.secrets.wechatSecret).toBe('w')
    expect(c.wechatApiBase).toBe('https://api.weixin.qq.com')
  })

  it('moves the clock on the local stage only, and refuses a deployed stage configured with it', async () => {
    expect((await loadConfig({ ...base, DEV_CLOCK: '1' })).devClock).toBe(true)
    expect((await loadConfig(base)).devClock).toBe(false)
    await expect(loadConfig({ ...base, STAGE: 'prod', DEV_CLOCK: '1' })).rejects.toThrow(/local stage only/)
  })

  it('keys its guards on running in AWS, not on the stage name: a stack deployed as local is refused', async () => {
    const inAws = { ...base, AWS_LAMBDA_FUNCTION_NAME: 'linli-local-meGet', WECHAT_API_BASE: 'http://127.0.0.1:3900' }
    await expect(loadConfig(inAws)).rejects.toThrow(/running in AWS.*must call WeChat/)
    await expect(loadConfig({ ...inAws, WECHAT_API_BASE: undefined, DEV_CLOCK: '1' })).rejects.toThrow(/movable clock/)
    await expect(loadConfig({ ...inAws, WECHAT_API_BASE: undefined })).rejects.toThrow(/never a local key/)
    // serverless-offline plays Lambda on this machine: the local stage works there as before.
    expect((await loadConfig({ ...inAws, IS_OFFLINE: 'true', DEV_CLOCK: '1' })).devClock).toBe(true)
  })

  it('keeps personal information under KMS on deployed stages, and under a local key only locally', async () => {
    expect((await loadConfig(base)).pii).toEqual({ localKey: 'a'.repeat(64) })
    const prod = { ...base, STAGE: 'prod', PII_LOCAL_KEY: undefined }
    await expect(loadConfig(prod)).rejects.toThrow(/KMS/)
    await expect(loadConfig({ ...prod, PII_KMS_KEY_ID: 'k', PII_LOCAL_KEY: 'b'.repeat(64) })).rejects.toThrow(/never a local key/)
    expect((await loadConfig({ ...prod, PII_KMS_KEY_ID: 'k' })).pii).toEqual({ kmsKeyId: 'k' })
    await expect(loadConfig({ ...base, PII_LOCAL_KEY: 'short' })).rejects.toThrow()
  })

  it('rejects a short session secret', async () => {
    await expect(loadConfig({ ...base, SESSION_SECRET: 'short' })).rejects.toThrow()
  })

  it('takes per-user limits as JSON by name, and refuses anything else', async () => {
    expect((await loadConfig({ ...base, RATE_LIMITS: '{"cases.submit":{"hour":50}}' })).limits).toEqual({ 'cases.submit': { hour: 50 } })
    await expect(loadConfig({ ...base, RATE_LIMITS: '{"cases.submit":{"hour":-1}}' })).rejects.toThrow()
    await expect(loadConfig({ ...base, RATE_LIMITS: 'hour=50' })).rejects.toThrow(/must be JSON/)
  })
})
