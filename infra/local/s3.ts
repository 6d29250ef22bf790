/** s3rver for uploads. It enforces no presigned-POST policy: the API re-checks size and type itself. */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'

interface S3rverInstance {
  run(): Promise<unknown>
  close(): Promise<void>
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance
const S3rver = createRequire(__filename)('s3rver') as S3rverCtor

/** The H5 app uploads from its own origin straight to the bucket, as the weapp does with uploadFile. */
const CORS = Buffer.from(
  `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`,
)

export async function startS3(port: number, directory: string, bucket: string): Promise<S3rverInstance> {
  mkdirSync(directory, { recursive: true })
  const s3 = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket, configs: [CORS] }] })
  await s3.run()
  return s3
}
