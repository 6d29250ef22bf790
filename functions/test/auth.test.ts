import { SignJWT } from 'jose'
import { api, cloud, expectError, login, mintCode, newOfficial, repos, standin, uniqueOpenid, userIdOf } from './support/client'

describe('POST /v1/auth/login', () => {
  it('signs a new WeChat user in as a resident of the default district', async () => {
    const openid = uniqueOpenid('new')
    const res = await api('POST', '/v1/auth/login', { body: { code: await mintCode(openid) } })
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({
      id: userIdOf(openid),
      districtId: 'linjiang',
      roles: [{ role: 'resident', scopeId: 'linjiang', scopeName: '临江区' }],
    })
    expect(res.body.token.split('.')).toHaveLength(3)
    // openid and session_key never reach the client
    const text = JSON.stringify(res.body)
    expect(text).not.toContain(openid)
    expect(text).not.toContain('session_key')
  })

  it('gives a seeded persona the roles from our records', async () => {
    const { user } = await login('o-demo-dispatcher')
    expect(user.name).toBe('陈志强')
    expect(user.roles).toContainEqual({ role: 'dispatcher', scopeId: 's-qingshi', scopeName: '青石街道' })
  })

  it('keeps one user for repeated sign-ins', async () => {
    const openid = uniqueOpenid('again')
    const [a, b] = await Promise.all([login(openid), login(openid)])
    expect(a.user.id).toBe(b.user.id)
  })

  it('answers 400 auth.invalidCode for an unknown code (WeChat 40029)', async () => {
    const res = await api('POST', '/v1/auth/login', { body: { code: 'not-a-code' } })
    expectError(res, 400, 'auth.invalidCode')
    expect(res.body.error.fields[0]).toMatchObject({ path: 'code' })
    expect(res.body.error.fields[0].message).toContain('40029')
  })

  it('refuses a code used twice', async () => {
    const code = await mintCode(uniqueOpenid('twice'))
    expect((await api('POST', '/v1/auth/login', { body: { code } })).status).toBe(200)
    expectError(await api('POST', '/v1/auth/login', { body: { code } }), 400, 'auth.invalidCode')
  })

  it('answers 429 auth.rateLimited when WeChat says 45011', async () => {
    const openid = uniqueOpenid('rl')
    await standin('POST', '/dev/faults', { api: 'jscode2session', errcode: 45011, openid })
    const res = await api('POST', '/v1/auth/login', { body: { code: await mintCode(openid) } })
    expectError(res, 429, 'auth.rateLimited')
    expect(res.body.error.message).toContain('45011')
  })

  it('answers 503 naming the errcode when WeChat is busy (-1) or down (HTTP 500)', async () => {
    const busyUser = uniqueOpenid('busy')
    await standin('POST', '/dev/faults', { api: 'jscode2session', errcode: -1, openid: busyUser })
    const busy = await api('POST', '/v1/auth/login', { body: { code: await mintCode(busyUser) } })
    expectError(busy, 503, 'wechat.unavailable')
    expect(busy.body.error.message).toContain('errcode -1')

    const downUser = uniqueOpenid('down')
    await standin('POST', '/dev/faults', { api: 'jscode2session', httpStatus: 500, openid: downUser })
    const down = await api('POST', '/v1/auth/login', { body: { code: await mintCode(downUser) } })
    expectError(down, 503, 'wechat.unavailable')
    expect(down.body.error.message).toContain('HTTP 500')
  })

  describe('bad input', () => {
    it('malformed JSON → 400 request.malformedJson', async () => {
      expectError(await api('POST', '/v1/auth/login', { raw: '{"code": ' }), 400, 'request.malformedJson')
    })

    it('missing body, missing field, wrong type → 400 naming the field', async () => {
      expectError(await api('POST', '/v1/auth/login', { raw: '' }), 400, 'request.invalid')
      const missing = await api('POST', '/v1/auth/login', { body: {} })
      expectError(missing, 400, 'request.invalid')
      expect(missing.body.error.fields).toEqual([{ path: 'code', message: '缺少登录凭证 code' }])
      const wrongType = await api('POST', '/v1/auth/login', { body: { code: 42 } })
      expect(wrongType.body.error.fields[0].path).toBe('code')
      expect(await api('POST', '/v1/auth/login', { body: [] })).toMatchObject({ status: 400 })
    })

    it('unknown fields (a client claiming an openid or role) → 400 naming them', async () => {
      const res = await api('POST', '/v1/auth/login', { body: { code: 'x', openid: 'o-demo-admin', role: 'admin' } })
      expectError(res, 400, 'request.invalid')
      expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['openid', 'role'])
    })

    it('oversized body → 413, wrong media type → 415', async () => {
      expectError(await api('POST', '/v1/auth/login', { body: { code: 'x'.repeat(70_000) } }), 413, 'request.tooLarge')
      expectError(
        await api('POST', '/v1/auth/login', { raw: 'code=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'request.unsupportedMediaType',
      )
    })
  })
})

describe('GET /v1/me', () => {
  const sign = (claims: { sub: string; did: string }, secret: string, iat: number, exp: number, audience = 'linli-local') =>
    new SignJWT({ did: claims.did, gen: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setJti('s-test')
      .setIssuer('linli')
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret))

  it('returns the caller with role bindings', async () => {
    const { token, user } = await login('o-demo-official')
    const res = await api('GET', '/v1/me', { token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual(user)
    expect(res.body.roles).toContainEqual({ role: 'official', scopeId: 'dept-water', scopeName: '区水务局' })
  })

  it('answers 401 without, with a forged, a tampered or an expired token', async () => {
    expectError(await api('GET', '/v1/me'), 401, 'auth.required')
    const now = Math.floor(Date.now() / 1000)
    const sub = userIdOf('o-demo-admin')
    const forged = await sign({ sub, did: 'linjiang' }, 'an attacker does not know our secret!!', now, now + 3600)
    expectError(await api('GET', '/v1/me', { token: forged }), 401, 'auth.invalidToken')
    const expired = await sign({ sub, did: 'linjiang' }, cloud().env.SESSION_SECRET!, now - 7200, now - 3600)
    expectError(await api('GET', '/v1/me', { token: expired }), 401, 'auth.invalidToken')
    const otherStage = await sign({ sub, did: 'linjiang' }, cloud().env.SESSION_SECRET!, now, now + 3600, 'linli-prod')
    expectError(await api('GET', '/v1/me', { token: otherStage }), 401, 'auth.invalidToken')
    const { token } = await login(uniqueOpenid('tamper'))
    const [h, p, s] = token.split('.')
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString())
    const tampered = [h, Buffer.from(JSON.stringify({ ...payload, sub })).toString('base64url'), s].join('.')
    expectError(await api('GET', '/v1/me', { token: tampered }), 401, 'auth.invalidToken')
  })

  it('answers 401 for a valid signature naming a user we do not know', async () => {
    const now = Math.floor(Date.now() / 1000)
    const ghost = await sign({ sub: 'u-nobody', did: 'linjiang' }, cloud().env.SESSION_SECRET!, now, now + 3600)
    expectError(await api('GET', '/v1/me', { token: ghost }), 401, 'auth.invalidToken')
  })
})

describe('sessions', () => {
  it('ends with POST /v1/auth/logout: every token of the account answers 401 auth.sessionEnded; signing in again works', async () => {
    const openid = uniqueOpenid('logout')
    const [phone, desktop] = [await login(openid), await login(openid)]
    expect((await api('GET', '/v1/me', { token: phone.token })).status).toBe(200)
    expect((await api('POST', '/v1/auth/logout', { token: phone.token })).body).toEqual({ ended: true })
    for (const t of [phone.token, desktop.token]) expectError(await api('GET', '/v1/me', { token: t }), 401, 'auth.sessionEnded')
    expectError(await api('POST', '/v1/auth/logout', { token: phone.token }), 401, 'auth.sessionEnded')
    // Rewriting the profile (a seed, an admin's move to another name) does not bring ended sessions back.
    await repos().users.put({ id: phone.user.id, districtId: 'linjiang', name: '改名居民', openid })
    expectError(await api('GET', '/v1/me', { token: desktop.token }), 401, 'auth.sessionEnded')
    const again = await login(openid)
    expect((await api('GET', '/v1/me', { token: again.token })).body.id).toBe(phone.user.id)
  })

  it('ends a staff member’s sessions when an admin of the district takes the role back', async () => {
    const [admin, official, dispatcher] = await Promise.all([login('o-demo-admin'), newOfficial('dept-water'), login('o-demo-dispatcher')])
    const path = `/v1/users/${official.user.id}/roles/official/dept-water`
    expect((await api('GET', '/v1/cases?view=assigned', { token: official.token })).status).toBe(200)
    expectError(await api('DELETE', path, { token: dispatcher.token }), 403, 'auth.forbidden')
    expectError(await api('DELETE', `/v1/users/${admin.user.id}/roles/admin/linjiang`, { token: admin.token }), 409, 'role.self')
    expect((await api('DELETE', path, { token: admin.token })).body).toEqual({ revoked: true })
    expectError(await api('GET', '/v1/me', { token: official.token }), 401, 'auth.sessionEnded')
    const back = await login(official.openid)
    expect(back.user.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
    expectError(await api('GET', '/v1/cases?view=assigned', { token: back.token }), 403, 'auth.forbidden')
    expectError(await api('DELETE', path, { token: admin.token }), 404, 'role.notFound')
    // Another district's admin does not meet our staff.
    const linxiAdmin = await login('o-demo2-admin')
    const mediator = await newOfficial('dept-urban')
    expectError(await api('DELETE', `/v1/users/${mediator.user.id}/roles/official/dept-urban`, { token: linxiAdmin.token }), 404, 'role.notFound')
    expectError(await api('DELETE', `/v1/users/${mediator.user.id}/roles/owner/dept-urban`, { token: admin.token }), 400, 'request.invalid')
  })
})

describe('POST /v1/invites/redeem, tried again and again', () => {
  it('is limited per user: the 11th code within an hour answers 429 invite.rateLimited, another user is not held up', async () => {
    const [guesser, other] = await Promise.all([login(uniqueOpenid('guesser')), login(uniqueOpenid('honest'))])
    const statuses = []
    for (let i = 0; i < 11; i++)
      statuses.push((await api('POST', '/v1/invites/redeem', { token: guesser.token, body: { code: `ZZZZ${String(1000 + i)}` } })).status)
    expect(statuses).toEqual([...Array(10).fill(404), 429])
    expectError(await api('POST', '/v1/invites/redeem', { token: guesser.token, body: { code: 'ZZZZ2222' } }), 429, 'invite.rateLimited')
    expectError(await api('POST', '/v1/invites/redeem', { token: other.token, body: { code: 'ZZZZ2222' } }), 404, 'invite.notFound')
  })
})
