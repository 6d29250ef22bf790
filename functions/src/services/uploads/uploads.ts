import { DomainError, GEOJSON_TYPE, MAX_UPLOAD_BYTES, XLSX_TYPE, imageTypes, type rosterTypes } from '@linli/shared'
import { UPLOAD_EXPIRY_SECONDS } from '../../adapters/storage'
import { opaqueId } from '../../adapters/ids'
import type { Caller } from '../identity/ports'
import type { UploadsDeps } from './ports'
import type { DepsOf } from '../deps'
import { enforce, type Limit } from '../identity/limits'

const extension: Record<(typeof imageTypes)[number] | (typeof rosterTypes)[number] | typeof GEOJSON_TYPE, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'text/csv': 'csv',
  [XLSX_TYPE]: 'xlsx',
  [GEOJSON_TYPE]: 'geojson',
}

/**
 * An upload's key: `uploads/<nonce>/<mark>.<ext>`, the mark an HMAC of the uploader and the nonce. Only the server can
 * tell whose it is (it recomputes the mark); two uploads of one person share nothing, so photos never link the
 * reports of an anonymous resident.
 */
const markOf = (deps: UploadsDeps, userId: string, nonce: string) => opaqueId(`${userId}/${nonce}`, 'uploads', deps.idSalt)
const isOwn = (deps: UploadsDeps, userId: string, key: string) => {
  const [, nonce = '', file = ''] = key.split('/')
  return file.split('.')[0] === markOf(deps, userId, nonce)
}

/** Uploads one person may start: a report's nine photos ten times an hour, with room; a roster or grid file now and then. */
export const UPLOAD_LIMIT: Limit = { name: 'uploads.create', label: '上传文件', hour: 100, day: 300 }

/** A presigned POST for one image under a key only the caller's requests will be taken for; limited per person. */
export async function createUpload(
  deps: UploadsDeps & DepsOf<'users', 'limits'>,
  caller: Caller,
  input: { contentType: keyof typeof extension; size: number },
) {
  await enforce(deps, caller.user.id, UPLOAD_LIMIT)
  const nonce = deps.newId()
  const key = `uploads/${nonce}/${markOf(deps, caller.user.id, nonce)}.${extension[input.contentType]}`
  const { url, fields } = await deps.storage.presignUpload(key, input.contentType, MAX_UPLOAD_BYTES)
  return { url, fields, key, expiresAt: new Date(deps.clock().getTime() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString() }
}

/**
 * Takes the caller's uploads into a record: each is copied under `photos/` (no phone can overwrite it there), and
 * the copy is checked — really stored, an image, at most 5 MB (S3's policy says so, but s3rver does not enforce it,
 * and we never rely on the client). Answers the keys the record keeps.
 */
export async function keepPhotos(deps: UploadsDeps, caller: Caller, keys: readonly string[], field: string): Promise<string[]> {
  const kept = keys.map((key) => `photos/${deps.newId()}.${key.split('.').pop()}`)
  const problems = await Promise.all(
    keys.map(async (key, i) => {
      const path = `${field}.${i}`
      if (!isOwn(deps, caller.user.id, key)) return { path, message: '不是你上传的图片' }
      const stored = (await deps.storage.copy(key, kept[i]!)) && (await deps.storage.inspect(kept[i]!))
      if (!stored) return { path, message: '图片不存在或尚未上传完成' }
      if (!(imageTypes as readonly string[]).includes(stored.contentType)) return { path, message: '只能上传 JPG、PNG 或 WebP 图片' }
      if (stored.size > MAX_UPLOAD_BYTES) return { path, message: '图片不能超过 5 MB' }
      return undefined
    }),
  )
  const fields = problems.filter((p) => p !== undefined)
  if (fields.length) throw new DomainError('upload.invalid', fields)
  return kept
}

/** The bytes of one of the caller's uploads (a roster to import), or a 400 naming `field` when it is not theirs or not there. */
export async function readOwnUpload(deps: UploadsDeps, caller: Caller, key: string, field: string, maxBytes: number): Promise<Uint8Array> {
  // One read of the object, bounded: its size is judged on the bytes read, not on an earlier look that a new upload
  // under the same key could have outdated.
  const bytes = isOwn(deps, caller.user.id, key) ? await deps.storage.read(key, maxBytes) : undefined
  if (!bytes) throw new DomainError('upload.invalid', [{ path: field, message: '文件不存在、尚未上传完成或不是你上传的' }])
  if (bytes.length > maxBytes) throw new DomainError('upload.invalid', [{ path: field, message: `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB` }])
  return bytes
}
