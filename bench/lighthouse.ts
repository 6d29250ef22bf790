/**
 * `npm run lighthouse`: Lighthouse's mobile performance score of the H5 build's home and rooms pages, as a visitor
 * opens them (not signed in), one JSON line each — against a running `npm start` (H5_PORT, default 10086). Lighthouse
 * is not a dependency of the project: npx fetches the pinned 12.2.3 (13 needs Node 22) on first use. Its throttling
 * is simulated (slow 4G, a CPU four times slower), so the figures hold on a busy machine too, within a few points.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const base = `http://127.0.0.1:${process.env.H5_PORT ?? 10086}/`
const pages = { home: '', rooms: '#/packages/mediation/rooms/index' }
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const
const dir = mkdtempSync(join(tmpdir(), 'linli-lighthouse-'))

for (const [page, hash] of Object.entries(pages)) {
  const out = join(dir, `${page}.json`)
  execFileSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      base + hash,
      '--only-categories=performance',
      '--form-factor=mobile',
      '--chrome-flags=--headless=new --no-sandbox',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
  )
  const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue: number }> }
  const figures = Object.fromEntries(metrics.map((m) => [m, Math.round(report.audits[m]!.numericValue * 1000) / 1000]))
  const score = Math.round(report.categories.performance.score * 100)
  console.log(JSON.stringify({ figure: `lighthouse mobile performance: ${page}`, score, budget: 90, within: score >= 90, ...figures }))
}
