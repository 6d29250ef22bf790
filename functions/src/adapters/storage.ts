/**
 * Photo storage on S3 (s3rver locally). Uploads go straight from the phone with a presigned POST whose policy
 * limits type, size and key prefix; because s3rver enforces none of it, `inspect` re-checks every key server-side.
 */
import { S3Client, HeadObjectCommand, GetObjectCommand, NotFound } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { isRecording, recordAction, recordingMiddleware } from './aws-calls'

export const UPLOAD_EXPIRY_SECONDS = 300
const VIEW_EXPIRY_SECONDS = 3600

export interface StorageOptions {
  bucket: string
  region: string
  endpoint?: string
}

export function makeStorage(o: StorageOptions) {
  const s3 = new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  })
  if (isRecording()) s3.middlewareStack.add(recordingMiddleware('s3'), { step: 'initialize', name: 'linliRecordActions' })
  return {
    async presignUpload(key: string, contentType: string, maxBytes: number) {
      // The phone uploads with our signature: the function's role must allow what it signs.
      recordAction('s3:PutObject')
      return createPresignedPost(s3, {
        Bucket: o.bucket,
        Key: key,
        Conditions: [['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType], ['eq', '$key', key]],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_EXPIRY_SECONDS,
      })
    },

    /** What is really stored under `key`, or undefined when nothing is. */
    async inspect(key: string): Promise<{ size: number; contentType: string } | undefined> {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: o.bucket, Key: key }))
        return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? '' }
      } catch (err) {
        if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined
        throw err
      }
    },

    viewUrl(key: string): Promise<string> {
      recordAction('s3:GetObject')
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: o.bucket, Key: key }), { expiresIn: VIEW_EXPIRY_SECONDS })
    },
  }
}

export type Storage = ReturnType<typeof makeStorage>
