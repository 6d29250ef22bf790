import { createHmac, randomInt } from 'node:crypto'

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
