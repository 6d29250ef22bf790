import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * Our user id for an openid: a keyed hash, stable across sign-ins, that reveals nothing of the openid.
 * Deterministic ids make the first sign-in race-free (two logins of one user write the same item).
 */
export const userIdFor = (openid: string, salt: string) => 'u' + createHmac('sha256', salt).update(openid).digest('base64url').slice(0, 22)

/** An id derived from another that cannot be turned back into it (the folder of a user's uploads, say). */
export const opaqueId = (value: string, purpose: string, salt: string) =>
  createHmac('sha256', salt).update(`${purpose}:${value}`).digest('base64url').slice(0, 22)

// No 0/O, 1/I: invite codes are read aloud and typed by hand.
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const newInviteCode = () => Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('')

/**
 * An Open311 partner's api_key: `<district>.<partner>.<secret>` — the first two say where to look (one GetItem), the
 * secret (192 random bits) is kept only as its SHA-256, compared in constant time.
 */
export const newApiKey = (districtId: string, partnerId: string) => {
  const secret = randomBytes(24).toString('base64url')
  return { key: `${districtId}.${partnerId}.${secret}`, hash: keyHashOf(secret), hint: secret.slice(-4) }
}
export const keyHashOf = (secret: string) => createHash('sha256').update(secret).digest('hex')
/** The parts of an api_key, or undefined when it has not that shape. */
export const apiKeyParts = (key: string) => {
  const [districtId, partnerId, secret, ...rest] = key.split('.')
  return districtId && partnerId && secret && !rest.length ? { districtId, partnerId, secret } : undefined
}
export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
