import { createServer } from 'node:net'

export interface Ports {
  api: number
  lambda: number
  h5: number
  wechat: number
  dynamodb: number
  s3: number
}

/** DESIGN.md §6 defaults, each overridable by environment. */
export const defaultPorts = (env = process.env): Ports => ({
  api: Number(env.API_PORT ?? 3000),
  lambda: Number(env.LAMBDA_PORT ?? 3002),
  h5: Number(env.H5_PORT ?? 10086),
  wechat: Number(env.WECHAT_PORT ?? 3900),
  dynamodb: Number(env.DYNAMODB_PORT ?? 8000),
  s3: Number(env.S3_PORT ?? 4569),
})

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

export async function freePorts(): Promise<Ports> {
  return { api: await freePort(), lambda: await freePort(), h5: await freePort(), wechat: await freePort(), dynamodb: await freePort(), s3: await freePort() }
}
