/** The stand-in speaks WeChat's API, and our client turns its answers into our coded errors. */
import { WechatStandin } from './server'
import { makeWechatClient } from '@linli/functions/src/adapters/wechat'

const standin = new WechatStandin({ appid: 'wx-test', secret: 'sec', riskyWords: ['赌博'], reviewWords: ['上访'] })
let base: string
let client: ReturnType<typeof makeWechatClient>

beforeAll(async () => {
  base = `http://127.0.0.1:${await standin.listen(0)}`
  client = makeWechatClient({ baseUrl: base, appid: 'wx-test', secret: 'sec', timeoutMs: 300 })
})
afterAll(() => standin.close())
afterEach(() => standin.faults.clear())

const post = async (path: string, body: unknown) =>
  (await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>

describe('code2Session', () => {
  it('exchanges a minted code once for the openid, dropping the session_key', async () => {
    const code = standin.mintCode('o-1')
    expect(await client.code2Session(code)).toEqual({ openid: 'o-1', unionid: undefined })
    await expect(client.code2Session(code)).rejects.toMatchObject({ code: 'auth.invalidCode', status: 400 })
  })

  it('answers 40013 for a wrong appid and 40125 for a wrong secret', async () => {
    const raw = (await (await fetch(`${base}/sns/jscode2session?appid=wx-x&secret=sec&js_code=a&grant_type=authorization_code`)).json()) as { errcode: number }
    expect(raw.errcode).toBe(40013)
    const wrongSecret = makeWechatClient({ baseUrl: base, appid: 'wx-test', secret: 'nope' })
    await expect(wrongSecret.code2Session(standin.mintCode('o-2'))).rejects.toMatchObject({
      code: 'wechat.unavailable',
      message: expect.stringContaining('40125'),
    })
  })

  it('counts sign-ins: the 101st within a minute is 45011', async () => {
    for (let i = 0; i < 100; i++) await client.code2Session(standin.mintCode('o-busy'))
    await expect(client.code2Session(standin.mintCode('o-busy'))).rejects.toMatchObject({ code: 'auth.rateLimited', status: 429 })
  })

  it('turns faults into clear errors: errcode, HTTP status, timeout', async () => {
    standin.faults.add({ api: 'jscode2session', errcode: -1 })
    await expect(client.code2Session(standin.mintCode('o-3'))).rejects.toMatchObject({
      code: 'wechat.unavailable',
      status: 503,
      message: expect.stringContaining('errcode -1'),
    })
    standin.faults.add({ api: 'jscode2session', httpStatus: 502 })
    await expect(client.code2Session(standin.mintCode('o-3'))).rejects.toMatchObject({ message: expect.stringContaining('HTTP 502') })
    standin.faults.add({ api: 'jscode2session', delayMs: 600 })
    await expect(client.code2Session(standin.mintCode('o-3'))).rejects.toMatchObject({ message: expect.stringContaining('超时') })
  })

  it('spends a fault after `times` calls', async () => {
    standin.faults.add({ api: 'jscode2session', errcode: 45011, times: 2 })
    await expect(client.code2Session(standin.mintCode('o-4'))).rejects.toMatchObject({ code: 'auth.rateLimited' })
    await expect(client.code2Session(standin.mintCode('o-4'))).rejects.toMatchObject({ code: 'auth.rateLimited' })
    await expect(client.code2Session(standin.mintCode('o-4'))).resolves.toMatchObject({ openid: 'o-4' })
  })
})

describe('stable_token, subscribe/send, msg_sec_check', () => {
  it('issues a token that subscribe/send accepts; an expired one gets 40001', async () => {
    const { accessToken, expiresIn } = await client.stableToken()
    expect(expiresIn).toBe(7200)
    const msg = { touser: 'o-1', template_id: 'tpl-dispatch', data: { thing1: { value: '路灯损坏' } } }
    expect(await post(`/cgi-bin/message/subscribe/send?access_token=${accessToken}`, msg)).toMatchObject({ errcode: 0, errmsg: 'ok' })
    expect(standin.messages.at(-1)).toMatchObject({ touser: 'o-1', template_id: 'tpl-dispatch' })
    standin.expireTokens()
    expect((await post(`/cgi-bin/message/subscribe/send?access_token=${accessToken}`, msg)).errcode).toBe(40001)
  })

  it('answers 43101 when the fault is switched on (user refused)', async () => {
    const { accessToken } = await client.stableToken()
    standin.faults.add({ api: 'subscribe_send', errcode: 43101 })
    expect((await post(`/cgi-bin/message/subscribe/send?access_token=${accessToken}`, { touser: 'o', template_id: 't', data: {} })).errcode).toBe(43101)
  })

  it('rates content pass / review / risky', async () => {
    const { accessToken } = await client.stableToken()
    const check = (content: string) => post(`/wxa/msg_sec_check?access_token=${accessToken}`, { content, version: 2, scene: 2, openid: 'o-1' })
    expect((await check('路灯坏了')).result.suggest).toBe('pass')
    expect((await check('我要去上访')).result.suggest).toBe('review')
    expect((await check('有人聚众赌博')).result).toEqual({ suggest: 'risky', label: 20006 })
    expect((await post(`/wxa/msg_sec_check?access_token=${accessToken}`, { content: 'x', version: 2, scene: 9, openid: 'o' })).errcode).toBe(40129)
  })

  it('stops a content check when the caller’s budget runs out, the token’s fetch included', async () => {
    const slow = makeWechatClient({ baseUrl: base, appid: 'wx-test', secret: 'sec', timeoutMs: 1000 })
    // Each call alone fits its own timeout; the token's fetch and the check together do not fit the budget.
    standin.faults.add({ api: 'stable_token', delayMs: 250 })
    standin.faults.add({ api: 'msg_sec_check', delayMs: 250, openid: 'o-budget' })
    const started = Date.now()
    await expect(slow.msgSecCheck('o-budget', '路灯坏了', AbortSignal.timeout(350))).rejects.toMatchObject({
      code: 'wechat.timeout',
      message: expect.stringContaining('超时'),
    })
    expect(Date.now() - started).toBeLessThan(500)
    expect(await slow.msgSecCheck('o-budget', '路灯坏了', AbortSignal.timeout(1000))).toBe('pass')
  })
})

describe('group cards: wx.getGroupEnterInfo encrypted with the session_key, opened by our client', () => {
  const enter = (openid: string, opengid: string, scene?: number) => post('/dev/group-enter', { openid, opengid, scene })

  it('opens the data of a fresh login: openid and opengid', async () => {
    const { code, encryptedData, iv } = await enter('o-g1', 'G-room-3')
    expect(Buffer.from(encryptedData, 'base64').length % 16).toBe(0) // AES blocks, PKCS#7-padded
    await expect(client.groupEnterInfo(code, encryptedData, iv)).resolves.toMatchObject({ openid: 'o-g1', opengid: 'G-room-3' })
  })

  it('refuses tampered data, and data made under an older login (a stale session_key)', async () => {
    const first = await enter('o-g2', 'G-a')
    const bytes = Buffer.from(first.encryptedData, 'base64')
    bytes[0]! ^= 1
    const second = await enter('o-g2', 'G-a')
    await expect(client.groupEnterInfo(second.code, bytes.toString('base64'), first.iv)).rejects.toMatchObject({ code: 'auth.badEncryptedData', status: 400 })
    const third = await enter('o-g2', 'G-a')
    await expect(client.groupEnterInfo(third.code, second.encryptedData, second.iv)).rejects.toMatchObject({
      code: 'auth.badEncryptedData',
      fields: [{ path: 'encryptedData' }],
    })
  })

  it('answers 40097 outside a group scene, as the client API does', async () => {
    expect(await enter('o-g3', 'G-b', 1001)).toMatchObject({ errcode: 40097 })
  })
})
