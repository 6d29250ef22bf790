/**
 * Two districts reuse the same ids (临溪区 has its own `dept-water`, `s-qingshi`, `g-liuan-1`): tenancy lives in the
 * keys, so nothing crosses — cases, queues, work orders, dispatch lists, invites, notices and the jobs.
 */
import { loadConfig } from '../src/config'
import { buildDeps } from '../src/runtime'
import { sweep } from '../src/jobs/sweep'
import { api, cloud, eventually, expectError, login, repos, standin, uniqueOpenid } from './support/client'

jest.setTimeout(60_000)

const P = { lat: 30.5051, lng: 114.3052 } // g-liuan-1 in both districts
const report = (over: Record<string, unknown> = {}) => ({ categoryId: 'cat-water-off', description: '整栋楼停水了，已经两个小时', location: P, ...over })
const fire = (token: string, id: string, body: Record<string, unknown>) => api('POST', `/v1/cases/${id}/events`, { token, body })
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id)

/** A resident of 临溪区: a new WeChat user is placed in the deployment's default district, so the test moves them. */
async function linxiResident(tag: string) {
  const openid = uniqueOpenid(tag)
  const first = await login(openid)
  await repos().users.put({ id: first.user.id, districtId: 'linxi', name: first.user.name, openid })
  return { ...(await login(openid)), openid }
}

describe('two districts with the same ids', () => {
  it('route, number and list each case in its own district only', async () => {
    const [ljResident, lxResident, ljDispatcher, lxDispatcher] = await Promise.all([
      login(uniqueOpenid('lj')),
      linxiResident('lx'),
      login('o-demo-dispatcher'),
      login('o-demo2-dispatcher'),
    ])
    const lj = (await api('POST', '/v1/cases', { token: ljResident.token, body: report() })).body
    const lx = (await api('POST', '/v1/cases', { token: lxResident.token, body: report() })).body
    expect(lj).toMatchObject({ gridId: 'g-liuan-1', departmentId: 'dept-water', levelNodeId: 's-qingshi' })
    expect(lx).toMatchObject({ gridId: 'g-liuan-1', departmentId: 'dept-water', levelNodeId: 's-qingshi' })
    expect(lj.number).toMatch(/^LJ/)
    expect(lx.number).toMatch(/^LX/)

    const ljQueue = ids(await api('GET', '/v1/cases?view=queue&status=submitted&limit=50', { token: ljDispatcher.token }))
    const lxQueue = ids(await api('GET', '/v1/cases?view=queue&status=submitted&limit=50', { token: lxDispatcher.token }))
    expect(ljQueue).toContain(lj.id)
    expect(ljQueue).not.toContain(lx.id)
    expect(lxQueue).toContain(lx.id)
    expect(lxQueue).not.toContain(lj.id)

    // A foreign id answers 404, for reads and for events, and changes nothing.
    expectError(await api('GET', `/v1/cases/${lj.id}`, { token: lxDispatcher.token }), 404, 'case.notFound')
    expectError(await fire(lxDispatcher.token, lj.id, { type: 'accept' }), 404, 'case.notFound')
    expectError(await api('POST', `/v1/cases/${lj.id}/follow`, { token: lxResident.token }), 404, 'case.notFound')
    expect((await api('GET', `/v1/cases/${lj.id}`, { token: ljDispatcher.token })).body).toMatchObject({ status: 'submitted', version: 1 })
    // Nearby never shows the other district's case at the same spot.
    expect(ids(await api('GET', `/v1/cases/nearby?lat=${P.lat}&lng=${P.lng}&categoryId=cat-water-off`, { token: lxResident.token }))).not.toContain(lj.id)
  })

  it('gives each dispatcher the officials of their own district, and dispatches and notifies only there', async () => {
    const [lxResident, lxDispatcher, ljDispatcher, lxOfficial] = await Promise.all([
      linxiResident('lx-d'),
      login('o-demo2-dispatcher'),
      login('o-demo-dispatcher'),
      login('o-demo2-official'),
    ])
    const lxDepts = (await api('GET', '/v1/departments', { token: lxDispatcher.token })).body.items
    const ljDepts = (await api('GET', '/v1/departments', { token: ljDispatcher.token })).body.items
    const officialsOf = (items: { id: string; officials: { name: string }[] }[]) => items.find((d) => d.id === 'dept-water')!.officials.map((o) => o.name)
    expect(officialsOf(lxDepts)).toContain('蒋华')
    expect(officialsOf(lxDepts)).not.toContain('赵刚')
    expect(officialsOf(ljDepts)).toContain('赵刚')
    expect(officialsOf(ljDepts)).not.toContain('蒋华')

    // A linjiang official's id is not an official of 临溪区's dept-water.
    const zhao = (await login('o-demo-official')).user
    const c = (await api('POST', '/v1/cases', { token: lxResident.token, body: report() })).body
    await fire(lxDispatcher.token, c.id, { type: 'accept' })
    const wrong = await fire(lxDispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [zhao.id] })
    expectError(wrong, 400, 'official.notFound')
    await api('POST', '/v1/subscriptions', { token: lxOfficial.token, body: { templateKey: 'case_dispatch', result: 'accept' } })
    const ok = await fire(lxDispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [lxOfficial.user.id] })
    expect(ok.status).toBe(200)
    await eventually(async () => {
      const { messages } = await standin('GET', '/dev/messages?touser=o-demo2-official')
      return messages.find((m: { data: Record<string, { value: string }> }) => m.data.character_string1?.value === c.number)
    })
    const ljAssigned = await api('GET', '/v1/cases?view=assigned&limit=50', { token: (await login('o-demo-official')).token })
    expect(ids(ljAssigned)).not.toContain(c.id)
    await eventually(async () => (ids(await api('GET', '/v1/cases?view=assigned&limit=50', { token: lxOfficial.token })).includes(c.id) ? true : undefined))
  })

  it('keeps invites to their district: a code of 临江区 is unknown in 临溪区', async () => {
    const ljAdmin = await login('o-demo-admin')
    const invite = await api('POST', '/v1/invites', { token: ljAdmin.token, body: { role: 'official', scopeId: 'dept-water' } })
    expect(invite.status).toBe(201)
    const lxUser = await linxiResident('lx-invite')
    expectError(await api('POST', '/v1/invites/redeem', { token: lxUser.token, body: { code: invite.body.code } }), 404, 'invite.notFound')
    // An admin of 临溪区 administers 临溪区 only: a 临江区 scope is unknown there.
    const lxAdmin = await login('o-demo2-admin')
    expectError(await api('POST', '/v1/invites', { token: lxAdmin.token, body: { role: 'dispatcher', scopeId: 'linjiang' } }), 404, 'scope.notFound')
  })

  it('runs the jobs for every district: auto-confirm closes a resolved case of each', async () => {
    const lxOfficial = await login('o-demo2-official')
    const [lxResident, lxDispatcher] = await Promise.all([linxiResident('lx-auto'), login('o-demo2-dispatcher')])
    const c = (await api('POST', '/v1/cases', { token: lxResident.token, body: report() })).body
    await fire(lxDispatcher.token, c.id, { type: 'accept' })
    await fire(lxDispatcher.token, c.id, { type: 'dispatch', departmentId: 'dept-water', officialIds: [lxOfficial.user.id] })
    await fire(lxOfficial.token, c.id, { type: 'start' })
    expect((await fire(lxOfficial.token, c.id, { type: 'resolve', result: '已恢复供水' })).status).toBe(200)
    const deps = buildDeps(await loadConfig(cloud().env))
    await sweep({ ...deps, clock: () => new Date(Date.now() + 73 * 3600_000) })
    expect((await api('GET', `/v1/cases/${c.id}`, { token: lxResident.token })).body.status).toBe('closed')
  })
})
