/** The compiled home page (dist/weapp/pages/index) in miniprogram-simulate, with a session in the fake wx storage. */
import { cleanup, installFakeWx, loadPage, SESSION_KEY, settle, waitFor, type FakeWx, type LoadedPage, type PageView } from './simulate-weapp'

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString()

const dispatcher = {
  token: 'tok-dispatcher',
  expiresAt: inAnHour(),
  user: {
    id: 'u-chen',
    name: '陈志强',
    districtId: 'd-linjiang',
    roles: [
      { role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' },
      { role: 'dispatcher', scopeId: 's-qingshi', scopeName: '青石街道' },
    ],
  },
}

const resident = {
  token: 'tok-resident',
  expiresAt: inAnHour(),
  user: { id: 'u-wang', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

let fake: FakeWx
let home: LoadedPage

beforeAll(() => {
  fake = installFakeWx()
  home = loadPage('pages/index/index')
})

beforeEach(() => fake.reset())
afterEach(cleanup)

const text = (page: PageView) => page.dom!.textContent ?? ''

test('a dispatcher sees the greeting, role tags and the 坐席 workbench for their street', async () => {
  fake.storage.set(SESSION_KEY, dispatcher)
  const page = await home.render()

  expect(page.querySelector('.home__hello')!.dom!.textContent).toBe('你好，陈志强')
  expect(page.querySelectorAll('.role-tag').map((t) => t.dom!.textContent)).toEqual(['居民 · 临江区', '坐席 · 青石街道'])
  expect(text(page)).toContain('居民服务')
  // j-component queries run from the page (a plain node has no shadow root of its own): use descendant selectors.
  expect(page.querySelectorAll('.workbench')).toHaveLength(1)
  expect(page.querySelector('.workbench--dispatcher .section-title')!.dom!.textContent).toBe('坐席工作台')
  expect(page.querySelector('.workbench--dispatcher .home__workbench-scope')!.dom!.textContent).toBe('青石街道')
  expect(page.querySelectorAll('.workbench--dispatcher .entry').map((e) => e.dom!.textContent)).toEqual(['待受理', '派单', '超时预警', '指挥中心'])
  expect(fake.called('reLaunch')).toHaveLength(0)
})

test('a resident-only user gets resident services and no workbench', async () => {
  fake.storage.set(SESSION_KEY, resident)
  const page = await home.render()

  expect(text(page)).toContain('你好，王秀兰')
  expect(page.querySelectorAll('.entry').map((e) => e.dom!.textContent)).toEqual(['随手拍上报', '我的上报', '预约说事', '我的预约', '社区通知', '我的网格'])
  // Each entry has a NutUI icon, no emoji standing in for one.
  expect(page.querySelectorAll('.entry .nut-icon')).toHaveLength(6)
  expect(text(page)).not.toContain('工作台')
  expect(page.querySelectorAll('.workbench')).toHaveLength(0)
})

test('tapping 预约说事 opens the rooms of the mediation subpackage', async () => {
  fake.storage.set(SESSION_KEY, resident)
  const page = await home.render()
  const entry = page.querySelector('.entry--booking')!
  expect(entry.dom!.textContent).toBe('预约说事')

  entry.dispatchEvent('tap')

  await waitFor(() => expect(fake.called('navigateTo')).toHaveLength(1))
  expect(fake.called('navigateTo')[0]?.url).toBe('/packages/mediation/rooms/index')
  expect(fake.called('showToast')).toHaveLength(0)
})

test('signed out, home is browsable: the resident services and a sign-in button, no jump to the sign-in page', async () => {
  const page = await home.render()

  expect(page.querySelector('.home__hello')!.dom!.textContent).toBe('你好，欢迎来到邻里')
  expect(page.querySelectorAll('.entry').map((e) => e.dom!.textContent)).toEqual(['随手拍上报', '我的上报', '预约说事', '我的预约', '社区通知', '我的网格'])
  expect(page.querySelectorAll('.workbench')).toHaveLength(0)
  await settle()
  expect(fake.called('reLaunch')).toHaveLength(0)
  expect(fake.called('navigateTo')).toHaveLength(0)
  // Nothing personal is asked before it is needed: no request, no location.
  expect(fake.called('request')).toHaveLength(0)
  expect(fake.called('getLocation')).toHaveLength(0)

  // A double tap opens one sign-in page.
  page.querySelector('.home__sign-in')!.dispatchEvent('tap')
  page.querySelector('.home__sign-in')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('navigateTo')).toHaveLength(1))
  await settle()
  expect(fake.called('navigateTo')).toHaveLength(1)
  expect(fake.called('navigateTo')[0]?.url).toBe(`/pages/login/index?back=${encodeURIComponent('/pages/index/index')}`)
})

test('an expired session counts as signed out', async () => {
  fake.storage.set(SESSION_KEY, { ...dispatcher, expiresAt: new Date(Date.now() - 60_000).toISOString() })
  const page = await home.render()

  expect(text(page)).toContain('你好，欢迎来到邻里')
  expect(text(page)).not.toContain('陈志强')
  expect(page.querySelectorAll('.workbench')).toHaveLength(0)
})

test('staff see the notices they can still be sent, and top them up in one tap when few are left', async () => {
  fake.storage.set(SESSION_KEY, dispatcher)
  let alerts = 1
  fake.respond = (req) => {
    const path = String(req.url)
      .replace(/^https?:\/\/[^/]+/, '')
      .split('?')[0]
    if (req.method === 'GET' && path === '/v1/subscriptions')
      return {
        statusCode: 200,
        data: {
          items: [
            { templateKey: 'case_alert', grants: alerts, longTerm: false },
            { templateKey: 'case_dispatch', grants: 0, longTerm: false },
          ],
        },
      }
    if (req.method === 'POST' && path === '/v1/subscriptions')
      return (alerts++, { statusCode: 200, data: { templateKey: 'case_alert', grants: alerts, longTerm: false } })
    return { statusCode: 404, data: { error: { code: 'notFound', message: path } } }
  }
  const page = await home.render()
  const panel = await waitFor(() => page.querySelector('.workbench--dispatcher .grants')!)
  expect(panel.dom!.textContent).toContain('时限预警 1 条')
  expect(panel.dom!.className).toContain('grants--low')

  panel.dispatchEvent('tap')
  await waitFor(() => expect(page.querySelector('.workbench--dispatcher .grants')!.dom!.textContent).toContain('时限预警 2 条'))
  expect(fake.called('requestSubscribeMessage').map((r) => r.tmplIds)).toEqual([['tpl-case-alert']])
})

test('pulling home down reads again what it shows: the user and their roles, the grants left, today’s 三率', async () => {
  fake.storage.set(SESSION_KEY, dispatcher)
  let round = 1
  fake.respond = (req) => {
    const path = String(req.url)
      .replace(/^https?:\/\/[^/]+/, '')
      .split('?')[0]
    if (path === '/v1/subscriptions') return { statusCode: 200, data: { items: [{ templateKey: 'case_alert', grants: round * 5, longTerm: false }] } }
    if (path === '/v1/reports/rates')
      return { statusCode: 200, data: { level: 'street', nodeId: 's-qingshi', name: '青石街道', days: [], total: { received: round * 7 } } }
    if (path === '/v1/me')
      return {
        statusCode: 200,
        data: { ...dispatcher.user, roles: [...dispatcher.user.roles, { role: 'gridworker', scopeId: 'g-liuan-1', scopeName: '柳岸社区第一网格' }] },
      }
    return { statusCode: 404, data: { error: { code: 'notFound', message: path } } }
  }
  const page = await home.render()
  await waitFor(() => expect(text(page)).toContain('时限预警 5 条'))
  await waitFor(() => expect(page.querySelector('.rates-panel')!.dom!.textContent).toContain('7'))
  expect(page.querySelectorAll('.workbench--gridworker')).toHaveLength(0)

  round = 2
  ;(page as unknown as { instance: { onPullDownRefresh(): void } }).instance.onPullDownRefresh()
  await waitFor(() => expect(text(page)).toContain('时限预警 10 条'))
  await waitFor(() => expect(page.querySelector('.rates-panel')!.dom!.textContent).toContain('14'))
  await waitFor(() => expect(page.querySelectorAll('.workbench--gridworker')).toHaveLength(1))
  expect(fake.called('stopPullDownRefresh')).toHaveLength(1)
})

test('a long-term template (长期订阅) shows as lasting, is never low, and is not asked again', async () => {
  fake.storage.set(SESSION_KEY, {
    ...dispatcher,
    user: { ...dispatcher.user, roles: [{ role: 'mediator', scopeId: 'room-qingshi', scopeName: '青石街道说事室' }] },
  })
  fake.respond = (req) =>
    String(req.url).includes('/v1/subscriptions')
      ? { statusCode: 200, data: { items: [{ templateKey: 'booking_request', grants: 999_998, longTerm: true }] } }
      : { statusCode: 404, data: { error: { code: 'notFound', message: 'none' } } }
  const page = await home.render()
  const panel = await waitFor(() => page.querySelector('.workbench--mediator .grants')!)
  expect(panel.dom!.textContent).toContain('预约申请 长期有效')
  expect(panel.dom!.textContent).not.toContain('999')
  expect(panel.dom!.className).not.toContain('grants--low')
  panel.dispatchEvent('tap')
  await settle(5)
  expect(fake.called('requestSubscribeMessage')).toHaveLength(0)
})
