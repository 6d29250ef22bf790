/**
 * A case opened from its share card (the compiled 事件详情 in miniprogram-simulate): a visitor, or a resident who has
 * no part in the case, sees its public view only — category, status, grid, followers — and the card itself names
 * nothing more; following it asks the visitor to sign in first.
 */
import { publicCase } from '../../../shared/contract/cases/cases'
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

const now = new Date().toISOString()
const later = new Date(Date.now() + 86_400_000).toISOString()
const view = publicCase.response.parse({
  id: 'case-7f3a',
  number: 'LJ202612040007',
  status: 'dispatched',
  categoryId: 'cat-streetlight',
  categoryName: '路灯损坏',
  priority: 'medium',
  gridId: 'g-liuan-1',
  gridName: '柳岸社区第一网格',
  flagged: false,
  overdue: false,
  resolveBy: later,
  createdAt: now,
  updatedAt: now,
  followerCount: 3,
})

const resident = {
  token: 'tok-resident',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-zhao', name: '赵大爷', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

function api(req: Call): FakeResponse {
  const path = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]
  if (req.method === 'GET' && path === '/v1/cases/case-7f3a/public') return { statusCode: 200, data: view }
  // Not this resident's case: the full view is refused like a case that does not exist.
  if (req.method === 'GET' && path === '/v1/cases/case-7f3a') return { statusCode: 404, data: { error: { code: 'case.notFound', message: '事件不存在' } } }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

let fake: FakeWx
let detail: LoadedPage
beforeAll(() => {
  fake = installFakeWx()
  detail = loadPage('packages/case/detail/index')
})
beforeEach(() => {
  fake.reset()
  fake.respond = api
})
afterEach(cleanup)

const text = (page: PageView) => page.dom!.textContent ?? ''
const shareOf = (page: PageView) =>
  (page as unknown as { instance: { onShareAppMessage(o: object): { title: string; path: string } } }).instance.onShareAppMessage({ from: 'menu' })

test('signed out: the public view, a card that names only category, status and grid, and following asks to sign in', async () => {
  const page = await detail.render({ id: 'case-7f3a' })
  await waitFor(() => expect(text(page)).toContain('路灯损坏'))
  expect(text(page)).toContain('已派单')
  expect(text(page)).toContain('柳岸社区第一网格')
  expect(text(page)).toContain('3 人')
  expect(fake.called('request').map((r) => String(r.url).replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/v1/cases/case-7f3a/public'])
  expect(fake.called('request')[0]!.header?.authorization).toBeUndefined()

  expect(shareOf(page)).toEqual({ title: '路灯损坏 · 已派单 · 柳岸社区第一网格', path: '/packages/case/detail/index?id=case-7f3a' })

  page.querySelector('.case-public__follow')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('navigateTo').map((n) => String(n.url).split('?')[0])).toContain('/pages/login/index'))
  expect(fake.called('requestSubscribeMessage')).toHaveLength(0)
})

test('a resident with no part in the case: refused the full view, shown the public one', async () => {
  fake.storage.set(SESSION_KEY, resident)
  const page = await detail.render({ id: 'case-7f3a' })
  await waitFor(() => expect(text(page)).toContain('为保护当事人隐私'))
  expect(fake.called('request').map((r) => String(r.url).replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/v1/cases/case-7f3a', '/v1/cases/case-7f3a/public'])
})
