/**
 * Forms on the one route form (components/use-route-form.ts), compiled: a household's fields keep their labels once
 * filled (not placeholders alone); what the route's own schema refuses is said beside the field before anything is
 * sent; what the server refuses lands beside its field too. Fakes are checked against the shared contract.
 */
import { getHousehold, updateHousehold } from '../../../shared/contract/field/households'
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

const gridworker = sessionOf('u-li', '李芳', ['gridworker', 'g-liuan-2', '柳岸社区第二网格'])
const household = getHousehold.response.parse({
  id: 'h-1',
  gridId: 'g-liuan-2',
  gridName: '柳岸社区第二网格',
  address: '4栋1单元201室',
  building: '4',
  unit: '1',
  room: '201',
  headName: '杨春梅',
  members: 3,
  phone: '13900002010',
  careTags: [],
  notes: '',
  masked: false,
  version: 2,
})

let fake: FakeWx
let page: LoadedPage
let putAnswer: FakeResponse

function api(req: Call): FakeResponse {
  const { path } = pathOf(req)
  if (req.method === 'GET' && path === '/v1/households/h-1') return { statusCode: 200, data: household }
  if (req.method === 'PUT' && path === '/v1/households/h-1') return putAnswer
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('packages/field/household/index')
})
beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, gridworker)
  fake.respond = api
  putAnswer = { statusCode: 200, data: updateHousehold.response.parse(household) }
})
afterEach(cleanup)

const labels = (view: PageView) => view.querySelectorAll('.field__label').map((n) => n.dom!.textContent)
const errorOf = (view: PageView, name: string) => view.querySelector(`.field-error--${name}`)?.dom?.textContent ?? ''
const puts = () => fake.called('request').filter((r) => r.method === 'PUT')
const type = (view: PageView, cls: string, value: string) =>
  view.querySelector(`.${cls} .nut-input-native`)!.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })

async function render() {
  const view = await page.render({ id: 'h-1' })
  await waitFor(() => expect(labels(view)).toEqual(['楼栋', '单元', '门牌号', '户主姓名', '联系电话']))
  return view
}

test('a filled household form keeps every field’s label', async () => {
  const view = await render()
  // Each control sits inside its labelled field, filled from the roster.
  for (const cls of ['household__building', 'household__unit', 'household__room', 'household__head', 'household__phone'])
    expect(view.querySelector(`.field .${cls}`)).toBeTruthy()
})

test('the route’s own schema refuses a bad phone beside its field, sending nothing', async () => {
  const view = await render()
  type(view, 'household__phone', '12345')
  await settle(3)
  view.querySelector('.household__save')!.dispatchEvent('tap')
  await waitFor(() => expect(errorOf(view, 'phone')).toMatch(/手机号|电话/))
  expect(puts()).toHaveLength(0)
})

test('what the server refuses is said beside its field', async () => {
  putAnswer = {
    statusCode: 409,
    data: { error: { code: 'household.exists', message: '该门牌已在台账中', fields: [{ path: 'room', message: '4栋1单元201室已在台账中' }] }, requestId: 'r' },
  }
  const view = await render()
  view.querySelector('.household__save')!.dispatchEvent('tap')
  await waitFor(() => expect(errorOf(view, 'room')).toBe('4栋1单元201室已在台账中'))
  expect(puts()).toHaveLength(1)
})
