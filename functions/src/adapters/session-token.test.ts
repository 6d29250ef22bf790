import { makeSessionTokens } from './session-token'

const secret = 'k'.repeat(32)
const claims = { userId: 'u1', districtId: 'd1', sessionId: 's1', generation: 3 }

describe('session tokens', () => {
  it('round-trips the claims', async () => {
    const t = makeSessionTokens(secret, 'linli-test')
    const { token, expiresAt } = await t.sign(claims, new Date('2026-01-01T00:00:00Z'))
    expect(expiresAt).toBe('2026-01-08T00:00:00.000Z')
    expect(await t.verify(token, new Date('2026-01-07T23:59:00Z'))).toEqual(claims)
  })

  it('rejects expired tokens, other audiences and other secrets with auth.invalidToken', async () => {
    const t = makeSessionTokens(secret, 'linli-test')
    const { token } = await t.sign(claims, new Date('2026-01-01T00:00:00Z'))
    await expect(t.verify(token, new Date('2026-01-08T00:01:00Z'))).rejects.toMatchObject({ code: 'auth.invalidToken' })
    await expect(makeSessionTokens(secret, 'linli-prod').verify(token, new Date('2026-01-02T00:00:00Z'))).rejects.toMatchObject({ code: 'auth.invalidToken' })
    // A token of an older build, without a session id, is no session.
    const { SignJWT } = await import('jose')
    const bare = await new SignJWT({ did: 'd1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('linli')
      .setAudience('linli-test')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret))
    await expect(t.verify(bare, new Date())).rejects.toMatchObject({ code: 'auth.invalidToken' })
    await expect(makeSessionTokens('z'.repeat(32), 'linli-test').verify(token, new Date('2026-01-02T00:00:00Z'))).rejects.toMatchObject({
      code: 'auth.invalidToken',
    })
  })
})
