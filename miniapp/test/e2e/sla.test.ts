/**
 * The SLA clock in the H5 build: a report the street dispatcher leaves unaccepted → the local clock moves past its
 * accept deadline and the sweeper runs → the district dispatcher finds it escalated with a red mark in 超时预警 (and today's
 * 时效 on the home page) and dispatches it jointly to the water bureau and the housing bureau → the housing bureau
 * finishes its task → the water bureau's official starts and resolves it.
 */
import { act, cloud, moveClock, openFromList, rowInList, phones, status, sweep } from './steps'

jest.setTimeout(150_000)

const LIUAN_1 = { latitude: 30.5051, longitude: 114.3052 }

const signedIn = phones(LIUAN_1, () => moveClock({ reset: true }))

/** A persona's session over the API itself (the stand-in mints the wx.login code). */
async function tokenOf(openid: string): Promise<string> {
  const { code } = (await (
    await fetch(`${cloud().urls.wechat}/dev/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  ).json()) as { code: string }
  const res = await fetch(`${cloud().urls.api}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  })
  return ((await res.json()) as { token: string }).token
}
const get = async (token: string, path: string) =>
  (await fetch(`${cloud().urls.api}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>

it('an unaccepted case escalates by the clock; the district dispatcher dispatches it jointly; both departments finish; the lead resolves', async () => {
  const resident = await tokenOf('o-demo-resident')
  const created = await fetch(`${cloud().urls.api}/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${resident}` },
    body: JSON.stringify({
      categoryId: 'cat-water-off',
      description: '柳岸小区 5 栋停水一上午了，没人来看',
      location: { lat: LIUAN_1.latitude, lng: LIUAN_1.longitude },
    }),
  })
  const { id, number } = (await created.json()) as { id: string; number: string }

  // Nobody at the street accepts it within its 30 minutes: the sweeper sends it up to the district.
  await moveClock({ advanceMinutes: 31 })
  const district = await tokenOf('o-demo-district-dispatcher')
  for (let i = 0; i < 10 && (await get(district, `/v1/cases/${id}`)).levelNodeId !== 'linjiang'; i++) await sweep()
  expect((await get(district, `/v1/cases/${id}`)).timeline.at(-1).note).toContain('系统自动上报')

  const dispatcher = await signedIn('刘洋')
  await dispatcher.locator('.rates-panel__title', { hasText: '今日时效' }).waitFor()
  // 超时预警 lists what the clock marked at the district's level, red first: every case sent up meanwhile is there too
  // (the list is paged).
  await dispatcher.getByText('超时预警').first().tap()
  await (await rowInList(dispatcher, number)).locator('.case-tags__overdue', { hasText: '红牌' }).waitFor()
  await openFromList(dispatcher, number)
  await dispatcher.locator('.case__timeline, .timeline__item', { hasText: '系统自动上报' }).first().waitFor()
  await act(dispatcher, 'dispatch', async (form) => {
    await form.locator('.case-action__department').getByText('区水务局').tap()
    await form.locator('.case-action__officials').getByText('赵刚').tap()
    await form.locator('.case-action__co-departments').getByText('区住建局').tap()
  })
  await status(dispatcher, '已派单')
  await dispatcher.locator('.case__task--open', { hasText: '区住建局' }).waitFor()

  // The housing bureau finds its task among its work orders and finishes it.
  const housing = await signedIn('钱伟')
  await housing.getByText('我的工单').first().tap()
  await openFromList(housing, number)
  await act(housing, 'finish_task', async (form) => {
    await form.locator('.case-action__note textarea').fill('已排查楼内供水管网，阀门正常')
  })
  await housing.locator('.case__task--done', { hasText: '区住建局' }).waitFor()

  // The lead starts and resolves: every task is done.
  const official = await signedIn('赵刚')
  await official.getByText('我的工单').first().tap()
  await openFromList(official, number)
  await act(official, 'start')
  await status(official, '处置中')
  await act(official, 'resolve', async (form) => {
    await form.locator('.case-action__result textarea').fill('已更换 5 栋进水阀，恢复供水')
  })
  await status(official, '待评价')
  const timeline = await official.locator('.timeline__item').allInnerTexts()
  expect(timeline.join('\n')).toMatch(/上报上级[\s\S]*派单[\s\S]*联办完成[\s\S]*开始处置[\s\S]*办结反馈/)
})
