/**
 * What residents tell in confidence stays so (issue 8): a photo's key does not say whose it is, an anonymous reporter
 * is anonymous in the notices staff read, a neighbour who finds or follows a case sees its public view only, and
 * "nearby" never shows flagged cases or cases of sensitive classes (disputes, public order, welfare) to neighbours.
 */
import { createHash } from 'node:crypto'
import { chinaDate } from '@linli/shared'
import { api, cloud, eventually, expectError, login, newOfficial, repos, standin, uniqueOpenid, uploadPhoto } from './support/client'

jest.setTimeout(30_000)

const P = { lat: 30.5231, lng: 114.3153 } // 桂香社区第二网格
const report = (over: Record<string, unknown> = {}) => ({ categoryId: 'cat-ads', description: '楼道墙上贴满了小广告', location: P, ...over })
const nearby = async (token: string, categoryId: string) =>
  (await api('GET', `/v1/cases/nearby?lat=${P.lat}&lng=${P.lng}&categoryId=${categoryId}`, { token })).body.items.map((i: { id: string }) => i.id)

describe('privacy', () => {
  it('keeps the uploader out of a photo’s key: two uploads of one person share nothing', async () => {
    const resident = await login(uniqueOpenid('photo'))
    const [a, b] = [await uploadPhoto(resident.token), await uploadPhoto(resident.token)]
    for (const key of [a, b]) expect(key).toMatch(/^uploads\/[A-Za-z0-9]{32}\/[A-Za-z0-9_-]{22}\.jpg$/)
    expect(a.split('/').filter((part) => b.includes(part.split('.')[0]!))).toEqual(['uploads'])
    expect(a + b).not.toContain(resident.user.id)
    // Someone else's upload key is refused, whoever's it is.
    const other = await login(uniqueOpenid('photo-thief'))
    const stolen = await api('POST', '/v1/cases', { token: other.token, body: report({ photoKeys: [a] }) })
    expectError(stolen, 400, 'upload.invalid')
    expect(stolen.body.error.fields).toEqual([{ path: 'photoKeys.0', message: '不是你上传的图片' }])
  })

  it('hides a photo WeChat’s media check judges risky, from everyone, once its verdict is pushed; a clean one stays', async () => {
    const resident = await login(uniqueOpenid('risky-photo'))
    const photo = async (content: string) => {
      const upload = (
        await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'case_photo', contentType: 'image/jpeg', size: content.length } })
      ).body
      const form = new FormData()
      for (const [k, v] of Object.entries(upload.fields as Record<string, string>)) form.append(k, v)
      form.append('file', new Blob([content], { type: 'image/jpeg' }), 'photo')
      expect((await fetch(upload.url, { method: 'POST', body: form })).status).toBeLessThan(300)
      return upload.key as string
    }
    const c = (await api('POST', '/v1/cases', { token: resident.token, body: report({ photoKeys: [await photo('JPEG clean'), await photo('JPEG RISKY')] }) }))
      .body
    expect(c.photos).toHaveLength(2)
    const shown = await eventually(async () => {
      const photos = (await api('GET', `/v1/cases/${c.id}`, { token: resident.token })).body.photos
      return photos.length === 1 ? photos : undefined
    })
    expect(shown[0].key).toBe(c.photos[0].key)
    const dispatcher = await login('o-demo-dispatcher')
    expect((await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })).body.photos.map((p: { key: string }) => p.key)).toEqual([c.photos[0].key])
    // Both verdicts reached the message server, signed; an unsigned push is refused.
    const checks = (await standin('GET', '/dev/media')).checks
    expect(checks.filter((k: { status?: number }) => k.status === 200).length).toBeGreaterThanOrEqual(2)
    const forged = await fetch(`${cloud().urls.api}/wechat/push?timestamp=1&nonce=x&signature=y`, { method: 'POST', body: '{}' })
    expect([forged.status, await forged.text()]).toEqual([403, 'forbidden'])
    // A signed push taken once is refused when replayed within its window.
    const [timestamp, nonce] = [String(Math.floor(Date.now() / 1000)), `replay${Math.random().toString(36).slice(2)}`]
    const signature = createHash('sha1').update([cloud().env.WECHAT_PUSH_TOKEN!, timestamp, nonce].sort().join('')).digest('hex')
    const push = () => fetch(`${cloud().urls.api}/wechat/push?${new URLSearchParams({ timestamp, nonce, signature })}`, { method: 'POST', body: '{}' })
    const first = await push()
    expect([first.status, await first.text()]).toEqual([200, 'success'])
    const replayed = await push()
    expect([replayed.status, await replayed.text()]).toEqual([403, 'replayed'])
  })

  it('keeps the photo the server checked: posting again to the presigned upload after the report changes nothing', async () => {
    const resident = await login(uniqueOpenid('overwrite'))
    const upload = (await api('POST', '/v1/uploads', { token: resident.token, body: { purpose: 'case_photo', contentType: 'image/jpeg', size: 64 } })).body
    const post = (fill: number) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(upload.fields as Record<string, string>)) form.append(k, v)
      form.append('file', new Blob([new Uint8Array(64).fill(fill)], { type: 'image/jpeg' }), 'photo')
      return fetch(upload.url, { method: 'POST', body: form })
    }
    expect((await post(1)).status).toBeLessThan(300)
    const c = (await api('POST', '/v1/cases', { token: resident.token, body: report({ photoKeys: [upload.key] }) })).body
    expect((await post(2)).status).toBeLessThan(300) // the presigned POST is still valid for a few minutes
    const [photo] = (await api('GET', `/v1/cases/${c.id}`, { token: resident.token })).body.photos
    expect(photo.key).toMatch(/^photos\//)
    expect([...new Uint8Array(await (await fetch(photo.url)).arrayBuffer())]).toEqual(Array(64).fill(1))
  })

  it('shows staff an anonymous reporter’s notices as 匿名居民', async () => {
    const resident = await login(uniqueOpenid('anon'))
    await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey: 'case_accepted', result: 'accept' } })
    const c = (await api('POST', '/v1/cases', { token: resident.token, body: report({ anonymous: true }) })).body
    const dispatcher = await login('o-demo-dispatcher')
    await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'accept' } })
    const notices = await eventually(async () => {
      const items = (await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })).body.items
      return items.length ? items : undefined
    })
    expect(notices.map((n: { recipientName: string }) => n.recipientName)).toEqual(['匿名居民'])
    expect(JSON.stringify(notices)).not.toContain(resident.user.name)
  })

  it('shows a stranger who follows a case its public view only, never what the reporter wrote, where, or their photos', async () => {
    const [a, stranger, dispatcher] = await Promise.all([login(uniqueOpenid('confide')), login(uniqueOpenid('stranger')), login('o-demo-dispatcher')])
    const body = report({ anonymous: true, contactPhone: '13912345678', location: { ...P, address: '柳岸3栋302室' }, photoKeys: [await uploadPhoto(a.token)] })
    const c = (await api('POST', '/v1/cases', { token: a.token, body })).body
    await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'accept' } })
    expect(
      (await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'escalate', reason: '302室王阿姨反映多次，请区里协调' } }))
        .status,
    ).toBe(200)
    const found = (await api('GET', `/v1/cases/nearby?lat=${P.lat}&lng=${P.lng}&categoryId=cat-ads`, { token: stranger.token })).body.items.find(
      (i: { id: string }) => i.id === c.id,
    )
    expect(found).toMatchObject({ public: true, status: expect.any(String), categoryName: expect.any(String), gridName: expect.any(String), followerCount: 0 })
    expect((await api('POST', `/v1/cases/${c.id}/follow`, { token: stranger.token })).status).toBe(200)
    const seen = (await api('GET', `/v1/cases/${c.id}`, { token: stranger.token })).body
    expect(seen).toMatchObject({ public: true, followerCount: 1, photos: [], following: true })
    for (const secret of ['柳岸3栋302室', '楼道墙上贴满了小广告', '1391', '5678', '王阿姨', a.user.name]) expect(JSON.stringify(seen)).not.toContain(secret)
    expect(seen.timeline.every((t: { note?: string; photos: unknown[] }) => t.note === undefined && t.photos.length === 0)).toBe(true)
    expect((await api('GET', '/v1/cases?view=mine', { token: stranger.token })).body.items.find((i: { id: string }) => i.id === c.id)).not.toHaveProperty(
      'description',
    )
    // The reporter still sees it all.
    const own = (await api('GET', `/v1/cases/${c.id}`, { token: a.token })).body
    expect(own).toMatchObject({ description: '楼道墙上贴满了小广告', contactPhone: '13912345678', location: { address: '柳岸3栋302室' } })
    expect(own).not.toHaveProperty('public')
  })

  it('lets staff who stand to a case follow it with their own view: the photos and words their work needs', async () => {
    const [a, gridworker] = await Promise.all([login(uniqueOpenid('grid-photo')), login('o-demo-gridworker')])
    const LIUAN_1 = { lat: 30.5051, lng: 114.3052 } // 柳岸社区第一网格, 李建国's
    const c = (await api('POST', '/v1/cases', { token: a.token, body: report({ location: LIUAN_1, photoKeys: [await uploadPhoto(a.token)] }) })).body
    const followed = (await api('POST', `/v1/cases/${c.id}/follow`, { token: gridworker.token })).body
    expect(followed).toMatchObject({ following: true, description: '楼道墙上贴满了小广告' })
    expect(followed).not.toHaveProperty('public')
    expect(followed.photos).toEqual([{ key: expect.any(String), url: expect.stringMatching(/^http/) }])
  })

  it('lets nobody follow a dispute or a flagged case, whatever its id', async () => {
    const [a, b] = await Promise.all([login(uniqueOpenid('follow-a')), login(uniqueOpenid('follow-b'))])
    const dispute = (await api('POST', '/v1/cases', { token: a.token, body: report({ categoryId: 'cat-neighbour', description: '楼上邻居天天吵架摔东西' }) }))
      .body
    const flagged = (await api('POST', '/v1/cases', { token: a.token, body: report({ description: '小广告贴满了，我要投诉领导' }) })).body
    for (const c of [dispute, flagged]) expectError(await api('POST', `/v1/cases/${c.id}/follow`, { token: b.token }), 404, 'case.notFound')
  })

  it('lets a neighbour report (举报) what a case shows: hidden from nearby until its dispatcher clears it; the report is for staff only', async () => {
    const [a, b, dispatcher] = await Promise.all([login(uniqueOpenid('reported')), login(uniqueOpenid('reporting')), login('o-demo-dispatcher')])
    const c = (await api('POST', '/v1/cases', { token: a.token, body: report() })).body
    expect(await nearby(b.token, 'cat-ads')).toContain(c.id)
    // From nearby, without following it.
    const reported = await api('POST', `/v1/cases/${c.id}/events`, { token: b.token, body: { type: 'report', reason: '照片里拍到了我家门牌号' } })
    expect(reported.status).toBe(200)
    expect(reported.body).toMatchObject({ public: true, status: 'submitted' })
    expect(await nearby(b.token, 'cat-ads')).not.toContain(c.id)
    expectError(await api('POST', `/v1/cases/${c.id}/events`, { token: b.token, body: { type: 'report', reason: '再举报一次' } }), 404, 'case.notFound')

    const staff = (await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })).body
    expect(staff).toMatchObject({ flagged: true, status: 'submitted' })
    expect(staff.timeline.find((t: { type: string }) => t.type === 'report')).toMatchObject({ note: '照片里拍到了我家门牌号', actorName: b.user.name })
    expect(staff.allowedEvents).toContain('clear_flag')
    const queue = (await api('GET', '/v1/cases?view=queue&status=submitted&limit=50', { token: dispatcher.token })).body.items
    expect(queue.find((i: { id: string }) => i.id === c.id)).toMatchObject({ flagged: true })
    const own = (await api('GET', `/v1/cases/${c.id}`, { token: a.token })).body
    expect(own.timeline.map((t: { type: string }) => t.type)).toEqual(['submit'])
    expect(JSON.stringify(own)).not.toContain(b.user.name)
    expectError(await api('POST', `/v1/cases/${c.id}/events`, { token: a.token, body: { type: 'clear_flag' } }), 403, 'auth.forbidden')

    const cleared = await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'clear_flag' } })
    expect(cleared.body).toMatchObject({ flagged: false, status: 'submitted' })
    expect(cleared.body.allowedEvents).not.toContain('clear_flag')
    expect(await nearby(b.token, 'cat-ads')).toContain(c.id)
    expectError(await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'clear_flag' } }), 409, 'case.invalidTransition')
    // A dispute is met by nobody, so nobody reports it.
    const dispute = (await api('POST', '/v1/cases', { token: a.token, body: report({ categoryId: 'cat-neighbour', description: '楼上邻居天天吵架摔东西' }) }))
      .body
    expectError(await api('POST', `/v1/cases/${dispute.id}/events`, { token: b.token, body: { type: 'report', reason: '涉及隐私' } }), 404, 'case.notFound')
  })

  it('never shows neighbours a dispute or a flagged case through nearby', async () => {
    const [a, b] = await Promise.all([login(uniqueOpenid('near-a')), login(uniqueOpenid('near-b'))])
    const dispute = (await api('POST', '/v1/cases', { token: a.token, body: report({ categoryId: 'cat-neighbour', description: '楼上邻居天天吵架摔东西' }) }))
      .body
    const flagged = (await api('POST', '/v1/cases', { token: a.token, body: report({ description: '小广告贴满了，我要投诉领导' }) })).body
    const plain = (await api('POST', '/v1/cases', { token: a.token, body: report() })).body
    expect(flagged.flagged).toBe(true)
    expect(await nearby(b.token, 'cat-neighbour')).not.toContain(dispute.id)
    const ads = await nearby(b.token, 'cat-ads')
    expect(ads).toContain(plain.id)
    expect(ads).not.toContain(flagged.id)
  })

  it('checks every text others will read: an address or a reason WeChat judges risky is refused naming its field', async () => {
    const resident = await login(uniqueOpenid('risky'))
    const mine = async () => (await api('GET', '/v1/cases?view=mine', { token: resident.token })).body.items.length
    const before = await mine()
    const bad = await api('POST', '/v1/cases', { token: resident.token, body: report({ location: { ...P, address: '聚众赌博 枪支 毒品' } }) })
    expectError(bad, 400, 'content.risky')
    expect(bad.body.error.fields).toEqual([{ path: 'location.address', message: '地址中含有违规内容，请修改后再提交' }])
    expect(await mine()).toBe(before)

    const c = (await api('POST', '/v1/cases', { token: resident.token, body: report() })).body
    const refused = await api('POST', `/v1/cases/${c.id}/events`, { token: resident.token, body: { type: 'withdraw', reason: '有人在这里赌博' } })
    expectError(refused, 400, 'content.risky')
    expect(refused.body.error.fields[0].path).toBe('reason')
    expect((await api('GET', `/v1/cases/${c.id}`, { token: resident.token })).body).toMatchObject({ status: 'submitted', version: 1 })
    // A reason that needs a human look is accepted and flags the case for the dispatcher.
    const review = await api('POST', `/v1/cases/${c.id}/events`, { token: resident.token, body: { type: 'withdraw', reason: '算了我去投诉领导' } })
    expect(review.body).toMatchObject({ status: 'withdrawn', flagged: true })
  })

  it('accepts a report when WeChat is slow, flagged for review, within the request’s WeChat budget', async () => {
    const openid = uniqueOpenid('slow')
    const resident = await login(openid)
    // Each text's check would answer after 4.5 s; the request's budget for WeChat is 3 s (services/moderation/content.ts).
    await standin('POST', '/dev/faults', { api: 'msg_sec_check', delayMs: 4500, times: 2, openid })
    const started = Date.now()
    const c = await api('POST', '/v1/cases', { token: resident.token, body: report({ location: { ...P, address: '桂香路12号' } }) })
    const took = Date.now() - started
    expect(c.status).toBe(201)
    expect(c.body.flagged).toBe(true)
    expect(took).toBeLessThan(4500)
    expect((await api('GET', `/v1/cases/${c.body.id}`, { token: resident.token })).body).toMatchObject({ status: 'submitted', flagged: true })
  })
})

describe("a reporter's contact phone", () => {
  it('is sealed at rest, masked to the grid staff, open to the assigned official with an audit record', async () => {
    const resident = await login(uniqueOpenid('phone-owner'))
    const { id } = (await api('POST', '/v1/cases', { token: resident.token, body: report({ categoryId: 'cat-water-off', contactPhone: '13655557777' }) })).body
    const stored = await repos().cases.get('linjiang', id)
    expect(JSON.stringify(stored)).not.toContain('13655557777')
    expect((await api('GET', `/v1/cases/${id}`, { token: resident.token })).body.contactPhone).toBe('13655557777')

    const dispatcher = await login('o-demo-dispatcher')
    expect((await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body.contactPhone).toBe('136****7777')
    const official = await newOfficial('dept-water')
    await api('POST', `/v1/cases/${id}/events`, { token: dispatcher.token, body: { type: 'accept' } })
    await api('POST', `/v1/cases/${id}/events`, {
      token: dispatcher.token,
      body: { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] },
    })
    expect((await api('GET', `/v1/cases/${id}`, { token: official.token })).body.contactPhone).toBe('13655557777')

    const admin = await login('o-demo-admin')
    const log = await api('GET', `/v1/audit?date=${chinaDate(new Date())}&limit=50`, { token: admin.token })
    const reads = log.body.items.filter((e: any) => e.subject === 'case' && e.ids.includes(id))
    expect(reads.map((e: any) => e.userId)).toContain(official.user.id)
    expect(reads.map((e: any) => e.userId)).not.toContain(resident.user.id)
  })
})
