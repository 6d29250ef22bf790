import { createCipheriv, randomBytes } from 'node:crypto'
import { openEncryptedData } from './wechat-data'

/** Data sealed as WeChat seals it: AES-128-CBC under the session_key, PKCS#7, everything base64. */
function seal(data: unknown, key = randomBytes(16), iv = randomBytes(16)) {
  const cipher = createCipheriv('aes-128-cbc', key, iv)
  const encryptedData = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]).toString('base64')
  return { sessionKey: key.toString('base64'), encryptedData, iv: iv.toString('base64') }
}
const now = Date.parse('2026-12-02T08:00:00Z')
const watermark = (over: Record<string, unknown> = {}) => ({ appid: 'wx-linli', timestamp: now / 1000 - 30, ...over })
const open = (s: ReturnType<typeof seal>) => openEncryptedData(s.sessionKey, s.encryptedData, s.iv, 'wx-linli', now)

describe('WeChat encrypted data', () => {
  it('opens data sealed under the session_key, with our watermark', () => {
    expect(open(seal({ opengid: 'G-1', watermark: watermark() }))).toMatchObject({ opengid: 'G-1' })
  })

  it('refuses another key, another app, old data and a bad iv, naming the field', () => {
    const good = seal({ opengid: 'G-1', watermark: watermark() })
    const field = (f: () => unknown) => {
      try {
        f()
      } catch (err) {
        return (err as { code: string; fields: { path: string }[] }).fields[0]!.path
      }
      throw new Error('opened')
    }
    expect(field(() => open({ ...good, sessionKey: randomBytes(16).toString('base64') }))).toBe('encryptedData')
    expect(field(() => open(seal({ opengid: 'G-1', watermark: watermark({ appid: 'wx-other' }) })))).toBe('encryptedData')
    expect(field(() => open(seal({ opengid: 'G-1', watermark: watermark({ timestamp: now / 1000 - 3600 }) })))).toBe('encryptedData')
    expect(field(() => open({ ...good, iv: randomBytes(8).toString('base64') }))).toBe('iv')
    expect(field(() => open({ ...good, sessionKey: '' }))).toBe('code')
  })
})
