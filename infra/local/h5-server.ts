/**
 * Serves the H5 build and, on the same origin, proxies `/v1` to the API and `/dev` to the WeChat stand-in
 * (local stage only), so the browser needs no CORS and the persona picker reaches the stand-in. As an H5 host should
 * (README, "H5 hosting"): text compressed (brotli, else gzip), the build's hashed files cached for a year, the rest
 * revalidated on every load.
 */
import { createServer, request, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** The build names its scripts and styles by their content's hash (miniapp/config): such a file never changes. */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg'])

/** A file's bytes as sent, compressed once per version of the file (a rebuild while serving makes a new one). */
const sent = new Map<string, Buffer>()
function body(file: string, encoding: 'br' | 'gzip' | undefined): Buffer {
  const key = `${file}#${statSync(file).mtimeMs}#${encoding ?? ''}`
  let bytes = sent.get(key)
  if (!bytes) {
    const raw = readFileSync(file)
    bytes = encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzipSync(raw) : raw
    sent.set(key, bytes)
  }
  return bytes
}

export async function serveH5(root: string, port: number, upstream: { api: number; wechat: number }): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path.startsWith('/v1/')) return proxy(req, res, upstream.api)
    if (path.startsWith('/dev/')) return proxy(req, res, upstream.wechat)
    const file = normalize(join(root, decodeURIComponent(path)))
    const target = file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    const accepts = String(req.headers['accept-encoding'] ?? '')
    const encoding = !COMPRESSED.has(extname(target)) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined
    res.writeHead(200, {
      'content-type': types[extname(target)] ?? 'application/octet-stream',
      'cache-control': HASHED.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    res.end(body(target, encoding))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return server
}

function proxy(req: IncomingMessage, res: ServerResponse, port: number) {
  const upstream = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers)
    up.pipe(res)
  })
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'internal', message: '本地服务未就绪' } }))
  })
  req.pipe(upstream)
}
