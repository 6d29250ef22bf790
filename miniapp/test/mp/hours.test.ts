/**
 * The compiled 接待时间 page (dist/weapp/packages/mediation/hours) in miniprogram-simulate: it shows the mediator's
 * weekly hours of their room and saves them whole; a rule the server refuses is named by its row; the profile saves.
 * The fakes are checked against the shared contract.
 */
import { getMediator, listExceptions } from '../../../shared/contract/mediation/rooms'
import {
  cleanup,
  installFakeWx,
  loadPage,
  SESSION_KEY,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

const mediator = {
  token: 'tok-mediator',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: {
    id: 'm-sun',
    name: '孙梅',
    districtId: 'd-linjiang',
    roles: [
      { role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' },
      { role: 'mediator', scopeId: 'room-qingshi', scopeName: '青石街道说事室' },
    ],
  },
}
const detail = getMediator.response.parse({
  id: 'm-sun',
  name: '孙梅',
  specialties: ['neighbour'],
  intro: '从事人民调解 12 年',
  record: { held: 3 },
  rooms: [{ id: 'room-qingshi', name: '青石街道说事室', rules: [{ weekday: 1, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 }] }],
})

let fake: FakeWx
let page: LoadedPage
let putAnswer: FakeResponse

function api(req: Call): FakeResponse {
  const path = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]
  if (req.method === 'GET' && path === '/v1/mediators/m-sun') return { statusCode: 200, data: detail }
  if (req.method === 'GET' && path === '/v1/rooms/room-qingshi/exceptions') return { statusCode: 200, data: listExceptions.response.parse({ items: [] }) }
  if (req.method === 'PUT' && path === '/v1/rooms/room-qingshi/availability') return putAnswer
  if (req.method === 'PUT' && path === '/v1/mediators/m-sun') return { statusCode: 200, data: { ...detail, intro: (req.data as { intro: string }).intro } }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('packages/mediation/hours/index')
})
beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, mediator)
  fake.respond = api
  putAnswer = { statusCode: 200, data: detail }
})
afterEach(cleanup)

const puts = (suffix: string) => fake.called('request').filter((r) => r.method === 'PUT' && String(r.url).endsWith(suffix))
async function render(): Promise<PageView> {
  const view = await page.render()
  await waitFor(() => expect(view.querySelectorAll('.rules-editor__rule')).toHaveLength(1))
  return view
}

test('shows the weekly hours, adds the next weekday’s window and saves them whole', async () => {
  const view = await render()
  expect(view.querySelector('.rules-editor__weekday')!.dom!.textContent).toBe('周一')
  expect(view.querySelectorAll('.rules-editor__time').map((n) => n.dom!.textContent)).toEqual(['09:00', '12:00'])
  view.querySelectorAll('.rules-editor__actions .nut-button')[0]!.dispatchEvent('tap')
  await waitFor(() => expect(view.querySelectorAll('.rules-editor__rule')).toHaveLength(2))
  expect(view.querySelectorAll('.rules-editor__weekday').map((n) => n.dom!.textContent)).toEqual(['周一', '周二'])
  view.querySelector('.rules-editor__save')!.dispatchEvent('tap')
  await waitFor(() => expect(puts('/availability')).toHaveLength(1))
  expect(puts('/availability')[0]!.data).toEqual({
    rules: [
      { weekday: 1, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 },
      { weekday: 2, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 },
    ],
  })
})

test('names the row the server refuses', async () => {
  putAnswer = {
    statusCode: 400,
    data: { error: { code: 'request.invalid', message: '请求参数有误', fields: [{ path: 'rules.0', message: '与第 1 条时段重叠' }] }, requestId: 'r' },
  }
  const view = await render()
  view.querySelector('.rules-editor__save')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('showToast')[0]?.title).toBe('第 1 条：与第 1 条时段重叠'))
})

test('saves the profile residents see', async () => {
  const view = await render()
  const intro = '青石街道司法所退休干部，擅长邻里纠纷'
  view.querySelector('.hours__intro .nut-textarea-textarea')!.dispatchEvent('input', { detail: { value: intro, cursor: intro.length, keyCode: 0 } })
  await waitFor(() => expect(view.querySelector('.hours__intro .nut-textarea-limit')!.dom!.textContent).toBe(`${intro.length}/300`))
  view.querySelector('.hours__save .nut-button')!.dispatchEvent('tap')
  await waitFor(() => expect(puts('/v1/mediators/m-sun')).toHaveLength(1))
  expect(puts('/v1/mediators/m-sun')[0]!.data).toEqual({ intro, specialties: ['neighbour'] })
})

test('a signed-in user who mediates in no room is told so in words, not left on 加载中…', async () => {
  fake.storage.set(SESSION_KEY, {
    ...mediator,
    user: { ...mediator.user, id: 'u-admin', roles: [{ role: 'admin', scopeId: 'd-linjiang', scopeName: '临江区' }] },
  })
  const view = await page.render()
  await waitFor(() => expect(view.querySelector('.state-view')!.dom!.textContent).toContain('你还不是任何说事室的调解员'))
  expect(view.querySelectorAll('.nut-loading')).toHaveLength(0)
})

test('a page that cannot load says why and offers 重试, which asks again and shows the page', async () => {
  let fail = true
  fake.respond = (req) =>
    fail && req.method === 'GET' && String(req.url).includes('/v1/mediators/')
      ? { statusCode: 503, data: { error: { code: 'wechat.unavailable', message: '服务暂时不可用，请稍后再试' }, requestId: 'r' } }
      : api(req)
  const view = await page.render()
  await waitFor(() => expect(view.querySelector('.state-view')!.dom!.textContent).toContain('服务暂时不可用，请稍后再试'))
  fail = false
  view.querySelector('.state-view .nut-button')!.dispatchEvent('tap')
  await waitFor(() => expect(view.querySelectorAll('.rules-editor__rule')).toHaveLength(1))
})
