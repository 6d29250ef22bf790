import { DomainError, MAX_UPLOAD_BYTES, imageTypes } from '@linli/shared'
import { UPLOAD_EXPIRY_SECONDS } from '../../adapters/storage'
import { opaqueId } from '../../adapters/ids'
import type { Caller } from '../identity/ports'
import type { Deps } from '../deps'

const extension: Record<(typeof imageTypes)[number], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }
/** A user's own folder: keyed by a hash of the user id, so a photo's key does not say whose it is (anonymity). */
const prefixOf = (deps: Deps, userId: string) => `uploads/${opaqueId(userId, 'uploads', deps.idSalt)}/`

/** A presigned POST for one image under the caller's own key prefix. */
export async function createUpload(deps: Deps, caller: Caller, input: { contentType: (typeof imageTypes)[number]; size: number }) {
  const key = `${prefixOf(deps, caller.user.id)}${deps.newId()}.${extension[input.contentType]}`
  const { url, fields } = await deps.storage.presignUpload(key, input.contentType, MAX_UPLOAD_BYTES)
  return { url, fields, key, expiresAt: new Date(deps.clock().getTime() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString() }
}

/**
 * Checks photos before they are attached to a record: each must be the caller's own upload, really stored, an
 * image and at most 5 MB (S3's policy says so, but s3rver does not enforce it, and we never rely on the client).
 */
export async function verifyPhotos(deps: Deps, caller: Caller, keys: readonly string[], field: string): Promise<void> {
  const problems = await Promise.all(
    keys.map(async (key, i) => {
      const path = `${field}.${i}`
      if (!key.startsWith(prefixOf(deps, caller.user.id))) return { path, message: '不是你上传的图片' }
      const stored = await deps.storage.inspect(key)
      if (!stored) return { path, message: '图片不存在或尚未上传完成' }
      if (!(imageTypes as readonly string[]).includes(stored.contentType)) return { path, message: '只能上传 JPG、PNG 或 WebP 图片' }
      if (stored.size > MAX_UPLOAD_BYTES) return { path, message: '图片不能超过 5 MB' }
      return undefined
    }),
  )
  const fields = problems.filter((p) => p !== undefined)
  if (fields.length) throw new DomainError('upload.invalid', fields)
}
