import { createHash } from 'node:crypto'
import { signedByWechat } from './push'

const token = 'push-token-of-the-console'
const sign = (timestamp: string, nonce: string, t = token) => createHash('sha1').update([t, timestamp, nonce].sort().join('')).digest('hex')

describe('a push to the message server', () => {
  const now = 1_800_000_000
  it('is taken when WeChat signed it with our token, lately', () => {
    expect(signedByWechat(token, { signature: sign(String(now), 'n1'), timestamp: String(now), nonce: 'n1' }, now + 10)).toBe(true)
  })

  it('is refused unsigned, signed with another token, tampered with, or older than five minutes', () => {
    expect(signedByWechat(token, { timestamp: String(now), nonce: 'n1' }, now)).toBe(false)
    expect(signedByWechat(token, { signature: sign(String(now), 'n1', 'other'), timestamp: String(now), nonce: 'n1' }, now)).toBe(false)
    expect(signedByWechat(token, { signature: sign(String(now), 'n1'), timestamp: String(now), nonce: 'n2' }, now)).toBe(false)
    expect(signedByWechat(token, { signature: sign(String(now), 'n1'), timestamp: String(now), nonce: 'n1' }, now + 301)).toBe(false)
  })
})
