/**
 * The command centre compiled for WeChat: the figures, the graded grids with their reasons (WeChat's build draws no
 * chart: ECharts stays in the H5 build), the month's ranking, and a refusal said in words.
 */
import {
  cleanup,
  installFakeWx,
  loadPage,
  pathOf,
  sessionOf,
  SESSION_KEY,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

let fake: FakeWx
let page: LoadedPage

const shares = { received: 12, acceptRate: 0.9, resolveRate: 0.75, satisfactionRate: 1 }
const answers: Record<string, unknown> = {
  '/v1/command/overview': {
    node: { id: 'linjiang', name: '临江区', level: 'district' },
    asOf: '2026-12-07T02:30:00.000Z',
    today: { received: 7, accepted: 6, dispatched: 5, resolved: 4 },
    inHand: { open: 9, openOverdue: 2 },
    field: { checkins: 14, visits: 3, gridsPatrolled: 8, grids: 12 },
    mediation: { booked: 5, held: 4, agreements: 3, agreementRate: 0.75 },
    rates: { today: shares, month: shares, year: shares },
    units: [{ id: 's-bailu', name: '白鹭镇', open: 5, openOverdue: 2, receivedMonth: 8, resolvedMonth: 3 }],
  },
  '/v1/command/map': {
    node: { id: 'linjiang', name: '临江区' },
    grids: [
      {
        id: 'g-1',
        name: '稻香村第三网格',
        open: 5,
        openOverdue: 2,
        receivedMonth: 8,
        reopenedMonth: 0,
        grade: 'orange',
        reasons: ['2 件超期未办结'],
        staff: { gridworker: '黄志明' },
        households: 430,
        checkinsToday: 3,
        visitsToday: 1,
      },
      {
        id: 'g-2',
        name: '柳岸社区第一网格',
        open: 0,
        openOverdue: 0,
        receivedMonth: 0,
        reopenedMonth: 0,
        grade: 'green',
        reasons: [],
        staff: {},
        checkinsToday: 0,
        visitsToday: 0,
      },
    ],
    rooms: [{ id: 'room-1', name: '白鹭镇说事室', lat: 30.5, lng: 114.33 }],
  },
  '/v1/command/trends': {
    node: { id: 'linjiang', name: '临江区' },
    days: Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, received: i === 29 ? 7 : 0, resolved: i === 29 ? 4 : 0 })),
    months: [
      { month: '2026-11', received: 0, resolved: 0 },
      { month: '2026-12', received: 12, resolved: 9, resolveRate: 0.75 },
    ],
  },
  '/v1/command/points': { points: [], capped: false },
  '/v1/command/categories': {
    month: '2026-12',
    categories: [{ id: 'cat-water-off', name: '停水', received: 8 }],
    hotSpots: [{ gridId: 'g-1', gridName: '稻香村第三网格', categoryId: 'cat-water-off', categoryName: '停水', received: 6 }],
  },
  '/v1/command/rankings': {
    month: '2026-12',
    level: 'grid',
    weights: { accept: 30, resolve: 35, satisfaction: 35 },
    minCases: 5,
    units: [
      { id: 'g-1', name: '稻香村第三网格', received: 8, resolved: 3, score: 87.5, rank: 1, monthOnMonth: 2.5 },
      ...[2, 3, 4, 5, 6].map((rank) => ({ id: `g-r${rank}`, name: `第${rank}名网格`, received: 9, resolved: 9, score: 90 - rank * 5, rank })),
      { id: 'g-2', name: '柳岸社区第一网格', received: 1, resolved: 0 },
    ],
  },
}

function api(req: Call): FakeResponse {
  const answer = answers[pathOf(req).path]
  return answer ? { statusCode: 200, data: answer } : { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${pathOf(req).path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('packages/command/screen/index')
})
beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, sessionOf('u-liu', '刘洋', ['dispatcher', 'linjiang', '临江区']))
  fake.respond = api
})
afterEach(cleanup)

const texts = (view: PageView, selector: string) => view.querySelectorAll(selector).map((e) => e.dom?.textContent ?? '')

test('shows the figures, the graded grids with their reasons and the ranking, in China time', async () => {
  const view = await page.render({})
  await waitFor(() => expect(texts(view, '.command-screen__title')).toEqual(['临江区 指挥中心']))
  expect(texts(view, '.command-screen__time')[0]).toContain('12-07 10:30（北京时间）')
  expect(texts(view, '.command-tile__value')).toEqual(['7', '6', '5', '4', '9', '7', '2', '14', '3', '8/12', '5', '4', '75%'])
  expect(texts(view, '.command-table__row')[1]).toBe('今日1290%75%100%')
  // No chart in WeChat: the grids that are not green are listed with their grade and why.
  expect(view.querySelectorAll('canvas')).toHaveLength(0)
  expect(texts(view, '.command-unit').some((t) => t.includes('稻香村第三网格') && t.includes('橙色') && t.includes('2 件超期未办结'))).toBe(true)
  const ranks = texts(view, '.command-rank')
  expect(ranks[0]).toMatch(/^1稻香村第三网格红榜87\.5 分环比 ↑2\.5/)
  expect(ranks.at(-1)).toMatch(/^—柳岸社区第一网格样本不足/)
  // 红黑榜: the best three and the last three of six ranked.
  expect(texts(view, '.command-rank__board--red')).toEqual(['红榜', '红榜', '红榜'])
  expect(ranks.filter((r) => r.includes('黑榜')).map((r) => r.slice(0, 1))).toEqual(['4', '5', '6'])
  // A warned grid opens its card: who serves it and its households.
  view
    .querySelectorAll('.command-unit')
    .find((e) => (e.dom?.textContent ?? '').includes('2 件超期未办结'))!
    .dispatchEvent('tap')
  await waitFor(() => expect(texts(view, '.command-card').join('')).toContain('网格员 黄志明，网格长 未配备，住户 430 户'))
  expect(texts(view, '.command-card__patrol')).toEqual(['今日打卡 3 次，走访 1 户'])
  // The month's categories and its hot spots.
  expect(texts(view, '.command-unit--hot')).toEqual(['热点稻香村第三网格 · 停水6 件'])
  // The trend as words and a table of the months with cases (WeChat draws no chart).
  expect(texts(view, '.command-note').join('')).toContain('近 30 天受理 7 件，办结 4 件')
  expect(texts(view, '.command-unit').some((t) => t.startsWith('2026 年 12 月') && t.includes('及时率 75%'))).toBe(true)
  expect(texts(view, '.command-unit').some((t) => t.startsWith('2026 年 11 月'))).toBe(false)
})

test('offers the export to a dispatcher, not to an admin (who watches but may not carry the cases away)', async () => {
  const view = await page.render({})
  await waitFor(() => expect(texts(view, '.command-screen__export')).toEqual(['导出本月事件（Excel）']))
  fake.storage.set(SESSION_KEY, sessionOf('u-zhou', '周敏', ['admin', 'linjiang', '临江区']))
  const admin = await page.render({})
  await waitFor(() => expect(texts(admin, '.command-screen__title')).toEqual(['临江区 指挥中心']))
  expect(admin.querySelectorAll('.command-screen__export')).toHaveLength(0)
})

test('a refusal is said in words, with 重试', async () => {
  fake.respond = () => ({ statusCode: 403, data: { error: { code: 'auth.forbidden', message: '没有权限执行此操作' }, requestId: 'r' } })
  const view = await page.render({})
  await waitFor(() => expect(texts(view, '.state-view').join('')).toContain('没有权限执行此操作'))
  expect(texts(view, '.state-view').join('')).toContain('重试')
})
