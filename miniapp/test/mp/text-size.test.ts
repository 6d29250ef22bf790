/** 大字模式 on the compiled 我的 page: text follows WeChat's font setting, and the in-app switch overrides it. */
import { cleanup, installFakeWx, loadPage, waitFor, type FakeWx, type LoadedPage, type PageView } from './simulate-weapp'

let fake: FakeWx
let me: LoadedPage

beforeAll(() => {
  fake = installFakeWx()
  me = loadPage('pages/me/index')
})

beforeEach(() => fake.reset())
afterEach(cleanup)

const sizeOf = (page: PageView) => {
  const classes = (page.querySelector('.me')!.dom as HTMLElement).className.split(/\s+/)
  return classes.find((c) => /text-large/.test(c))?.replace(/^.*--/, '') ?? 'normal'
}

test.each([
  [1, 'normal'],
  [1.15, 'text-large'],
  [1.6, 'text-larger'],
])('WeChat font scale %s → %s', async (scale, size) => {
  fake.fontScale = scale
  const page = await me.render()
  expect(sizeOf(page)).toBe(size)
})

test('the 大字模式 switch enlarges the text at once, is remembered, and off again follows WeChat', async () => {
  fake.fontScale = 1
  const page = await me.render()
  expect(sizeOf(page)).toBe('normal')

  page.querySelector('.me__large-text')!.dispatchEvent('tap')
  await waitFor(() => expect(sizeOf(page)).toBe('text-larger'))
  expect(fake.storage.get('linli.largeText')).toBe('on')

  // Remembered: the page opened again is large.
  await cleanup()
  expect(sizeOf(await me.render())).toBe('text-larger')

  const again = await me.render()
  again.querySelector('.me__large-text')!.dispatchEvent('tap')
  await waitFor(() => expect(sizeOf(again)).toBe('normal'))
  expect(fake.storage.has('linli.largeText')).toBe(false)
})
