/**
 * The one paged list (components/use-paged-list.ts) as a page uses it, on the compiled 我的预约 page
 * (packages/mediation/bookings): the next page at the footer's button, rows never shown twice, the end of the list
 * said, and an answer to a question no longer asked (a tab switched meanwhile) dropped. Fakes are checked against
 * the shared contract.
 */
import { listBookings } from '../../../shared/contract/mediation/bookings'
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

const resident = sessionOf('u-wang', '王秀兰', ['resident', 'd-linjiang', '临江区'])

const booking = (id: string, day: number) => ({
  id,
  status: 'confirmed',
  roomId: 'room-qingshi',
  roomName: '青石街道说事室',
  mediatorId: 'm-sun',
  mediatorName: '孙梅',
  start: `2030-01-${String(day).padStart(2, '0')}T01:00:00.000Z`,
  end: `2030-01-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  disputeType: 'neighbour',
  requesterName: '王秀兰',
  updatedAt: '2029-12-01T00:00:00.000Z',
})
const page = (items: ReturnType<typeof booking>[], nextCursor?: string) => listBookings.response.parse({ items, nextCursor })

let fake: FakeWx
let loaded: LoadedPage
/** Answers GET /v1/bookings by `when` and cursor; a test may hold an answer back. */
let answer: (query: Record<string, string>) => FakeResponse | Promise<FakeResponse>

function api(req: Call): FakeResponse | Promise<FakeResponse> {
  const { path, query } = pathOf(req)
  if (req.method === 'GET' && path === '/v1/bookings') return answer(query)
  if (req.method === 'POST' && path === '/v1/subscriptions') return { statusCode: 204 }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  loaded = loadPage('packages/mediation/bookings/index')
})

beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, resident)
  fake.respond = api
})

afterEach(cleanup)

const rows = (view: PageView) => view.querySelectorAll('.bookings__item').map((n) => n.dom!.textContent)
const footer = (view: PageView) => view.querySelector('.bookings__more')?.dom?.textContent ?? ''
const asked = () => fake.called('request').filter((r) => String(r.url).includes('/v1/bookings'))

test('loads the next page from the footer, shows a row the server repeats once, and says when the list has ended', async () => {
  answer = (q) => ({ statusCode: 200, data: q.cursor === 'c2' ? page([booking('b2', 8), booking('b3', 9)]) : page([booking('b1', 7), booking('b2', 8)], 'c2') })
  const view = await loaded.render({ view: 'mine' })
  await waitFor(() => expect(rows(view)).toHaveLength(2))
  expect(footer(view)).toBe('加载更多')
  view.querySelector('.bookings__load-more')!.dispatchEvent('tap')
  await waitFor(() => expect(rows(view)).toHaveLength(3))
  expect(footer(view)).toBe('没有更多了')
  expect(asked().map((r) => new URLSearchParams(String(r.url).split('?')[1]).get('cursor'))).toEqual([null, 'c2'])
})

test('a tap while a page is on its way asks for it once', async () => {
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  answer = async (q) => {
    if (q.cursor === 'c2') await held
    return { statusCode: 200, data: q.cursor === 'c2' ? page([booking('b3', 9)]) : page([booking('b1', 7)], 'c2') }
  }
  const view = await loaded.render({ view: 'mine' })
  await waitFor(() => expect(footer(view)).toBe('加载更多'))
  view.querySelector('.bookings__load-more')!.dispatchEvent('tap')
  await waitFor(() => expect(footer(view)).toBe('加载中…'))
  ;(view as unknown as { instance: { onReachBottom(): void } }).instance.onReachBottom()
  release()
  await waitFor(() => expect(rows(view)).toHaveLength(2))
  expect(asked().filter((r) => String(r.url).includes('cursor=c2'))).toHaveLength(1)
})

test('drops the answer to a tab left before it came: only the tab on screen fills the list', async () => {
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  answer = async (q) => {
    // 待进行 answers late; 已过去 at once.
    if (q.when === 'upcoming') await held
    return { statusCode: 200, data: q.when === 'upcoming' ? page([booking('up1', 7)]) : page([booking('past1', 1)]) }
  }
  const view = await loaded.render({ view: 'mine' })
  await waitFor(() => expect(asked()).toHaveLength(1))
  view.querySelectorAll('.nut-tabs-titles-item')[1]!.dispatchEvent('tap')
  await waitFor(() => expect(rows(view)).toHaveLength(1))
  release()
  await settle(5)
  expect(rows(view)).toHaveLength(1)
  expect(rows(view)[0]).toContain('1月1日')
})
