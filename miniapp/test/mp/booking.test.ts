/**
 * The compiled 说事室 page (dist/weapp/packages/mediation/room, in the `packages/mediation` subpackage) in
 * miniprogram-simulate: the slot picker shows the days and times the API offers with taken ones disabled, the form
 * refuses to send without a slot or a summary, a booking is sent with its Idempotency-Key and opens the booking, and
 * a 409 (somebody took the slot meanwhile) reloads the slots. The fakes are checked against the shared contract.
 */
import { getRoom, roomSlots } from '../../../shared/contract/mediation/rooms'
import { bookingDetailSchema } from '../../../shared/contract/mediation/bookings'
import {
  cleanup,
  installFakeWx,
  loadPage,
  settle,
  SESSION_KEY,
  waitFor,
  type Call,
  type FakeResponse,
  type FakeWx,
  type LoadedPage,
  type PageView,
} from './simulate-weapp'

const resident = {
  token: 'tok-resident',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-wang', name: '王秀兰', districtId: 'd-linjiang', roles: [{ role: 'resident', scopeId: 'd-linjiang', scopeName: '临江区' }] },
}

const room = getRoom.response.parse({
  id: 'room-qingshi',
  name: '青石街道说事室',
  nodeId: 's-qingshi',
  address: '青石街道便民服务中心二楼',
  lat: 30.507,
  lng: 114.309,
  hours: '周一至周五 9:00–12:00',
  specialties: ['neighbour', 'property'],
  minNoticeHours: 2,
  horizonDays: 14,
  cancelCutoffHours: 2,
  mediators: [{ id: 'm-sun', name: '孙梅', specialties: ['neighbour'], intro: '从事人民调解 12 年', record: { held: 3, agreementRate: 0.67 } }],
  weekly: '周一、周二 09:00–12:00',
  closedOn: ['2030-01-09'],
})

const slot = (date: string, time: string, taken: boolean) => {
  const start = new Date(Date.parse(`${date}T${time}:00.000Z`) - 8 * 3600_000)
  return { date, time, start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString(), mediatorId: 'm-sun', mediatorName: '孙梅', taken }
}
const slots = roomSlots.response.parse({ items: [slot('2030-01-07', '09:00', true), slot('2030-01-07', '10:00', false), slot('2030-01-08', '09:00', false)] })
const booked = bookingDetailSchema.parse({
  id: 'bk-1',
  status: 'requested',
  roomId: room.id,
  roomName: room.name,
  mediatorId: 'm-sun',
  mediatorName: '孙梅',
  start: slots.items[1]!.start,
  end: slots.items[1]!.end,
  disputeType: 'neighbour',
  requesterName: '王秀兰',
  updatedAt: new Date().toISOString(),
  version: 1,
  roomAddress: room.address,
  summary: '楼上装修噪音持续到深夜',
  changeUntil: slots.items[1]!.start,
  timeline: [],
  allowedEvents: ['cancel', 'reschedule'],
})

let fake: FakeWx
let page: LoadedPage
let bookingAnswer: FakeResponse

function api(req: Call): FakeResponse {
  const path = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')[0]
  if (req.method === 'GET' && path === '/v1/rooms/room-qingshi') return { statusCode: 200, data: room }
  if (req.method === 'GET' && path === '/v1/rooms/room-qingshi/slots') return { statusCode: 200, data: slots }
  if (req.method === 'POST' && path === '/v1/bookings') return bookingAnswer
  if (req.method === 'POST' && path === '/v1/subscriptions') return { statusCode: 204 }
  return { statusCode: 404, data: { error: { code: 'notFound', message: `no fake for ${req.method} ${path}` } } }
}

beforeAll(() => {
  fake = installFakeWx()
  page = loadPage('packages/mediation/room/index')
})

beforeEach(() => {
  fake.reset()
  fake.storage.set(SESSION_KEY, resident)
  fake.respond = api
  bookingAnswer = { statusCode: 201, data: booked }
})

afterEach(cleanup)

const text = (view: PageView, selector: string) => view.querySelector(selector)?.dom?.textContent ?? ''
const bookings = () => fake.called('request').filter((r) => r.method === 'POST' && String(r.url).endsWith('/v1/bookings'))
const slotRequests = () => fake.called('request').filter((r) => r.method === 'GET' && String(r.url).includes('/slots'))

async function render() {
  const view = await page.render({ id: 'room-qingshi' })
  await waitFor(() => expect(view.querySelectorAll('.slot-picker__time')).toHaveLength(2))
  return view
}

test('shows the room, its mediators and the first day’s times, the taken one disabled', async () => {
  const view = await render()
  expect(text(view, '.room__name')).toBe('青石街道说事室')
  // The hours the mediators keep, not the text the admin typed once, and the week's closed day.
  expect(text(view, '.room__hours')).toContain('周一、周二 09:00–12:00；1月9日（周三）不开放')
  expect(view.querySelectorAll('.room__mediator').map((n) => n.dom!.textContent)).toEqual(['任意调解员', '孙梅'])
  expect(view.querySelectorAll('.slot-picker__day').map((n) => n.dom!.textContent)).toEqual(['周一1/7可约', '周二1/8可约'])
  const times = view.querySelectorAll('.slot-picker__time')
  expect(times.map((n) => n.dom!.textContent)).toEqual(['09:00 孙梅（已约）', '10:00 孙梅'])
  expect(times[0]!.dom!.outerHTML).toContain('disabled')

  view.querySelectorAll('.slot-picker__day')[1]!.dispatchEvent('tap')
  await waitFor(() => expect(view.querySelectorAll('.slot-picker__time').map((n) => n.dom!.textContent)).toEqual(['09:00 孙梅']))
})

test('sends nothing without a slot or a summary', async () => {
  const view = await render()
  view.querySelector('.room__submit .nut-button')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('showToast')[0]?.title).toBe('请选择时段'))
  view.querySelectorAll('.slot-picker__time')[1]!.dispatchEvent('tap')
  await waitFor(() => expect(text(view, '.room__chosen')).toContain('孙梅'))
  view.querySelector('.room__submit .nut-button')!.dispatchEvent('tap')
  await waitFor(() => expect(fake.called('showToast')[1]?.title).toContain('请简述纠纷'))
  await settle(5)
  expect(bookings()).toHaveLength(0)
})

/** The submit button taps again once its request has ended (NutUI ignores a tap while it shows loading). */
const submitAgain = async (view: PageView) => {
  await waitFor(() => expect(view.querySelector('.room__submit .nut-button')!.dom!.className).not.toContain('nut-button-loading'))
  view.querySelector('.room__submit .nut-button')!.dispatchEvent('tap')
}

async function fillAndSubmit(view: PageView) {
  view.querySelectorAll('.slot-picker__time')[1]!.dispatchEvent('tap')
  await waitFor(() => expect(text(view, '.room__chosen')).toContain('1月7日'))
  const value = '楼上装修噪音持续到深夜'
  view.querySelector('.room__summary .nut-textarea-textarea')!.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
  await waitFor(() => expect(text(view, '.room__summary .nut-textarea-limit')).toBe(`${value.length}/300`))
  view.querySelector('.room__submit .nut-button')!.dispatchEvent('tap')
}

test('books the chosen slot with an Idempotency-Key, asks for notices inside the tap, and opens the booking', async () => {
  const view = await render()
  await fillAndSubmit(view)
  await waitFor(() => expect(fake.called('redirectTo')).toHaveLength(1))
  expect(fake.called('redirectTo')[0]?.url).toBe('/packages/mediation/booking/index?id=bk-1')
  const [sent] = bookings()
  expect(sent!.data).toEqual({
    roomId: 'room-qingshi',
    mediatorId: 'm-sun',
    start: slots.items[1]!.start,
    disputeType: 'neighbour',
    summary: '楼上装修噪音持续到深夜',
  })
  expect(sent!.header['Idempotency-Key']).toMatch(/^bk-[a-z0-9-]{8,}$/)
  expect(fake.called('requestSubscribeMessage')[0]?.tmplIds).toEqual(['tpl-booking-status', 'tpl-booking-reminder'])
  expect(fake.sequence.indexOf('requestSubscribeMessage')).toBeLessThan(fake.sequence.lastIndexOf('request'))
})

test('a retry after no answer sends the same Idempotency-Key (the first may have gone through); after an answer, a new one', async () => {
  let lost = true
  fake.respond = (req) => {
    // The first booking reaches the server, but its answer is lost on the way back.
    if (req.method === 'POST' && String(req.url).endsWith('/v1/bookings') && lost) throw ((lost = false), new Error('timeout'))
    return api(req)
  }
  const view = await render()
  await fillAndSubmit(view)
  await waitFor(() => expect(fake.called('showToast').map((t) => t.title)).toContain('网络不给力，请检查网络后重试'))
  expect(fake.called('redirectTo')).toHaveLength(0)
  await submitAgain(view)
  await waitFor(() => expect(fake.called('redirectTo')).toHaveLength(1))
  const [first, retry] = bookings()
  expect(retry!.data).toEqual(first!.data)
  expect(retry!.header['Idempotency-Key']).toBe(first!.header['Idempotency-Key'])
})

test('a refused booking (the server answered) draws a new key for the next try', async () => {
  bookingAnswer = { statusCode: 400, data: { error: { code: 'content.risky', message: '内容包含违规信息，请修改后再提交' }, requestId: 'r' } }
  const view = await render()
  await fillAndSubmit(view)
  await waitFor(() => expect(fake.called('showToast').map((t) => t.title)).toContain('内容包含违规信息，请修改后再提交'))
  bookingAnswer = { statusCode: 201, data: booked }
  await submitAgain(view)
  await waitFor(() => expect(fake.called('redirectTo')).toHaveLength(1))
  const [first, second] = bookings()
  expect(second!.header['Idempotency-Key']).not.toBe(first!.header['Idempotency-Key'])
})

test('a slot taken meanwhile (409) says so and reloads the slots', async () => {
  bookingAnswer = {
    statusCode: 409,
    data: {
      error: { code: 'booking.slotTaken', message: '该时段已被预约', fields: [{ path: 'start', message: '该时段刚被他人约走，请选择其他时段' }] },
      requestId: 'r',
    },
  }
  const view = await render()
  const before = slotRequests().length
  await fillAndSubmit(view)
  await waitFor(() => expect(fake.called('showToast').map((t) => t.title)).toContain('该时段刚被他人约走，请选择其他时段'))
  await waitFor(() => expect(slotRequests().length).toBe(before + 1))
  await waitFor(() => expect(text(view, '.room__chosen')).toBe(''))
  expect(fake.called('redirectTo')).toHaveLength(0)
})

test('a session the server ended is renewed silently: one wx.login for the parallel requests, each retried once, the page kept', async () => {
  const renewed = { ...resident, token: 'tok-renewed' }
  fake.respond = (req) => {
    const path = String(req.url)
      .replace(/^https?:\/\/[^/]+/, '')
      .split('?')[0]
    if (req.method === 'POST' && path === '/v1/auth/login') return { statusCode: 200, data: renewed }
    // The old token is refused on every route; the new one is served.
    if (req.header?.authorization !== 'Bearer tok-renewed')
      return { statusCode: 401, data: { error: { code: 'auth.sessionEnded', message: '登录已失效，请重新登录' } } }
    return api(req)
  }
  const view = await render()
  expect(text(view, '.room__name')).toBe('青石街道说事室')
  expect(fake.called('login')).toHaveLength(1)
  const logins = fake.called('request').filter((r) => String(r.url).endsWith('/v1/auth/login'))
  expect(logins).toHaveLength(1)
  expect(logins[0]!.data).toEqual({ code: fake.loginCode })
  expect(fake.storage.get(SESSION_KEY)).toEqual(renewed)
  // The room and its slots: each asked with the old token, then once again with the new one.
  expect(
    fake
      .called('request')
      .filter((r) => String(r.url).includes('/v1/rooms/room-qingshi'))
      .map((r) => r.header.authorization),
  ).toEqual(expect.arrayContaining(['Bearer tok-resident', 'Bearer tok-renewed']))
  expect(fake.called('reLaunch')).toHaveLength(0)
})

test('a session that cannot be renewed goes to the sign-in page, which will bring the user back here', async () => {
  fake.respond = () => ({ statusCode: 401, data: { error: { code: 'auth.sessionEnded', message: '登录已失效，请重新登录' } } })
  await page.render({ id: 'room-qingshi' })
  await waitFor(() =>
    expect(fake.called('redirectTo')[0]?.url).toBe(`/pages/login/index?back=${encodeURIComponent('/packages/mediation/room/index?id=room-qingshi')}`),
  )
  expect(fake.called('login')).toHaveLength(1)
  expect(fake.storage.get(SESSION_KEY)).toBeUndefined()
})

test('signed out, the room and its free times show (asked without a session); booking asks to sign in over the page, sending nothing', async () => {
  fake.storage.delete(SESSION_KEY)
  const view = await render()
  expect(text(view, '.room__name')).toBe('青石街道说事室')
  expect(fake.called('request').every((r) => r.header.authorization === undefined)).toBe(true)

  await fillAndSubmit(view)
  await waitFor(() => expect(fake.called('navigateTo')).toHaveLength(1))
  expect(fake.called('navigateTo')[0]?.url).toBe(`/pages/login/index?back=${encodeURIComponent('/packages/mediation/room/index?id=room-qingshi')}`)
  // The page stays underneath, its form as the user left it.
  expect(text(view, '.room__chosen')).toContain('1月7日')
  expect(bookings()).toHaveLength(0)
  expect(fake.called('requestSubscribeMessage')).toHaveLength(0)
  expect(fake.called('redirectTo')).toHaveLength(0)
})
