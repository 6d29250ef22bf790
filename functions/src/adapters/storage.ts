/**
 * Photo storage on S3 (s3rver locally). Uploads go straight from the phone with a presigned POST whose policy
 * limits type, size and key; because s3rver enforces none of it, `inspect` re-checks every key server-side. A photo a
 * record keeps is first copied under `photos/`, where no phone can write: the presigned POST stays valid for a few
 * minutes, and what was checked must be what is kept.
 */
import type { S3Client } from '@aws-sdk/client-s3'
import { isRecording, recordAction, recordingMiddleware } from './aws-calls'

export const UPLOAD_EXPIRY_SECONDS = 300
const VIEW_EXPIRY_SECONDS = 3600

export interface StorageOptions {
  bucket: string
  region: string
  endpoint?: string
}

/**
 * The S3 client and its signers are loaded on first use: most functions never touch photos, and the SDK's modules
 * are a large part of a function's load time.
 */
export function makeStorage(o: StorageOptions) {
  let client: Promise<S3Client> | undefined
  const s3 = () =>
    (client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
      const c = new S3Client({
        region: o.region,
        ...(o.endpoint ? { endpoint: o.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
      })
      if (isRecording()) c.middlewareStack.add(recordingMiddleware('s3'), { step: 'initialize', name: 'linliRecordActions' })
      return c
    }))
  return {
    async presignUpload(key: string, contentType: string, maxBytes: number) {
      // The phone uploads with our signature: the function's role must allow what it signs.
      recordAction('s3:PutObject')
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post')
      return createPresignedPost(await s3(), {
        Bucket: o.bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
          ['eq', '$key', key],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_EXPIRY_SECONDS,
      })
    },

    /** Stores a file the server made (an agreement's PDF) under `key`, where no phone can write. */
    async write(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
      const { PutObjectCommand } = await import('@aws-sdk/client-s3')
      await (await s3()).send(new PutObjectCommand({ Bucket: o.bucket, Key: key, Body: bytes, ContentType: contentType }))
    },

    /** What is really stored under `key`, or undefined when nothing is. */
    async inspect(key: string): Promise<{ size: number; contentType: string } | undefined> {
      const { HeadObjectCommand, NotFound } = await import('@aws-sdk/client-s3')
      try {
        const head = await (await s3()).send(new HeadObjectCommand({ Bucket: o.bucket, Key: key }))
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? '' }
      } catch (err) {
        if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined
        throw err
      }
    },

    /** Copies `from` to `to` (a key no phone can write); false when nothing is stored under `from`. */
    async copy(from: string, to: string): Promise<boolean> {
      const { CopyObjectCommand } = await import('@aws-sdk/client-s3')
      try {
        await (await s3()).send(new CopyObjectCommand({ Bucket: o.bucket, Key: to, CopySource: `${o.bucket}/${from}` }))
        return true
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
        if ((err as Error).name === 'NoSuchKey' || status === 404) return false
        throw err
      }
    },

    /**
     * The bytes stored under `key` (a file to import), at most `maxBytes + 1` of them (a Range read: more than
     * `maxBytes` back means the object is too large), or undefined when nothing is stored.
     */
    async read(key: string, maxBytes: number): Promise<Uint8Array | undefined> {
      const { GetObjectCommand } = await import('@aws-sdk/client-s3')
      try {
        const out = await (await s3()).send(new GetObjectCommand({ Bucket: o.bucket, Key: key, Range: `bytes=0-${maxBytes}` }))
        return await out.Body!.transformToByteArray()
      } catch (err) {
        if ((err as Error).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined
        throw err
      }
    },

    async viewUrl(key: string): Promise<string> {
      recordAction('s3:GetObject')
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')])
      return getSignedUrl(await s3(), new GetObjectCommand({ Bucket: o.bucket, Key: key }), { expiresIn: VIEW_EXPIRY_SECONDS })
    },
  }
}

export type Storage = ReturnType<typeof makeStorage>
