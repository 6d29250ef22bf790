/** The compiled sign-in page (dist/weapp/pages/login) in miniprogram-simulate, with recording wx fakes. */
import { cleanup, installFakeWx, loadPage, renderPage, SESSION_KEY, waitFor, type FakeWx } from './simulate-weapp'

const ROUTE = 'pages/login/index'

const session = {
  token: 'tok-login-1',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

let fake: FakeWx
let pageId: string

beforeAll(() => {
  fake = installFakeWx()
  pageId = loadPage(ROUTE)
})

beforeEach(() => {
  fake.reset()
  fake.loginCode = 'code-from-fake-wx-login-42'
})

afterEach(cleanup)

async function render() {
  const page = await renderPage(pageId, ROUTE)
  const button = page.querySelector('.login__wechat')
  if (!button) throw new Error('no .login__wechat button rendered')
  return { page, button }
}

test('renders the WeChat sign-in button', async () => {
  const { page, button } = await render()
  expect(button.dom!.textContent).toBe('微信一键登录')
  expect(page.dom!.textContent).toContain('有事找网格，件件有回音')
  expect(page.dom!.querySelector('.main--login__error')).toBeNull()
})

test('a tap signs in with the wx.login code, stores the session and switches to home', async () => {
  fake.respond = () => ({ statusCode: 200, data: session })
  const { button } = await render()
  expect(fake.calls.login).toBeUndefined()

  button.dispatchEvent('tap')

  await waitFor(() => expect(fake.calls.switchTab).toHaveLength(1))
  expect(fake.calls.login).toHaveLength(1)
  expect(fake.calls.request).toHaveLength(1)
  const [req] = fake.calls.request
  expect(req.url).toMatch(/\/v1\/auth\/login$/)
  expect(req.method).toBe('POST')
  expect(req.data).toEqual({ code: 'code-from-fake-wx-login-42' })
  expect(fake.storage.get(SESSION_KEY)).toEqual(session)
  expect(fake.calls.switchTab[0].url).toBe('/pages/index/index')
})

test('a rejected code shows the API message and stays on the page', async () => {
  fake.respond = () => ({ statusCode: 400, data: { error: { code: 'auth.invalidCode', message: '微信登录凭证无效或已使用，请重新登录' } } })
  const { page, button } = await render()
  expect(page.dom!.textContent).not.toContain('微信登录凭证无效或已使用，请重新登录')

  button.dispatchEvent('tap')

  await waitFor(() => expect(page.dom!.textContent).toContain('微信登录凭证无效或已使用，请重新登录'))
  expect(fake.calls.request).toHaveLength(1)
  expect(fake.storage.has(SESSION_KEY)).toBe(false)
  expect(fake.calls.switchTab).toBeUndefined()
})
