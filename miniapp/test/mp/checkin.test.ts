/**
 * The compiled 打卡 page (dist/weapp/packages/field/checkin, in the `packages/field` subpackage) in
 * miniprogram-simulate: it shows before sending whether the phone is inside the grid (the same geofence the server
 * uses), sends an inside check-in with its Idempotency-Key, refuses to send from outside, and keeps a check-in taken
 * without a network to send it — same key, its capture time — when the network returns. The fake API's answers are
 * checked against the shared contract.
 */
import { getGrid } from '../../../shared/contract/district/grids'
import { checkinSchema, createCheckin } from '../../../shared/contract/field/checkins'
import {
  cleanup,
  installFakeWx,
  loadPage,
  SESSION_KEY,
  settle,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

const worker = {
  token: 'tok-worker',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-li', name: '李建国', districtId: 'linjiang', roles: [{ role: 'gridworker', scopeId: 'g-liuan-1', scopeName: '柳岸社区第一网格' }] },
}
const ring = [
  [114.3, 30.5],
  [114.31, 30.5],
  [114.31, 30.515],
  [114.3, 30.515],
  [114.3, 30.5],
]
const grid = getGrid.response.parse({
  id: 'g-liuan-1',
  name: '柳岸社区第一网格',
  level: 'grid',
  parentId: 'c-liuan',
  path: [],
  roster: {},
  boundary: { type: 'Polygon', coordinates: [ring] },
  children: [],
})
const INSIDE = { latitude: 30.507, longitude: 114.305 }
const OUTSIDE = { latitude: 30.52, longitude: 114.305 } // ~555 m north of the grid

let online = true
const posted: Call[] = []
function api(req: Call): FakeResponse {
  const path = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]
  if (req.method === 'GET' && path === '/v1/grids/g-liuan-1') return { statusCode: 200, data: grid }
  if (req.method === 'POST' && path === '/v1/checkins') {
    if (!online) throw new Error('network down')
    const body = createCheckin.body.parse(req.data)
    posted.push(req)
    const at = new Date().toISOString()
    return {
      statusCode: 201,
      data: checkinSchema.parse({
        id: `c${posted.length}`,
        kind: body.kind,
        gridId: 'g-liuan-1',
        gridName: '柳岸社区第一网格',
        userId: 'u-li',
        userName: '李建国',
        ...body.location,
        metersOutside: 0,
        note: body.note,
        photos: [],
        capturedAt: body.capturedAt ?? at,
        at,
        late: false,
      }),
    }
  }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

let fake: FakeWx
let page: LoadedPage
beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('packages/field/checkin/index')
})
beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, worker)
  fake.respond = api
  online = true
  posted.length = 0
})
afterEach(cleanup)

const text = (view: PageView, selector: string) => view.querySelector(selector)?.dom?.textContent ?? ''
const tap = (view: PageView, selector: string) => view.querySelector(selector)!.dispatchEvent('tap')

describe('the check-in page', () => {
  it('says the phone is inside the grid and sends the check-in with its key and accuracy', async () => {
    fake.locate = () => ({ ...INSIDE })
    const view = await page.render({ kind: 'duty' })
    await waitFor(() => expect(text(view, '.checkin__fence')).toContain('你在网格内'))
    tap(view, '.checkin__submit')
    await waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]!.data).toMatchObject({ kind: 'duty', location: { lat: INSIDE.latitude, lng: INSIDE.longitude, accuracy: 30 } })
    expect(posted[0]!.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    await waitFor(() => expect(text(view, '.checkin__done')).toContain('已打卡'))
  })

  it('shows how far outside the phone is and sends nothing', async () => {
    fake.locate = () => ({ ...OUTSIDE })
    const view = await page.render({ kind: 'duty' })
    await waitFor(() => expect(text(view, '.checkin__fence')).toMatch(/你在网格外约 5\d\d 米/))
    expect(text(view, '.checkin__submit')).toContain('不在网格内')
    tap(view, '.checkin__submit')
    await settle(10)
    expect(posted).toHaveLength(0)
  })

  it('keeps a check-in taken offline and sends it, same key and capture time, when the network returns', async () => {
    fake.locate = () => ({ ...INSIDE })
    const view = await page.render({ kind: 'duty' })
    await waitFor(() => expect(text(view, '.checkin__fence')).toContain('你在网格内'))
    online = false
    tap(view, '.checkin__submit')
    await waitFor(() => expect(text(view, '.checkin__queue')).toContain('待补传 1 条'))
    const [queued] = fake.storage.get('linli.checkinQueue') as { key: string; body: { capturedAt: string } }[]
    expect(posted).toHaveLength(0)
    online = true
    fake.network(true)
    await waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]!.header['Idempotency-Key']).toBe(queued!.key)
    expect(posted[0]!.data.capturedAt).toBe(queued!.body.capturedAt)
    await waitFor(() => expect(fake.storage.get('linli.checkinQueue')).toEqual([]))
  })
})
