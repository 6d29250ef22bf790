/**
 * Our own signed session token (HS256 via jose). It carries who the user is, never what they may do, and which
 * session it is: its id (`jti`, in logs) and the user's session generation at sign-in (`gen`): a logout or a
 * revocation moves the user's generation on, which ends every token signed before.
 */
import { SignJWT, jwtVerify } from 'jose'
import { DomainError } from '@linli/shared'

const ISSUER = 'linli'
const TTL_SECONDS = 7 * 24 * 3600

export interface SessionClaims {
  userId: string
  districtId: string
  sessionId: string
  generation: number
}

export function makeSessionTokens(secret: string, audience: string) {
  const key = new TextEncoder().encode(secret)
  return {
    async sign(claims: SessionClaims, now: Date): Promise<{ token: string; expiresAt: string }> {
      const iat = Math.floor(now.getTime() / 1000)
      const token = await new SignJWT({ did: claims.districtId, gen: claims.generation })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setJti(claims.sessionId)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + TTL_SECONDS)
        .sign(key)
      return { token, expiresAt: new Date((iat + TTL_SECONDS) * 1000).toISOString() }
    },

    async verify(token: string, now: Date): Promise<SessionClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience,
          algorithms: ['HS256'],
          currentDate: now,
        })
        const { sub, did, jti, gen } = payload
        if (typeof sub !== 'string' || typeof did !== 'string' || typeof jti !== 'string' || typeof gen !== 'number') throw new Error('claims')
        return { userId: sub, districtId: did, sessionId: jti, generation: gen }
      } catch {
        throw new DomainError('auth.invalidToken')
      }
    },
  }
}

export type SessionTokens = ReturnType<typeof makeSessionTokens>
