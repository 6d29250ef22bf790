import { caseProgressTemplates } from '@linli/shared'
import { api, eventually, expectError, login, newOfficial, standin, uniqueOpenid, uploadPhoto } from './support/client'

jest.setTimeout(30_000)

/** 柳岸社区第一网格, 青石街道 */
const inLiuan1 = { lat: 30.5051, lng: 114.3052, address: '柳岸路 12 号' }
const report = (over: Record<string, unknown> = {}) => ({
  categoryId: 'cat-water-off',
  description: '小区 3 栋从早上开始停水，已有 40 户受影响',
  location: inLiuan1,
  ...over,
})
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })

describe('the closed loop over HTTP', () => {
  it('report → accept → dispatch (notice to the official) → start → resolve → confirm → closed', async () => {
    const residentOpenid = uniqueOpenid('loop')
    const resident = await login(residentOpenid)
    const dispatcher = await login('o-demo-dispatcher')
    const official = await newOfficial('dept-water')
    await api('POST', '/v1/subscriptions', { token: official.token, body: { templateKey: 'case_dispatch', result: 'accept' } })
    // One tap on 提交 asks for the three progress templates together; each "allow" is recorded.
    for (const templateKey of caseProgressTemplates) await api('POST', '/v1/subscriptions', { token: resident.token, body: { templateKey, result: 'accept' } })

    const photo = await uploadPhoto(resident.token)
    const submitted = await api('POST', '/v1/cases', {
      token: resident.token,
      body: report({ photoKeys: [photo], contactPhone: '13812345678' }),
      headers: { 'idempotency-key': `loop-${Date.now()}` },
    })
    expect(submitted.status).toBe(201)
    const c = submitted.body
    expect(c).toMatchObject({
      status: 'submitted',
      gridId: 'g-liuan-1',
      levelNodeId: 's-qingshi',
      departmentId: 'dept-water',
      priority: 'high',
      contactPhone: '13812345678',
      allowedEvents: ['withdraw'],
    })
    expect(c.number).toMatch(/^LJ\d{8}\d{4}$/)
    // The record keeps a checked copy under photos/, where the phone's presigned upload cannot reach.
    expect(c.photos[0].key).toMatch(/^photos\/[a-f0-9]{32}\.jpg$/)
    expect(c.photos[0].key).not.toBe(photo)

    const queued = await api('GET', '/v1/cases?view=queue&status=submitted&limit=50', { token: dispatcher.token })
    expect(queued.body.items.map((i: { id: string }) => i.id)).toContain(c.id)
    const seen = await api('GET', `/v1/cases/${c.id}`, { token: dispatcher.token })
    expect(seen.body.contactPhone).toBe('138****5678')
    expect(seen.body.allowedEvents).toEqual(['accept', 'reject', 'escalate'])

    expect((await fire(dispatcher.token, c.id, { type: 'accept', version: 1 })).body.status).toBe('accepted')
    const dispatched = await fire(dispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [official.user.id] })
    expect(dispatched.body).toMatchObject({ status: 'dispatched', assignees: [{ id: official.user.id, name: official.user.name }] })

    const message = await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${official.openid}`)
      return messages.find((m: any) => m.data.character_string1.value === c.number)
    })
    expect(message).toMatchObject({ template_id: 'tpl-case-dispatch', page: `packages/case/detail/index?id=${c.id}` })

    const assigned = await api('GET', '/v1/cases?view=assigned', { token: official.token })
    expect(assigned.body.items.map((i: { id: string }) => i.id)).toContain(c.id)
    expect((await fire(official.token, c.id, { type: 'start' })).body.status).toBe('in_progress')
    const resultPhoto = await uploadPhoto(official.token, { purpose: 'result_photo' })
    const resolved = await fire(official.token, c.id, { type: 'resolve', result: '已抢修管道，恢复供水', photoKeys: [resultPhoto] })
    expect(resolved.body.status).toBe('resolved')

    const mine = await api('GET', `/v1/cases/${c.id}`, { token: resident.token })
    expect(mine.body.allowedEvents).toEqual(['confirm', 'reopen'])
    const closed = await fire(resident.token, c.id, { type: 'confirm', rating: 5, comment: '很及时' })
    expect(closed.body).toMatchObject({ status: 'closed', rating: 5, allowedEvents: [] })
    expect(closed.body.timeline.map((t: { type: string }) => t.type)).toEqual(['submit', 'accept', 'dispatch', 'start', 'resolve', 'confirm'])
    expect(closed.body.timeline[4].photos[0].key).toMatch(/^photos\//)
    expect(closed.body.timeline[4].photos[0].key).not.toBe(resultPhoto)

    // 受理, 派单 and 办结 (请评价) each reached the resident on the grant of its own template.
    const progress = await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${residentOpenid}`)
      return messages.length >= 3 ? messages : undefined
    })
    expect(progress.map((m: { template_id: string }) => m.template_id).sort()).toEqual(['tpl-case-accepted', 'tpl-case-dispatched', 'tpl-case-resolved'])
    const notices = await api('GET', `/v1/cases/${c.id}/notices`, { token: dispatcher.token })
    expect(notices.status).toBe(200)
    expect(notices.body.items.find((n: any) => n.templateKey === 'case_dispatch')).toMatchObject({ state: 'sent', recipientName: official.user.name })
    expectError(await api('GET', `/v1/cases/${c.id}/notices`, { token: resident.token }), 403, 'auth.forbidden')
  })
})

describe('auto-dispatch', () => {
  it('sends an emergency straight to the department’s officials, notice included', async () => {
    const official = await newOfficial('dept-gas')
    await api('POST', '/v1/subscriptions', { token: official.token, body: { templateKey: 'case_dispatch', result: 'accept' } })
    const resident = await login(uniqueOpenid('gas'))
    const res = await api('POST', '/v1/cases', { token: resident.token, body: report({ categoryId: 'cat-gas-leak', description: '楼道里有很浓的煤气味' }) })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('dispatched')
    expect(res.body.assignees.map((a: { id: string }) => a.id)).toContain(official.user.id)
    expect(res.body.timeline.map((t: { type: string }) => t.type)).toEqual(['submit', 'dispatch'])
    await eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${official.openid}`)
      return messages.find((m: any) => m.data.character_string1.value === res.body.number)
    })
    expect((await api('GET', '/v1/cases?view=assigned', { token: official.token })).body.items[0].id).toBe(res.body.id)
  })
})
