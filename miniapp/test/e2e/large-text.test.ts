/**
 * 大字模式 and dark mode in Chromium: the pages a visitor and a resident open, at normal text in the light scheme,
 * then with 大字模式 switched on in 我的 and the phone in dark mode. With it on, text (ours and NutUI's) is half as
 * large again, the page is dark, no page grows wider than the phone, and axe (its contrast check included) and the
 * 44 px touch targets still pass. With LINLI_SCREENSHOTS=<dir> (`npm run screenshots`) each page is saved there as
 * <name>-normal.png and <name>-large.png: the set committed in docs/screenshots.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launch, phone } from './browser'
import { REPORT_LOCATED, cloud, expectAccessible, onScreen, signedIn } from './steps'

jest.setTimeout(120_000)

const LIUAN_1 = { latitude: 30.5051, longitude: 114.3052 }
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())
const SHOTS = process.env.LINLI_SCREENSHOTS ? resolve(process.env.LINLI_SCREENSHOTS) : undefined
if (SHOTS) mkdirSync(SHOTS, { recursive: true })

interface Stop {
  name: string
  path: string
  /** What shows once the page has loaded. */
  ready: string
  /** Some text of ours and some of NutUI's, measured in both modes. */
  ours: string
  nutui: string
}

const stops: Stop[] = [
  { name: 'home', path: 'pages/index/index', ready: '.entry', ours: '.home__hello', nutui: '.entry .nut-grid-item-text' },
  { name: 'grid', path: 'pages/grid/index', ready: '.grid-page__title', ours: '.grid-page__title', nutui: '.nut-cell-title' },
  { name: 'report', path: 'packages/case/report/index', ready: REPORT_LOCATED, ours: '.report', nutui: '.report__location .nut-cell-title' },
  { name: 'rooms', path: 'packages/mediation/rooms/index', ready: '.rooms__item', ours: '.rooms__name', nutui: '.rooms__filter' },
  {
    name: 'notices',
    path: 'packages/field/notices/index?gridId=g-liuan-1',
    ready: '.notices .nut-empty, .notices .nut-cell',
    ours: '.notices',
    nutui: '.nut-empty-description, .nut-cell-title',
  },
  { name: 'me', path: 'pages/me/index', ready: '.me__large-text', ours: '.me__name', nutui: '.nut-cell-title' },
]
const me = stops.at(-1)!

/** The first node on the page on screen matching any of `selectors` (comma-separated). */
const fontSize = async (page: Page, selector: string) => parseFloat(await onScreen(page, selector).evaluate((el) => getComputedStyle(el).fontSize))

/** Opens the page afresh (a load, not a hash change that would keep the pages seen before in the document). */
async function open(page: Page, stop: Stop) {
  await page.goto('about:blank')
  await page.goto(`${cloud().urls.h5}/#/${stop.path}`)
  await onScreen(page, stop.ready).waitFor()
  // Loaded: no spinner left on screen.
  await page.waitForFunction(() => !Array.from(document.querySelectorAll<HTMLElement>('.nut-loading')).some((el) => el.offsetParent))
}

/** The background of the page on screen in each pass: app.scss's --nutui-color-background, light, then dark. */
const BACKGROUND = { normal: 'rgb(245, 246, 247)', large: 'rgb(10, 10, 10)' }

async function look(page: Page, stop: Stop, mode: 'normal' | 'large') {
  await expectAccessible(page, `${stop.name}, ${mode} text`)
  expect({
    page: stop.name,
    mode,
    background: await page
      .locator('.taro_page:not([style*="display: none"])')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor),
  }).toEqual({ page: stop.name, mode, background: BACKGROUND[mode] })
  // Nothing runs off the side of the phone.
  expect({ page: stop.name, mode, overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) }).toEqual({
    page: stop.name,
    mode,
    overflow: 0,
  })
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${stop.name}-${mode}.png`) })
  return { ours: await fontSize(page, stop.ours), nutui: await fontSize(page, stop.nutui) }
}

/** Each stop at normal text, then 大字模式 switched on in 我的 and the phone dark, then each stop again: text half as large again. */
async function bothWays(page: Page, tour: Stop[]) {
  const normal = new Map<string, { ours: number; nutui: number }>()
  for (const stop of tour) {
    await open(page, stop)
    normal.set(stop.name, await look(page, stop, 'normal'))
  }
  await open(page, me)
  await onScreen(page, '.me__large-text').tap()
  await onScreen(page, '.me.text-larger').waitFor()
  await page.emulateMedia({ colorScheme: 'dark' })
  for (const stop of tour) {
    await open(page, stop)
    const large = await look(page, stop, 'large')
    const before = normal.get(stop.name)!
    // Half as large again, give or take the rounding of rem units to pixels.
    const grown = (now: number, was: number) => (now / was >= 1.4 && now / was <= 1.6 ? 'about 1.5' : now / was)
    expect({ page: stop.name, ours: grown(large.ours, before.ours), nutui: grown(large.nutui, before.nutui) }).toEqual({
      page: stop.name,
      ours: 'about 1.5',
      nutui: 'about 1.5',
    })
  }
}

test('a visitor: home and the sign-in page', async () => {
  const page = await (await phone(browser, LIUAN_1)).newPage()
  await bothWays(page, [
    { name: 'home-visitor', path: 'pages/index/index', ready: '.home__sign-in', ours: '.section-title', nutui: '.entry .nut-grid-item-text' },
    { name: 'login', path: 'pages/login/index', ready: '.login__agree', ours: '.login__why', nutui: '.login__decline' },
  ])
})

test('a resident: home, 我的网格, the report form, the rooms, the notices and 我的', async () => {
  await bothWays(await signedIn(browser, '王小梅', LIUAN_1), stops)
})
