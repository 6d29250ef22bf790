/** Debian's Chromium driven by playwright-core, as a touch phone (Taro H5 reacts to taps, not mouse clicks). */
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

// playwright gives every launch a fresh, empty profile of its own.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function phone(browser: Browser, geolocation?: { latitude: number; longitude: number }): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  })
  context.setDefaultTimeout(10_000)
  return context
}
