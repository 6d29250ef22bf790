/** The local H5 host: compressed text, a year's cache for the build's hashed files, revalidation for the rest. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { serveH5 } from './h5-server'
import { freePorts } from './ports'

let server: Server
let base: string
const script = `console.log(${JSON.stringify('邻里'.repeat(2000))})`
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'linli-h5-'))
  mkdirSync(join(root, 'js'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><script src="/js/app.a6a8a0eb.js"></script>')
  writeFileSync(join(root, 'js/app.a6a8a0eb.js'), script)
  const ports = await freePorts()
  server = await serveH5(root, ports.h5, { api: ports.api, wechat: ports.wechat })
  base = `http://127.0.0.1:${ports.h5}`
})
afterAll(() => new Promise((r) => server.close(r)))

/** The raw answer (fetch would undo the compression and hide it). */
const get = async (path: string, encoding: string) => {
  const { request } = await import('node:http')
  return new Promise<{ headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((resolve, reject) => {
    request(base + path, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}

describe('the local H5 host', () => {
  it('sends a hashed script brotli-compressed when the browser takes it, gzip otherwise, cached for a year', async () => {
    const br = await get('/js/app.a6a8a0eb.js', 'gzip, deflate, br')
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' })
    expect(brotliDecompressSync(br.bytes).toString()).toBe(script)
    expect(br.bytes.length).toBeLessThan(Buffer.byteLength(script) / 5)
    const gzip = await get('/js/app.a6a8a0eb.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.bytes).toString()).toBe(script)
    const plain = await get('/js/app.a6a8a0eb.js', 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.bytes.toString()).toBe(script)
  })

  it('has the page revalidated on every load (a new build shows at once), and answers any path with it', async () => {
    for (const path of ['/', '/pages/cases/index']) {
      const page = await get(path, 'gzip')
      expect(page.headers).toMatchObject({ 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' })
      expect(gunzipSync(page.bytes).toString()).toContain('/js/app.a6a8a0eb.js')
    }
  })
})
