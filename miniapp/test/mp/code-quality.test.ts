/**
 * WeChat's own code-quality scan (代码质量, as WeChat DevTools runs it before upload) on the compiled weapp, offline,
 * through miniprogram-ci (./code-quality.cjs). Every item must pass: compression of JS, WXML and WXSS, lazy code
 * loading, package sizes, no code or components only other packages use, no unused code.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { DIST } from './simulate-weapp'

jest.setTimeout(60_000)

interface Item {
  name: string
  success: boolean
  text: string
}

test('every item of WeChat’s code-quality scan passes on the compiled weapp', () => {
  const out = execFileSync(process.execPath, [join(__dirname, 'code-quality.cjs'), DIST], { encoding: 'utf8' })
  const items = JSON.parse(out.trim().split('\n').at(-1)!) as Item[]
  expect(items.map((i) => i.name)).toEqual(
    expect.arrayContaining(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'PACKAGE_SIZE_LIMIT']),
  )
  expect(items.length).toBeGreaterThanOrEqual(11)
  expect(items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)).toEqual([])
})
