/** Steps the browser tests share: a persona's phone signed in, and a case event fired through its form. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { launch, phone } from './browser'

export const cloud = () =>
  JSON.parse(process.env.LINLI_TEST_CLOUD!) as { urls: { h5: string; wechat: string; api: string; s3: string }; env: Record<string, string> }

/**
 * One browser for a test file, closed (after `teardown`, e.g. putting the local clock back) when the file ends; the
 * function it returns signs a demo persona in on a phone at `at`.
 */
export function phones(at: { latitude: number; longitude: number }, teardown?: () => Promise<unknown>) {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    // The browser closes even when the teardown fails (an API that died): left open, its keep-alive connections kept
    // the H5 server, and so the whole run, from ever ending.
    try {
      await teardown?.()
    } finally {
      await browser?.close()
    }
  })
  return (name: string) => signedIn(browser, name, at)
}

/**
 * `selectors` (comma-separated) on the page on screen only: Taro's H5 router keeps the pages underneath in the
 * document, hidden, and a page seen twice (a hash change to the same route) is there twice.
 */
export const onScreen = (page: Page, selectors: string) =>
  page
    .locator(
      selectors
        .split(',')
        .map((s) => `.taro_page:not([style*="display: none"]) ${s.trim()}`)
        .join(', '),
    )
    .first()

/** The page on screen has finished sliding in (Taro's H5 router moves a new page in from the right). */
export const pageSettled = (page: Page) =>
  page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).every(
      (p) => getComputedStyle(p).display === 'none' || p.getBoundingClientRect().left === 0,
    ),
  )

/** The report form once it has located the phone (its location button greys, below axe's contrast, while it locates). */
export const REPORT_LOCATED = '.report__locate:not(.nut-button-loading):has-text("重新定位")'

/**
 * A phone at `at` (WGS84) on which the demo persona `name` signed in before: the app opens with the session the
 * sign-in page saves (Taro's H5 storage: `{"data": …}` in localStorage). sign-in.test walks that page itself; this
 * skips it (about 2 s a phone).
 */
export async function signedIn(browser: Browser, name: string, at: { latitude: number; longitude: number }): Promise<Page> {
  const { urls } = cloud()
  const post = async (url: string, body: object) =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()
  const { personas } = (await (await fetch(`${urls.wechat}/dev/personas`)).json()) as { personas: { openid: string; name: string }[] }
  const { openid } = personas.find((p) => p.name === name)!
  const { code } = (await post(`${urls.wechat}/dev/code`, { openid })) as { code: string }
  const session = await post(`${urls.api}/v1/auth/login`, { code })
  const context = await phone(browser, at)
  // Once per tab: a sign-out or a reload later in the test keeps what the app made of it.
  await context.addInitScript(
    (stored) => {
      if (sessionStorage.getItem('linli.test.stored')) return
      for (const [key, data] of Object.entries(stored)) localStorage.setItem(key, JSON.stringify({ data }))
      sessionStorage.setItem('linli.test.stored', '1')
    },
    { 'linli.session': session, 'linli.dev.openid': openid },
  )
  const page = await context.newPage()
  await page.goto(urls.h5)
  await onScreen(page, '.home').getByText(`你好，${name}`).waitFor()
  return page
}

/**
 * On the sign-in page: agrees to the terms and signs in as the demo persona `name` (the local stand-in of 微信一键登录).
 * The personas are waited for first: their list arriving moves the agreement down under a tap.
 */
export async function pickPersona(page: Page, name: string) {
  const persona = onScreen(page, '.login').locator('.persona', { hasText: name })
  await persona.waitFor()
  await onScreen(page, '.login__agree').tap()
  await persona.tap()
}

/** Taps the event's button on the case page, fills its form and sends it. */
export async function act(page: Page, type: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
  await page.locator(`.case-action--${type}`).tap()
  const form = page.locator(`.case-action-form--${type}`)
  await form.waitFor()
  await fill?.(form)
  await form.locator('.case-action__submit').tap()
  await form.waitFor({ state: 'hidden' })
}

/**
 * The case's row in the list on screen: further pages are loaded while there are any, and a list read before the
 * fan-out wrote its entry is pulled again.
 */
export async function rowInList(page: Page, number: string) {
  const row = page.locator('.case-list__item', { hasText: number })
  for (
    let i = 0;
    i < 15 &&
    !(await row.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    ));
    i++
  ) {
    const more = page.locator('.case-list__load-more')
    // A list that re-renders under the tap (a page arriving) is tapped again on the next round.
    if (await more.isVisible()) await more.tap({ timeout: 3000 }).catch(() => undefined)
    else await page.reload()
  }
  return row
}

export async function openFromList(page: Page, number: string) {
  await (await rowInList(page, number)).tap()
  await page.locator('.case__number', { hasText: number }).waitFor()
}

export const status = (page: Page, label: string) => page.locator('.case__status', { hasText: label }).waitFor()

/** Moves the local stage's clock (POST /local/clock). */
export async function moveClock(body: { advanceMinutes: number } | { reset: true }): Promise<{ now: string }> {
  const res = await fetch(`${cloud().urls.api}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status !== 200) throw new Error(`local clock: ${res.status}`)
  return (await res.json()) as { now: string }
}

/** One sweep now, as the scheduler would run it (serverless-offline's invoke endpoint). */
export const sweep = () =>
  fetch(`http://127.0.0.1:${cloud().env.LAMBDA_PORT}/2015-03-31/functions/linli-local-sweeper/invocations`, { method: 'POST', body: '{}' })

const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core on the page on screen: no serious or critical violation (WCAG A/AA and best practice), each named with
 * the nodes where it is. Hidden pages (Taro keeps the ones underneath in the document) are not looked at.
 */
export async function expectAccessible(page: Page, label: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  // Not while a toast fades in or out (0.1 s): half transparent, its text failed the contrast check once.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro__toast')).every((t) => getComputedStyle(t).display === 'none' || getComputedStyle(t).opacity === '1'),
  )
  const found = await page.evaluate(async () => {
    type Violation = { id: string; impact?: string; nodes: { target: string[] }[] }
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run
    const { violations } = await run(document, { resultTypes: ['violations'] })
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    // Touch targets (WeChat's 适老化): each control's tappable box — itself or the ::after drawn around it — is ≥ 44 × 44.
    const small = Array.from(document.querySelectorAll<HTMLElement>('.nut-button, .nut-switch, [role=switch], .nut-cell-clickable')).flatMap((el) => {
      const box = el.getBoundingClientRect()
      if (!box.width || !box.height) return []
      const after = getComputedStyle(el, '::after')
      const tall = Math.max(box.height, after.position === 'absolute' ? parseFloat(after.height) || 0 : 0)
      const wide = Math.max(box.width, after.position === 'absolute' ? parseFloat(after.width) || 0 : 0)
      return tall >= 43.5 && wide >= 43.5 ? [] : [`${el.className.split(' ').slice(0, 3).join('.')} ${Math.round(wide)}×${Math.round(tall)}`]
    })
    return small.length ? [...serious, `target-size-44: ${small.join(', ')}`] : serious
  })
  expect({ page: label, violations: found }).toEqual({ page: label, violations: [] })
}
