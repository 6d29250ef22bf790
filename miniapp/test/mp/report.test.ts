/**
 * The compiled 随手拍上报 form (dist/weapp/packages/case/report, in the `packages/case` subpackage) in
 * miniprogram-simulate: it renders once categories and a location arrive, refuses an invalid report without a
 * request, and files a valid one with its Idempotency-Key, asking for progress notices inside the tap.
 *
 * The category is chosen by tapping through NutUI's Cascader (大类 → 小类) and the description typed with an
 * `input` event on the TextArea, as a user would. The fakes answered to the page are checked against the shared
 * contract, so they keep the shape the real API has.
 */
import { listCategories } from '../../../shared/contract/district/categories'
import { caseDetailSchema, submitCase } from '../../../shared/contract/cases/cases'
import { gridTree, locateGrid, type TreeNode } from '../../../shared/contract/district/grids'
import {
  cleanup,
  installFakeWx,
  loadPage,
  settle,
  SESSION_KEY,
  tapAndObserve,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

const DRAFT_KEY = 'linli.reportDraft'

const resident = {
  token: 'tok-resident',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-wang', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

const sla = { acceptMinutes: 30, dispatchMinutes: 120, resolveMinutes: 1440 }
const taxonomy = listCategories.response.parse({
  classes: [
    {
      id: 'c-env',
      name: '市容环境',
      items: [
        { id: 'i-trash', name: '垃圾堆放', departmentId: 'dep-cg', departmentName: '城管局', priority: 'medium', slaBand: 'general', sla, autoDispatch: false },
        { id: 'i-ads', name: '小广告', departmentId: 'dep-cg', departmentName: '城管局', priority: 'low', slaBand: 'general', sla, autoDispatch: false },
      ],
    },
    {
      id: 'c-utility',
      name: '水电燃气',
      items: [
        { id: 'i-water', name: '停水', departmentId: 'dep-water', departmentName: '水务集团', priority: 'high', slaBand: 'utility', sla, autoDispatch: false },
      ],
    },
  ],
})

/** Where the fake phone is (WGS84). */
const here = { latitude: 30.25961, longitude: 120.13026 }

const now = new Date().toISOString()
const later = new Date(Date.now() + 86_400_000).toISOString()
const created = caseDetailSchema.parse({
  id: 'case-7f3a',
  number: 'LJ-20250101-0007',
  status: 'submitted',
  categoryId: 'i-trash',
  categoryName: '垃圾堆放',
  priority: 'medium',
  description: '3 栋门口垃圾堆放多日无人清理',
  gridId: 'g-qingshi-01',
  gridName: '青石一网格',
  flagged: false,
  overdue: false,
  resolveBy: later,
  createdAt: now,
  updatedAt: now,
  location: { lat: here.latitude, lng: here.longitude },
  photos: [],
  reporterName: '王秀兰',
  departmentId: 'dep-cg',
  departmentName: '城管局',
  assignees: [],
  levelNodeId: 's-qingshi',
  deadlines: { acceptBy: later, dispatchBy: later, resolveBy: later },
  reopenCount: 0,
  extensionCount: 0,
  tasks: [],
  version: 1,
  following: false,
  followerCount: 0,
  timeline: [{ at: now, type: 'submit', actorName: '王秀兰', photos: [] }],
  allowedEvents: [],
})

const node = (id: string, name: string, level: TreeNode['level'], children: TreeNode[] = []): TreeNode => ({ id, name, level, children })
const tree = gridTree.response.parse({
  root: node('d-linjiang', '临江区', 'district', [
    node('s-qingshi', '青石街道', 'street', [
      node('c-liuan', '柳岸社区', 'community', [node('g-liuan-1', '柳岸社区第一网格', 'grid'), node('g-liuan-2', '柳岸社区第二网格', 'grid')]),
    ]),
  ]),
})
const path = [
  { id: 'd-linjiang', name: '临江区', level: 'district' },
  { id: 's-qingshi', name: '青石街道', level: 'street' },
  { id: 'c-liuan', name: '柳岸社区', level: 'community' },
]
const located = locateGrid.response.parse({ id: 'g-qingshi-01', name: '青石一网格', level: 'grid', parentId: 'c-liuan', path, roster: {}, children: [] })

/** The fake API: categories, the grid of a point and the tree, no nearby cases, 201 for a new case, 204 for recorded consent. */
function api(req: Call): FakeResponse {
  const path = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]
  if (req.method === 'GET' && path === '/v1/grids/locate') return { statusCode: 200, data: located }
  if (req.method === 'GET' && path === '/v1/grids/tree') return { statusCode: 200, data: tree }
  if (req.method === 'GET' && path === '/v1/categories') return { statusCode: 200, data: taxonomy }
  if (req.method === 'GET' && path === '/v1/cases/nearby') return { statusCode: 200, data: { items: [] } }
  if (req.method === 'POST' && path === '/v1/cases') return { statusCode: 201, data: created }
  if (req.method === 'POST' && path === '/v1/subscriptions') return { statusCode: 204 }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

let fake: FakeWx
let report: LoadedPage

beforeAll(() => {
  fake = installFakeWx()
  report = loadPage('packages/case/report/index')
})

beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, resident)
  fake.respond = api
  fake.locate = () => ({ ...here })
})

afterEach(cleanup)

const requests = (method: string, path: string) => fake.called('request').filter((r) => r.method === method && String(r.url).split('?')[0]!.endsWith(path))
const posts = () => fake.called('request').filter((r) => r.method === 'POST')
/** A refused form: no report posted, no consent asked, no page opened. */
async function expectNothingSent() {
  await settle(10)
  expect(posts()).toHaveLength(0)
  expect(fake.called('requestSubscribeMessage')).toHaveLength(0)
  expect(fake.called('redirectTo')).toHaveLength(0)
}
const text = (page: PageView, selector: string) => page.querySelector(selector)?.dom?.textContent

/** Renders the form and waits until the taxonomy (the category cell offers 请选择) and the location have arrived. */
async function render() {
  const page = await report.render()
  await waitFor(() => expect(text(page, '.report__category')).toContain('请选择'))
  await waitFor(() => expect(text(page, '.report__location')).toContain('青石一网格'))
  return page
}

/** Opens the Cascader from the category cell and taps 大类 then 小类. */
async function chooseCategory(page: PageView, className: string, itemName: string) {
  page.querySelector('.report__category')!.dispatchEvent('tap')
  const option = (name: string) => page.querySelectorAll('.nut-cascader-item').find((n) => n.dom!.textContent === name)
  ;(await waitFor(() => option(className) ?? missing(`no Cascader option ${className}`))).dispatchEvent('tap')
  ;(await waitFor(() => option(itemName) ?? missing(`no Cascader option ${itemName}`))).dispatchEvent('tap')
  await waitFor(() => expect(text(page, '.report__category')).toContain(`${className} / ${itemName}`))
}

/** Types into the description TextArea (the wx `input` event Taro's textarea binds). */
async function typeDescription(page: PageView, value: string) {
  page.querySelector('.report__description .nut-textarea-textarea')!.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
  await waitFor(() => expect(text(page, '.report__description .nut-textarea-limit')).toBe(`${value.length}/500`))
}

function missing(message: string): never {
  throw new Error(message)
}

// Runs first: the app caches the taxonomy for the rest of its run, so only the first render of this file fetches it.
test('renders the category, description and submit fields once the taxonomy and a WGS84 location arrive', async () => {
  const page = await render()

  expect(requests('GET', '/v1/categories')).toHaveLength(1)
  expect(requests('GET', '/v1/categories')[0]!.header?.authorization).toBe('Bearer tok-resident')
  expect(fake.called('getLocation')).toHaveLength(1)
  expect(fake.called('getLocation')[0]!.type).toBe('wgs84')
  expect(text(page, '.report__category')).toContain('问题分类')
  expect(page.querySelector('.report__description .nut-textarea-textarea')).toBeDefined()
  expect(text(page, '.report__submit')).toBe('提交上报')
  // Where, in words: the point's grid, not its coordinates.
  expect(text(page, '.report__location')).toContain('青石一网格')
  expect(text(page, '.report__location')).not.toMatch(/纬度|30\.25961/)
  expect(requests('GET', '/v1/grids/locate')[0]!.url).toContain('lat=30.25961&lng=120.13026')
  expect(page.querySelectorAll('.field-error')).toHaveLength(0)
  expect(fake.called('reLaunch')).toHaveLength(0)
})

test('submitting with no category and no description shows the field messages and sends nothing', async () => {
  const page = await render()

  page.querySelector('.report__submit')!.dispatchEvent('tap')

  await waitFor(() => expect(text(page, '.field-error--category')).toBe('请选择问题分类'))
  expect(text(page, '.field-error--description')).toBe('问题描述至少 5 个字')
  expect(fake.called('showToast').map((t) => t.title)).toContain('请按提示修改后再提交')
  await expectNothingSent()
})

test('a too-short description is refused with 问题描述至少 5 个字 even with a category chosen', async () => {
  const page = await render()
  await chooseCategory(page, '市容环境', '垃圾堆放')
  await typeDescription(page, '垃圾多')

  page.querySelector('.report__submit')!.dispatchEvent('tap')

  await waitFor(() => expect(text(page, '.field-error--description')).toBe('问题描述至少 5 个字'))
  expect(page.querySelector('.field-error--category')).toBeUndefined()
  await expectNothingSent()
})

test('a valid report is filed once with its Idempotency-Key, asks for notices in the tap, opens the case and drops the draft', async () => {
  const page = await render()
  await chooseCategory(page, '市容环境', '垃圾堆放')
  expect(text(page, '.report__category')).toContain('由城管局处理')
  await typeDescription(page, '3 栋门口垃圾堆放多日无人清理')
  await waitFor(() => expect(fake.storage.get(DRAFT_KEY)).toMatchObject({ categoryPath: ['c-env', 'i-trash'], description: '3 栋门口垃圾堆放多日无人清理' }))
  const draftKey = (fake.storage.get(DRAFT_KEY) as { idempotencyKey: string }).idempotencyKey
  expect(posts()).toHaveLength(0)

  // WeChat shows the consent sheet only when asked synchronously inside the tap handler.
  const askedInTap = await tapAndObserve(page.querySelector('.report__submit')!, () => fake.called('requestSubscribeMessage').length)
  expect(askedInTap).toBe(1)

  const navigations = () => [...fake.called('redirectTo'), ...fake.called('navigateTo')]
  await waitFor(() => expect(navigations()).toHaveLength(1))

  const cases = fake.called('request').filter((r) => String(r.url).endsWith('/v1/cases'))
  expect(cases).toHaveLength(1)
  const sent = cases[0]!
  expect(sent.method).toBe('POST')
  expect(sent.header?.['Idempotency-Key']).toEqual(expect.any(String))
  expect(sent.header?.['Idempotency-Key']).not.toBe('')
  expect(sent.header?.['Idempotency-Key']).toBe(draftKey)
  expect(sent.data).toMatchObject({ categoryId: 'i-trash', description: '3 栋门口垃圾堆放多日无人清理' })
  expect(sent.data.location).toEqual({ lat: here.latitude, lng: here.longitude })
  expect(submitCase.body.safeParse(sent.data).success).toBe(true)

  // Consent: asked once, inside the tap (before the case request went out), for the three notices to come — 受理,
  // 派单, 办结 — in one sheet (WeChat's limit is three) …
  const asked = fake.called('requestSubscribeMessage')
  expect(asked).toHaveLength(1)
  expect(asked[0]!.tmplIds).toEqual(['tpl-case-accepted', 'tpl-case-dispatched', 'tpl-case-resolved'])
  const firstPost = fake.sequence.findIndex((api, i) => api === 'request' && nthRequest(i)?.method === 'POST')
  expect(fake.sequence.indexOf('requestSubscribeMessage')).toBeLessThan(firstPost)
  // … and its answer recorded with the API.
  const recorded = requests('POST', '/v1/subscriptions')
  expect(recorded.map((r) => r.data)).toEqual(['case_accepted', 'case_dispatched', 'case_resolved'].map((templateKey) => ({ templateKey, result: 'accept' })))

  expect(navigations()[0]!.url).toContain(`/packages/case/detail/index?id=${created.id}`)
  expect(fake.called('showToast').map((t) => t.title)).toContain('上报成功')
  await settle(5)
  expect(fake.storage.has(DRAFT_KEY)).toBe(false)
  expect(fake.called('removeStorageSync').map((c) => c.key)).toContain(DRAFT_KEY)
  expect(page.querySelectorAll('.field-error')).toHaveLength(0)
})

test('a restored draft is offered back and filed with the Idempotency-Key it was made with', async () => {
  const draft = {
    idempotencyKey: 'draft-key-0f2c9a',
    categoryPath: ['c-utility', 'i-water'],
    categoryName: '水电燃气 / 停水',
    description: '5 号楼从早上开始停水',
    photos: [],
    location: { lat: 30.2702, lng: 120.1521 },
    address: '青石小区 5 号楼',
    anonymous: true,
    contactPhone: '',
  }
  fake.storage.set(DRAFT_KEY, draft)
  const page = await report.render()
  await waitFor(() => expect(text(page, '.report__category')).toContain('水电燃气 / 停水'))
  expect(fake.called('showToast').map((t) => t.title)).toContain('已恢复未提交的草稿')
  expect(fake.called('getLocation')).toHaveLength(0) // the draft already has its spot

  page.querySelector('.report__submit')!.dispatchEvent('tap')

  await waitFor(() => expect(fake.called('redirectTo')).toHaveLength(1))
  const cases = requests('POST', '/v1/cases')
  expect(cases).toHaveLength(1)
  expect(cases[0]!.header?.['Idempotency-Key']).toBe('draft-key-0f2c9a')
  expect(cases[0]!.data).toMatchObject({
    categoryId: 'i-water',
    description: '5 号楼从早上开始停水',
    location: { lat: 30.2702, lng: 120.1521, address: '青石小区 5 号楼' },
    anonymous: true,
  })
  expect(fake.called('redirectTo')[0]!.url).toBe(`/packages/case/detail/index?id=${created.id}`)
  await settle(5)
  expect(fake.storage.has(DRAFT_KEY)).toBe(false)
})

/** The request call recorded at position `i` of `fake.sequence`, if that entry is a request. */
function nthRequest(i: number): Call | undefined {
  if (fake.sequence[i] !== 'request') return undefined
  return fake.called('request')[fake.sequence.slice(0, i).filter((api) => api === 'request').length]
}

test('location refused: the form says why, the resident picks the grid and types the address, and the report is filed without a point', async () => {
  fake.locate = () => new Error('auth deny')
  const page = await report.render()
  await waitFor(() => expect(text(page, '.field-error--location')).toMatch(/没有允许.*也可以选择所在网格并填写地址/))
  expect(text(page, '.report__location')).toContain('未获取位置')

  page.querySelector('.report__pick-grid')!.dispatchEvent('tap')
  const option = (name: string) => page.querySelectorAll('.nut-cascader-item').find((n) => n.dom!.textContent === name)
  for (const name of ['青石街道', '柳岸社区', '柳岸社区第二网格'])
    (await waitFor(() => option(name) ?? missing(`no Cascader option ${name}`))).dispatchEvent('tap')
  await waitFor(() => expect(text(page, '.report__location')).toContain('柳岸社区第二网格'))
  await chooseCategory(page, '市容环境', '垃圾堆放')
  await typeDescription(page, '3 栋门口垃圾堆放多日无人清理')

  // No address yet: the form asks for it before anything is sent.
  page.querySelector('.report__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(text(page, '.field-error--address')).toBe('未定位时请填写详细地址'))
  expect(posts()).toHaveLength(0)

  page.querySelector('.report__address .nut-input-native')!.dispatchEvent('input', { detail: { value: '柳岸路 18 号门口', cursor: 9, keyCode: 0 } })
  await settle(5)
  page.querySelector('.report__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(requests('POST', '/v1/cases')).toHaveLength(1))
  const body = submitCase.body.parse(requests('POST', '/v1/cases')[0]!.data)
  expect(body.location).toEqual({ gridId: 'g-liuan-2', address: '柳岸路 18 号门口' })
})

test("the pin moved on WeChat's map: the place is named, its GCJ-02 point sent as WGS84, and the address filled in", async () => {
  fake.chooseLocation = () => ({ name: '青石小区 5 号楼', address: '青石街道青石路 12 号', latitude: 30.2573, longitude: 120.135 })
  const page = await render()
  page.querySelector('.report__move-pin')!.dispatchEvent('tap')
  await waitFor(() => expect(text(page, '.report__location')).toContain('青石小区 5 号楼'))
  // WeChat's map is opened at the current point, in its own coordinates (GCJ-02: ~0.002° off WGS84 here).
  const opened = fake.called('chooseLocation')[0]!
  expect(opened.latitude - here.latitude).toBeGreaterThan(-0.01)
  expect(opened.longitude - here.longitude).toBeGreaterThan(0.001)
  await chooseCategory(page, '市容环境', '垃圾堆放')
  await typeDescription(page, '3 栋门口垃圾堆放多日无人清理')
  page.querySelector('.report__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(requests('POST', '/v1/cases')).toHaveLength(1))
  const { location } = submitCase.body.parse(requests('POST', '/v1/cases')[0]!.data)
  expect(location.address).toBe('青石街道青石路 12 号青石小区 5 号楼')
  // Back in WGS84: a few hundred metres from the GCJ-02 figures WeChat gave.
  expect(Math.abs(location.lat! - 30.2573)).toBeGreaterThan(0.001)
  expect(Math.abs(location.lat! - 30.2573)).toBeLessThan(0.01)
  expect(Math.abs(location.lng! - 120.135)).toBeGreaterThan(0.003)
  expect(Math.abs(location.lng! - 120.135)).toBeLessThan(0.01)
})

test.each([
  [
    'refuses all three',
    () => ({ 'tpl-case-accepted': 'reject', 'tpl-case-dispatched': 'reject', 'tpl-case-resolved': 'reject' }),
    '上报成功；你未允许通知，将收不到消息，可在“我的上报”查看进展',
  ],
  [
    'allows only 办结',
    () => ({ 'tpl-case-accepted': 'reject', 'tpl-case-dispatched': 'reject', 'tpl-case-resolved': 'accept' }),
    '上报成功；部分通知未允许，可在“我的上报”查看进展',
  ],
  [
    'has switched notices off in WeChat (errCode 20004)',
    () => Object.assign(new Error('requestSubscribeMessage:fail'), { errCode: 20004 }),
    '上报成功；你在微信设置中关闭了通知，将收不到消息，可在“我的上报”查看进展',
  ],
])('a resident who %s is told that progress notices will not reach them, and where to look instead', async (_, answer, told) => {
  fake.subscribe = answer
  const page = await render()
  await chooseCategory(page, '市容环境', '垃圾堆放')
  await typeDescription(page, '3 栋门口垃圾堆放多日无人清理')
  page.querySelector('.report__submit')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('redirectTo')).toHaveLength(1))
  expect(fake.called('showToast').map((t) => t.title)).toContain(told)
})
