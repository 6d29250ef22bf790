/** s3rver for uploads. It enforces no presigned-POST policy: the API re-checks size and type itself. */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'

interface S3rverInstance {
  run(): Promise<unknown>
  close(): Promise<void>
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance
const S3rver = createRequire(__filename)('s3rver') as S3rverCtor

export async function startS3(port: number, directory: string, bucket: string): Promise<S3rverInstance> {
  mkdirSync(directory, { recursive: true })
  const s3 = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] })
  await s3.run()
  return s3
}
