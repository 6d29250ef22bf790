/**
 * The invite page on the one route form, compiled: a code the route's own schema refuses is said beside the field
 * with nothing sent; the server's refusal (an unknown code) is said on the form in words.
 */
import {
  cleanup,
  installFakeWx,
  loadPage,
  pathOf,
  sessionOf,
  SESSION_KEY,
  settle,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

let fake: FakeWx
let page: LoadedPage
const redeems = () => fake.called('request').filter((r) => pathOf(r).path === '/v1/invites/redeem')

function api(req: Call): FakeResponse {
  if (pathOf(req).path === '/v1/invites/redeem')
    return { statusCode: 404, data: { error: { code: 'invite.notFound', message: '邀请码不存在' }, requestId: 'r' } }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${pathOf(req).path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('pages/invite/index')
})
beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, sessionOf('u-new', '新同事'))
  fake.respond = api
})
afterEach(cleanup)

const text = (view: PageView, selector: string) => view.querySelector(selector)?.dom?.textContent ?? ''
const type = (view: PageView, value: string) =>
  view.querySelector('.invite__code .nut-input-native')!.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })

test('a malformed code is refused beside its field, nothing sent', async () => {
  const view = await page.render({})
  type(view, 'ABC')
  await settle(3)
  view.querySelector('.invite__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(text(view, '.field-error--code')).toMatch(/邀请码/))
  expect(redeems()).toHaveLength(0)
})

test('an unknown code is said on the form in words', async () => {
  const view = await page.render({})
  type(view, 'K7M2Q9XA')
  await settle(3)
  view.querySelector('.invite__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(text(view, '.invite .field-error')).toBe('邀请码不存在'))
  expect(redeems()).toHaveLength(1)
})
