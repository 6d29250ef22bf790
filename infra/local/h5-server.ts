/**
 * Serves the H5 build and, on the same origin, proxies `/v1` to the API and `/dev` to the WeChat stand-in
 * (local stage only), so the browser needs no CORS and the persona picker reaches the stand-in.
 */
import { createServer, request, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'

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

export async function serveH5(root: string, port: number, upstream: { api: number; wechat: number }): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path.startsWith('/v1/')) return proxy(req, res, upstream.api)
    if (path.startsWith('/dev/')) return proxy(req, res, upstream.wechat)
    const file = normalize(join(root, decodeURIComponent(path)))
    const target = file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    res.writeHead(200, { 'content-type': types[extname(target)] ?? 'application/octet-stream' })
    createReadStream(target).pipe(res)
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
