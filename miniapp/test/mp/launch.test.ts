/**
 * The compiled app's launch in miniprogram-simulate: a user who signed in before (and agreed to the terms) is signed
 * in again silently when their session has expired — wx.login needs no tap — and the home page on screen follows.
 */
import { cleanup, installFakeWx, loadPage, SESSION_KEY, waitFor, type FakeWx, type LoadedPage } from './simulate-weapp'

const renewed = {
  token: 'tok-launch',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-wang', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

let fake: FakeWx
let home: LoadedPage

beforeAll(() => {
  fake = installFakeWx()
  fake.loginCode = 'code-at-launch'
  fake.storage.set('linli.agreed', '2026-12')
  fake.storage.set(SESSION_KEY, { ...renewed, token: 'tok-expired', expiresAt: new Date(Date.now() - 60_000).toISOString() })
  fake.respond = (req) => (String(req.url).endsWith('/v1/auth/login') ? { statusCode: 200, data: renewed } : { statusCode: 404 })
  // Boots the app: its onLaunch runs now.
  home = loadPage('pages/index/index')
})

afterAll(cleanup)

test('an expired session of a user who agreed before is renewed at launch, without a tap, and home shows them', async () => {
  const page = await home.render()
  await waitFor(() => expect(page.querySelector('.home__hello')?.dom?.textContent).toBe('你好，王秀兰'))
  expect(fake.called('login')).toHaveLength(1)
  const logins = fake.called('request').filter((r) => String(r.url).endsWith('/v1/auth/login'))
  expect(logins.map((r) => r.data)).toEqual([{ code: 'code-at-launch' }])
  expect(fake.storage.get(SESSION_KEY)).toEqual(renewed)
  expect(fake.called('navigateTo')).toHaveLength(0)
  expect(fake.called('reLaunch')).toHaveLength(0)
})
