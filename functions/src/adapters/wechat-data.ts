/**
 * WeChat's encrypted data (wx.getGroupEnterInfo, getUserProfile …): AES-128-CBC under the user's session_key, PKCS#7
 * padding, key, iv and data in base64, a JSON object carrying a watermark of our appid and when WeChat made it.
 */
import { createDecipheriv } from 'node:crypto'
import { DomainError } from '@linli/shared'

/** Data made longer ago than this is refused (a replay, or a page left open for hours). */
export const WATERMARK_MAX_AGE_SECONDS = 10 * 60

const bad = (path: string, message: string) => new DomainError('auth.badEncryptedData', [{ path, message }])

export function openEncryptedData(sessionKey: string, encryptedData: string, iv: string, appid: string, now = Date.now()): Record<string, unknown> {
  const key = Buffer.from(sessionKey, 'base64')
  const ivBytes = Buffer.from(iv, 'base64')
  if (key.length !== 16) throw bad('code', '登录会话无效，请重新打开')
  if (ivBytes.length !== 16) throw bad('iv', '初始向量 iv 应为 16 字节')
  let data: { watermark?: { appid?: unknown; timestamp?: unknown } } & Record<string, unknown>
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes)
    data = JSON.parse(Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]).toString('utf8'))
  } catch {
    // A wrong key (the data came with an older login), a changed byte or a forged payload all end here.
    throw bad('encryptedData', '群信息无法解密（数据被改动，或登录已更新），请从群聊中的卡片重新打开')
  }
  if (data?.watermark?.appid !== appid) throw bad('encryptedData', '群信息不属于本小程序')
  const age = now / 1000 - Number(data.watermark.timestamp)
  if (!(age >= -60 && age <= WATERMARK_MAX_AGE_SECONDS)) throw bad('encryptedData', '群信息已过期，请从群聊中的卡片重新打开')
  return data
}
