/**
 * Notices to households over HTTP: residents link to their household (the gridworker approves doors on the roster);
 * a notice is content-checked, published, told to the linked residents by subscribe message; reads and
 * acknowledgements in the app and from WeChat groups (the stand-in's encrypted wx.getGroupEnterInfo data, opened on
 * the server with a fresh session_key) are recorded once and set against the roster; a group is bound to its grid.
 */
import { api, eventually, expectError, login, newGridworker, standin, uniqueOpenid, uploadPhoto } from './support/client'

jest.setTimeout(60_000)

// 桂香社区第二网格: its roster is this file's alone.
const GRID = 'g-guixiang-2'
let rooms = 500
const household = (room: string) => ({ gridId: GRID, building: '5', unit: '1', room, headName: '陈桂芳', members: 3 })
const notice = (over: Record<string, unknown> = {}) => ({
  gridId: GRID,
  title: '周六停水通知',
  body: '本周六 8:00–12:00 小区二次供水检修，请提前储水。',
  ackRequired: true,
  ...over,
})

interface Person {
  token: string
  user: { id: string; name: string }
  openid: string
}
const person = async (tag: string): Promise<Person> => {
  const openid = uniqueOpenid(tag)
  return { ...(await login(openid)), openid }
}

let worker: Person
beforeAll(async () => {
  worker = await newGridworker(GRID)
})

/** A resident linked to a household of the grid's roster, the way it happens: asked, then approved. */
async function linkedResident(tag: string) {
  const resident = await person(tag)
  const room = String(++rooms)
  expect((await api('POST', '/v1/households', { token: worker.token, body: household(room) })).status).toBe(201)
  expect((await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: GRID, building: '5', unit: '1', room } })).status).toBe(201)
  expect((await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: worker.token, body: { approve: true } })).body).toEqual({
    id: resident.user.id,
    status: 'linked',
  })
  return resident
}

/** What the mini-program sends after opening a card from a group: a fresh login code and the group data. */
async function fromGroup(who: Person, opengid: string) {
  const { code, encryptedData, iv } = await standin('POST', '/dev/group-enter', { openid: who.openid, opengid })
  return { channel: 'group', scene: 1044, code, encryptedData, iv }
}
const read = (who: Person, id: string, body: unknown) => api('POST', `/v1/announcements/${id}/reads`, { token: who.token, body })

describe('residents link to their household', () => {
  it('asks with the door; the gridworker sees the request and approves it only when the door is on the roster', async () => {
    const resident = await person('link')
    const asked = await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: GRID, building: '5', unit: '1', room: '999' } })
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({ id: resident.user.id, gridId: GRID, address: '5栋1单元999室', status: 'pending' })

    const pending = await api('GET', `/v1/household-links?gridId=${GRID}&limit=50`, { token: worker.token })
    expect(pending.body.items.map((l: { id: string }) => l.id)).toContain(resident.user.id)
    expectError(await api('GET', `/v1/household-links?gridId=${GRID}`, { token: resident.token }), 403, 'auth.forbidden')
    expectError(
      await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: worker.token, body: { approve: true } }),
      409,
      'householdLink.notOnRoster',
    )
    const stranger = await newGridworker('g-liuan-3')
    expectError(
      await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: stranger.token, body: { approve: true } }),
      404,
      'householdLink.notFound',
    )

    expect((await api('POST', '/v1/households', { token: worker.token, body: household('999') })).status).toBe(201)
    expect((await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: worker.token, body: { approve: true } })).body.status).toBe('linked')
    expect((await api('GET', '/v1/household-links', { token: resident.token })).body.items).toEqual([
      expect.objectContaining({ status: 'linked', address: '5栋1单元999室' }),
    ])
    const linked = await api('GET', `/v1/household-links?gridId=${GRID}&status=linked&limit=50`, { token: worker.token })
    expect(linked.body.items.map((l: { id: string }) => l.id)).toContain(resident.user.id)

    // Moving: a new request replaces the link, and the old household counts one resident fewer.
    const { id } = (await api('POST', '/v1/announcements', { token: worker.token, body: notice() })).body
    const unlinked = async () =>
      (await api('GET', `/v1/announcements/${id}/stats?limit=50`, { token: worker.token })).body.households.find(
        (h: { address: string }) => h.address === '5栋1单元999室',
      )
    expect(await unlinked()).toMatchObject({ linked: 1, state: 'unread' })
    expect((await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: GRID, building: '6', room: '101' } })).body.status).toBe(
      'pending',
    )
    expect(await unlinked()).toMatchObject({ linked: 0, state: 'unlinked' })
  })

  it('a declined request is gone', async () => {
    const resident = await person('declined')
    await api('POST', '/v1/household-links', { token: resident.token, body: { gridId: GRID, building: '5', room: '998' } })
    expect((await api('POST', `/v1/household-links/${resident.user.id}/decision`, { token: worker.token, body: { approve: false } })).body.status).toBe(
      'declined',
    )
    expect((await api('GET', '/v1/household-links', { token: resident.token })).body.items).toEqual([])
  })
})

/** An image of the worker's with these bytes (the stand-in judges an image whose bytes say RISKY risky). */
async function image(content: string) {
  const upload = (
    await api('POST', '/v1/uploads', { token: worker.token, body: { purpose: 'checkin_photo', contentType: 'image/jpeg', size: content.length } })
  ).body
  const form = new FormData()
  for (const [k, v] of Object.entries(upload.fields as Record<string, string>)) form.append(k, v)
  form.append('file', new Blob([content], { type: 'image/jpeg' }), 'photo')
  expect((await fetch(upload.url, { method: 'POST', body: form })).status).toBeLessThan(300)
  return upload.key as string
}

describe('a notice to the households', () => {
  it('refuses risky text naming the field, publishes a clean one and tells the linked residents who consented', async () => {
    expectError(
      await api('POST', '/v1/announcements', { token: worker.token, body: notice({ body: '有人在小区组织赌博活动，请大家注意。' }) }),
      400,
      'content.risky',
    )
    const resident = await linkedResident('told')
    expect((await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey: 'announcement', result: 'accept' } })).status).toBe(200)
    const made = await api('POST', '/v1/announcements', {
      token: worker.token,
      body: notice({ imageKeys: [await uploadPhoto(worker.token), await image('JPEG RISKY')] }),
    })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      gridId: GRID,
      title: '周六停水通知',
      ackRequired: true,
      authorName: worker.user.name,
      images: [{ key: expect.stringMatching(/^photos\//) }, {}],
    })
    // WeChat's verdict on the risky photo arrives by push: it leaves the notice, in its list too.
    const kept = made.body.images[0].key
    const listed = await eventually(async () => {
      const page = await api('GET', `/v1/announcements?gridId=${GRID}`, { token: resident.token })
      return page.body.items[0].images.length === 1 ? page.body.items[0] : undefined
    })
    expect(listed).toMatchObject({ id: made.body.id, images: [{ key: kept, url: expect.stringContaining('photos') }] })
    expect((await api('GET', `/v1/announcements/${made.body.id}`, { token: resident.token })).body.images.map((i: { key: string }) => i.key)).toEqual([kept])
    const message = await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${resident.openid}`)
      return messages.find((m: { template_id: string }) => m.template_id === 'tpl-announcement')
    })
    expect(message).toMatchObject({ page: `packages/field/notice/index?id=${made.body.id}`, data: { thing1: { value: '周六停水通知' } } })
  })

  it('records reads and acknowledgements once, and shows them against the roster', async () => {
    const [resident, other] = [await linkedResident('reader'), await linkedResident('silent')]
    // A household nobody has linked to: the notice cannot reach it in the app.
    await api('POST', '/v1/households', { token: worker.token, body: household('700') })
    const { id } = (await api('POST', '/v1/announcements', { token: worker.token, body: notice() })).body
    const unread = await api('GET', `/v1/announcements?gridId=${GRID}`, { token: resident.token })
    expect(unread.body.items[0]).toMatchObject({ id })
    expect(unread.body.items[0].readAt).toBeUndefined()

    const first = await read(resident, id, { channel: 'app' })
    expect(first.status).toBe(200)
    expect((await read(resident, id, { channel: 'app' })).body.readAt).toBe(first.body.readAt)
    const acked = await api('POST', `/v1/announcements/${id}/ack`, { token: resident.token })
    expect((await api('POST', `/v1/announcements/${id}/ack`, { token: resident.token })).body).toEqual(acked.body)
    expect((await api('GET', `/v1/announcements/${id}`, { token: resident.token })).body).toMatchObject({ readAt: first.body.readAt, ackAt: acked.body.ackAt })
    // Reading is not acknowledging.
    await read(other, id, { channel: 'app' })

    const stats = await api('GET', `/v1/announcements/${id}/stats?limit=50`, { token: worker.token })
    expect(stats.body).toMatchObject({ reads: 2, acks: 1 })
    const states = Object.fromEntries(stats.body.households.map((h: { address: string; state: string }) => [h.address, h.state]))
    expect(states[`5栋1单元${rooms - 1}室`]).toBe('acknowledged')
    expect(states[`5栋1单元${rooms}室`]).toBe('read')
    expect(states['5栋1单元700室']).toBe('unlinked')

    expectError(await api('GET', `/v1/announcements/${id}/stats`, { token: resident.token }), 403, 'auth.forbidden')
    expectError(await api('GET', `/v1/announcements/${id}/stats`, { token: (await newGridworker('g-liuan-3')).token }), 404, 'announcement.notFound')
  })

  it('opens a card from a group: the server decrypts with a fresh session_key; tampered, stale or foreign data and a wrong scene are refused', async () => {
    const resident = await linkedResident('group')
    const { id } = (await api('POST', '/v1/announcements', { token: worker.token, body: notice({ ackRequired: false }) })).body
    const group = `G-${rooms}`

    const tampered = await fromGroup(resident, group)
    tampered.encryptedData = Buffer.from(Buffer.from(tampered.encryptedData, 'base64').map((b, i) => (i === 3 ? b ^ 1 : b))).toString('base64')
    expectError(await read(resident, id, tampered), 400, 'auth.badEncryptedData')
    const stale = await fromGroup(resident, group)
    const fresh = await fromGroup(resident, group)
    expectError(await read(resident, id, { ...stale, code: fresh.code }), 400, 'auth.badEncryptedData')
    const someoneElse = await fromGroup(worker, group)
    expect((await read(resident, id, someoneElse)).body.error.fields).toEqual([{ path: 'code', message: expect.stringContaining('不是当前用户') }])
    const wrongScene = await read(resident, id, { ...(await fromGroup(resident, group)), scene: 1001 })
    expect(wrongScene.status).toBe(400)
    expect(wrongScene.body.error.fields[0]).toMatchObject({ path: 'scene', message: expect.stringContaining('1044') })

    const opened = await read(resident, id, await fromGroup(resident, group))
    expect(opened.body.group).toEqual({ opengid: group, binding: 'none', mayBind: false })
    // The grid's gridworker opens it in the same group and binds it; then everyone sees it bound.
    const bound = await read(worker, id, { ...(await fromGroup(worker, group)), bind: true })
    expect(bound.body.group).toEqual({ opengid: group, binding: 'this_grid', mayBind: false })
    await read(resident, id, await fromGroup(resident, group))
    // Another grid's gridworker cannot take it.
    const elsewhere = await newGridworker('g-liuan-3')
    const theirs = (await api('POST', '/v1/announcements', { token: elsewhere.token, body: notice({ gridId: 'g-liuan-3' }) })).body.id
    const tried = await read(elsewhere, theirs, { ...(await fromGroup(elsewhere, group)), bind: true })
    expect(tried.body.group).toMatchObject({ binding: 'other_grid', mayBind: false })

    const stats = await api('GET', `/v1/announcements/${id}/stats`, { token: worker.token })
    // The resident's reads, once; the gridworker's own opening is not a reader's.
    expect(stats.body).toMatchObject({ reads: 1, groups: [{ opengid: group, reads: 1, bound: true }] })
  })
})
