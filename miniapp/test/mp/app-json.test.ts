/**
 * The compiled app.json against WeChat's rules. The location APIs it calls private (地理位置接口): each one the code
 * calls is declared in `requiredPrivateInfos` — and nothing is declared that the code does not call — and the
 * location permission says what it is used for. `preloadRule` fetches subpackages that exist from pages that exist.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DIST } from './simulate-weapp'
import { privacyItems } from '../../src/packages/legal/privacy'
import { GUIDE, privacyGuide } from '../../scripts/privacy-guide'

/**
 * The APIs through which a mini-program collects personal information (WeChat's 用户隐私保护指引 lists them, and
 * WeChat disables those the guide does not declare), with the identity and group data we collect beside them.
 */
const PERSONAL = [
  'login',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'chooseMessageFile',
  'getClipboardData',
  'getPhoneNumber',
  'getUserProfile',
  'getRecorderManager',
  'getWeRunData',
  'getGroupEnterInfo',
  'requestSubscribeMessage',
]
/** The APIs WeChat requires in requiredPrivateInfos (开发者需在 app.json 中声明). */
const PRIVATE = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
]
const SRC = path.resolve(__dirname, '../../src')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name)
    return e.isDirectory() ? sources(file) : /\.(ts|tsx)$/.test(e.name) ? [file] : []
  })
}

const called = new Set(sources(SRC).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\b(?:Taro|wx)\.(\w+)\(/g)].map((m) => m[1]!)))
const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: { root: string }[]
  preloadRule?: Record<string, { packages: string[] }>
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
  window?: Record<string, string>
  tabBar?: Record<string, unknown>
  darkmode?: boolean
  themeLocation?: string
}

test('declares exactly the private location APIs the code calls', () => {
  const used = PRIVATE.filter((api) => called.has(api)).sort()
  expect(used.length).toBeGreaterThan(0)
  expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual(used)
})

test('says why it asks for the location, in the words the user will read', () => {
  expect(app.permission?.['scope.userLocation']?.desc).toMatch(/网格/)
})

/** app.json's window with its theme.json variables (`@name`) resolved, in each mode the theme defines. */
const theme =
  app.darkmode && app.themeLocation
    ? (JSON.parse(fs.readFileSync(path.join(DIST, app.themeLocation), 'utf8')) as Record<string, Record<string, string>>)
    : { light: {} }
const resolve = (mode: string, value: string) => (value.startsWith('@') ? theme[mode]?.[value.slice(1)] : value)

test('follows dark mode: every theme variable app.json names has a value in light and in dark', () => {
  expect(Object.keys(theme).sort()).toEqual(['dark', 'light'])
  const named = JSON.stringify({ window: app.window, tabBar: app.tabBar }).match(/"@\w+"/g) ?? []
  expect(named.length).toBeGreaterThan(0)
  for (const mode of ['light', 'dark'])
    for (const v of named) expect({ mode, v, value: resolve(mode, JSON.parse(v)) }).toEqual({ mode, v, value: expect.any(String) })
})

test.each(['light', 'dark'])('the pull-to-refresh dots show on the window background in %s mode (dark dots on light, light on dark)', (mode) => {
  const hex = resolve(mode, app.window?.backgroundColor ?? '#ffffff')!.replace('#', '')
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))
  const light = 0.299 * r! + 0.587 * g! + 0.114 * b! > 128
  expect(resolve(mode, app.window?.backgroundTextStyle ?? '')).toBe(light ? 'dark' : 'light')
})

test('preloads the subpackages the tabs open, and only ones that exist', () => {
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const rules = Object.entries(app.preloadRule ?? {})
  expect(rules.map(([page]) => page)).toEqual(expect.arrayContaining(['pages/index/index']))
  for (const [page, rule] of rules) {
    expect(app.pages).toContain(page)
    for (const p of rule.packages) expect(roots).toContain(p.replace(/\/$/, ''))
  }
})

test('the privacy policy names every API through which the code collects personal information, and no other', () => {
  const declared = new Set(privacyItems.flatMap((i) => i.apis))
  const collecting = PERSONAL.filter((api) => called.has(api))
  expect(collecting).toEqual(expect.arrayContaining(['login', 'getLocation', 'chooseMedia']))
  expect(collecting.filter((api) => !declared.has(api))).toEqual([])
  expect([...declared].filter((api) => !called.has(api))).toEqual([])
})

test('docs/privacy-guide.md is the in-app privacy policy as it is (npm run privacy-guide)', () => {
  expect(fs.readFileSync(GUIDE, 'utf8')).toBe(privacyGuide())
})

test('every page with a share card lets WeChat show it (enableShareAppMessage), the public pages among them', () => {
  const sharing = sources(SRC)
    .filter((file) => file.endsWith('index.tsx') && /\buseShareAppMessage\(/.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(SRC, file).replace(/\.tsx$/, ''))
  expect(sharing).toEqual(
    expect.arrayContaining([
      'pages/index/index',
      'pages/grid/index',
      'packages/mediation/rooms/index',
      'packages/mediation/room/index',
      'packages/field/notices/index',
    ]),
  )
  // Taro reads the page config's flag at compile time and gives the page its onShareAppMessage.
  for (const page of sharing) {
    const config = fs.readFileSync(path.join(SRC, `${page}.config.ts`), 'utf8')
    expect({ page, enabled: /enableShareAppMessage:\s*true/.test(config) }).toEqual({ page, enabled: true })
  }
})

test('the project WeChat DevTools and miniprogram-ci open is configured, not hard-wired: the appid from TARO_APP_APPID, domains checked', () => {
  const project = JSON.parse(fs.readFileSync(path.join(DIST, 'project.config.json'), 'utf8')) as { appid: string; setting: Record<string, boolean> }
  expect(project.appid).toBe(process.env.TARO_APP_APPID ?? 'touristappid')
  expect(project.setting).toMatchObject({ urlCheck: true, minified: true, minifyWXML: true, minifyWXSS: true })
})
