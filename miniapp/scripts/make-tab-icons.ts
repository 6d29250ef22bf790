/**
 * Draws the tab-bar icons (81×81 PNG, WeChat's recommended size; tab bars take no SVG) without any image library.
 * Run: npx tsx miniapp/scripts/make-tab-icons.ts — the PNGs are committed under src/assets/tab.
 */
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SIZE = 81
type Shape = (x: number, y: number) => boolean

const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2
const box =
  (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - x0 < w || x1 - x < w || y - y0 < w || y1 - y < w)
const line =
  (ax: number, ay: number, bx: number, by: number, w: number): Shape =>
  (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2
  }
const any =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))

const icons: Record<string, Shape> = {
  home: any(line(12, 40, 40.5, 14, 6), line(40.5, 14, 69, 40, 6), box(20, 38, 61, 68, 6), box(35, 50, 46, 68, 5)),
  grid: any(...[0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => box(12 + i * 20, 12 + j * 20, 28 + i * 20, 28 + j * 20, 5)))),
  me: any(ring(40.5, 28, 13, 6), (x, y) => y >= 50 && y <= 70 && ring(40.5, 72, 26, 6)(x, y)),
}

function png(shape: Shape, [r, g, b]: number[]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw.set([r!, g!, b!, shape(x + 0.5, y + 0.5) ? 255 : 0], o)
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

const out = join(__dirname, '../src/assets/tab')
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(join(out, `${name}.png`), png(shape, [0x66, 0x66, 0x66]))
  writeFileSync(join(out, `${name}-active.png`), png(shape, [0xfa, 0x2c, 0x19]))
}
