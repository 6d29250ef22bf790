/** The compiled sign-in page (dist/weapp/pages/login) in miniprogram-simulate, with recording wx fakes. */
import { cleanup, installFakeWx, loadPage, SESSION_KEY, waitFor, type FakeWx, type LoadedPage } from './simulate-weapp'

const session = {
  token: 'tok-login-1',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

let fake: FakeWx
let login: LoadedPage

beforeAll(() => {
  fake = installFakeWx()
  login = loadPage('pages/login/index')
})

beforeEach(() => {
  fake.reset()
  fake.loginCode = 'code-from-fake-wx-login-42'
})

afterEach(cleanup)

async function render(query: Record<string, string> = {}) {
  const page = await login.render(query)
  const button = page.querySelector('.login__wechat')
  if (!button) throw new Error('no .login__wechat button rendered')
  return { page, button }
}

test('renders the WeChat sign-in button', async () => {
  const { page, button } = await render()
  expect(button.dom!.textContent).toBe('微信一键登录')
  expect(page.dom!.textContent).toContain('有事找网格，件件有回音')
  expect(page.querySelector('.login__error')).toBeUndefined()
})

test('a tap signs in with the wx.login code, stores the session and switches to home', async () => {
  fake.respond = () => ({ statusCode: 200, data: session })
  const { button } = await render()
  expect(fake.called('login')).toHaveLength(0)

  button.dispatchEvent('tap')

  await waitFor(() => expect(fake.called('switchTab')).toHaveLength(1))
  expect(fake.called('login')).toHaveLength(1)
  expect(fake.called('request')).toHaveLength(1)
  const req = fake.called('request')[0]!
  expect(req.url).toMatch(/\/v1\/auth\/login$/)
  expect(req.method).toBe('POST')
  expect(req.data).toEqual({ code: 'code-from-fake-wx-login-42' })
  expect(fake.storage.get(SESSION_KEY)).toEqual(session)
  expect(fake.called('switchTab')[0]?.url).toBe('/pages/index/index')
  const flow = ['login', 'request', 'setStorageSync', 'switchTab']
  expect(fake.sequence.filter((api) => flow.includes(api))).toEqual(flow)
})

test('a rejected code shows the API message and stays on the page', async () => {
  fake.respond = () => ({ statusCode: 400, data: { error: { code: 'auth.invalidCode', message: '微信登录凭证无效或已使用，请重新登录' } } })
  const { page, button } = await render()
  expect(page.dom!.textContent).not.toContain('微信登录凭证无效或已使用，请重新登录')

  button.dispatchEvent('tap')

  await waitFor(() => expect(page.querySelector('.login__error')?.dom?.textContent).toBe('微信登录凭证无效或已使用，请重新登录'))
  expect(fake.called('request')).toHaveLength(1)
  expect(fake.storage.has(SESSION_KEY)).toBe(false)
  expect(fake.called('switchTab')).toHaveLength(0)
})

test.each([
  ['a page of a subpackage, with its query', '/packages/mediation/room/index?id=room-qingshi', 'reLaunch', '/packages/mediation/room/index?id=room-qingshi'],
  ['a tab page', '/pages/grid/index', 'switchTab', '/pages/grid/index'],
  ['nowhere of this app', 'https://example.com/x', 'switchTab', '/pages/index/index'],
])('once signed in, returns to where the user was: %s', async (_, back, api, url) => {
  fake.respond = () => ({ statusCode: 200, data: session })
  const { button } = await render({ back: encodeURIComponent(back) })
  button.dispatchEvent('tap')
  await waitFor(() => expect(fake.called(api as 'reLaunch')).toHaveLength(1))
  expect(fake.called(api as 'reLaunch')[0]?.url).toBe(url)
})
