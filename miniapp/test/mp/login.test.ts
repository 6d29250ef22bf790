/**
 * The compiled sign-in page (dist/weapp/pages/login) in miniprogram-simulate, with recording wx fakes: the user agrees
 * to the terms before signing in, may decline (暂不登录), and comes back to where they were.
 */
import { cleanup, installFakeWx, loadPage, SESSION_KEY, settle, waitFor, type FakeWx, type LoadedPage, type PageView } from './simulate-weapp'

const session = {
  token: 'tok-login-1',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}
const AGREED = 'linli.agreed'

let fake: FakeWx
let login: LoadedPage
/** The page stack the host keeps (getCurrentPages): a test puts the page the user came from under the sign-in page. */
const stack = () => (globalThis as unknown as { getCurrentPages(): { route: string; options: Record<string, string> }[] }).getCurrentPages()

beforeAll(() => {
  fake = installFakeWx()
  login = loadPage('pages/login/index')
})

beforeEach(() => {
  fake.reset()
  fake.loginCode = 'code-from-fake-wx-login-42'
})

afterEach(async () => {
  await cleanup()
  stack().splice(0)
})

async function render(query: Record<string, string> = {}, agree = true) {
  const page = await login.render(query)
  const button = page.querySelector('.login__wechat')
  if (!button) throw new Error('no .login__wechat button rendered')
  if (agree) await tapAgree(page)
  return { page, button }
}

async function tapAgree(page: PageView) {
  page.querySelector('.login__agree')!.dispatchEvent('tap')
  await settle()
}

test('renders the WeChat sign-in button, 暂不登录 and the terms to agree to', async () => {
  const { page, button } = await render({}, false)
  expect(button.dom!.textContent).toBe('微信一键登录')
  expect(page.dom!.textContent).toContain('有事找网格，件件有回音')
  expect(page.querySelector('.login__decline')!.dom!.textContent).toBe('暂不登录')
  expect(page.querySelector('.login__link--agreement')!.dom!.textContent).toBe('《用户协议》')
  expect(page.querySelector('.login__link--privacy')!.dom!.textContent).toBe('《隐私政策》')
  expect(page.querySelector('.login__error')).toBeUndefined()

  page.querySelector('.login__link--privacy')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('navigateTo')[0]?.url).toBe('/packages/legal/privacy/index'))
})

test('without agreeing to the terms nothing is sent: the page says what to do', async () => {
  const { page, button } = await render({}, false)
  button.dispatchEvent('tap')
  await waitFor(() => expect(page.querySelector('.login__error')?.dom?.textContent).toBe('请先阅读并勾选同意《用户协议》和《隐私政策》'))
  expect(fake.called('login')).toHaveLength(0)
  expect(fake.called('request')).toHaveLength(0)
})

test('agreed, a tap signs in with the wx.login code, stores the session and the consent and switches to home', async () => {
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
  expect(fake.storage.get(AGREED)).toBeTruthy()
  expect(fake.called('switchTab')[0]?.url).toBe('/pages/index/index')
  const flow = ['login', 'request', 'switchTab']
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
  expect(fake.storage.has(AGREED)).toBe(false)
  expect(fake.called('switchTab')).toHaveLength(0)
})

test.each([
  ['a page of a subpackage, with its query', '/packages/mediation/room/index?id=room-qingshi', 'redirectTo', '/packages/mediation/room/index?id=room-qingshi'],
  ['a tab page', '/pages/grid/index', 'switchTab', '/pages/grid/index'],
  ['nowhere of this app', 'https://example.com/x', 'switchTab', '/pages/index/index'],
])('once signed in, returns to where the user was: %s', async (_, back, api, url) => {
  fake.respond = () => ({ statusCode: 200, data: session })
  const { button } = await render({ back: encodeURIComponent(back) })
  button.dispatchEvent('tap')
  await waitFor(() => expect(fake.called(api as 'reLaunch')).toHaveLength(1))
  expect(fake.called(api as 'reLaunch')[0]?.url).toBe(url)
})

test('the page the user came from, still underneath, is returned to as it was (navigateBack), not opened anew', async () => {
  fake.respond = () => ({ statusCode: 200, data: session })
  stack().push({ route: 'packages/mediation/room/index', options: { id: 'room-qingshi' } })
  const { button } = await render({ back: encodeURIComponent('/packages/mediation/room/index?id=room-qingshi') })
  button.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('navigateBack')).toHaveLength(1))
  expect(fake.called('redirectTo')).toHaveLength(0)
  expect(fake.called('reLaunch')).toHaveLength(0)
})

test('暂不登录 goes back to the page underneath, or home when there is none; nothing is sent', async () => {
  const { page } = await render({}, false)
  page.querySelector('.login__decline')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('switchTab')[0]?.url).toBe('/pages/index/index'))
  await cleanup()

  stack().push({ route: 'pages/grid/index', options: {} })
  const second = await render({ back: encodeURIComponent('/pages/grid/index') }, false)
  second.page.querySelector('.login__decline')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('navigateBack')).toHaveLength(1))
  expect(fake.called('login')).toHaveLength(0)
  expect(fake.called('request')).toHaveLength(0)
})
