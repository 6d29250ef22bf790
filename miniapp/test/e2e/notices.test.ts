/**
 * Notices to households in the H5 build: the gridworker publishes one; the demo resident (linked to 3栋1单元101室)
 * opens it from the households' WeChat group — the stand-in plays WeChat's encrypted group data, the server opens
 * it — and acknowledges; the gridworker binds the group and sees 1 read / 1 acknowledged against the roster.
 */
import { cloud, expectAccessible, onScreen, phones } from './steps'

jest.setTimeout(120_000)

const LIUAN_1 = { latitude: 30.5051, longitude: 114.3052 }
const signedIn = phones(LIUAN_1)
const GROUP = 'G-liuan-1-households'

it('publish → a resident opens it from the group and acknowledges → the gridworker sees who read it', async () => {
  const worker = await signedIn('李建国')
  await onScreen(worker, '.home').getByText('发布通知').tap()
  await onScreen(worker, '.notices__compose').tap()
  await worker.locator('.compose__title input').fill('本周六停水通知')
  await worker.locator('.compose__body textarea').fill('本周六 8:00–12:00 二次供水检修，请提前储水。')
  await expectAccessible(worker, 'compose a notice')
  await onScreen(worker, '.compose__publish').tap()
  await worker.locator('.notice__title', { hasText: '本周六停水通知' }).waitFor()
  const page = `${cloud().urls.h5}/#/packages/field/notice/index?id=${/[?&]id=([\w-]+)/.exec(worker.url())![1]}`
  await worker.locator('.notice__counts', { hasText: '已读 0 人 · 已确认 0 人' }).waitFor()
  // Its author reads the counts; 回复已知晓 is the residents'.
  expect(await onScreen(worker, '.notice__ack').count()).toBe(0)
  await expectAccessible(worker, 'notice, its author')

  const resident = await signedIn('王小梅')
  await resident.goto(`${page}&dev_group=${GROUP}`)
  await resident.locator('.notice__group', { hasText: '来自群聊' }).waitFor()
  await onScreen(resident, '.notice__ack').tap()
  await resident.locator('.notice__ack', { hasText: '已回复已知晓' }).waitFor()
  await expectAccessible(resident, 'notice, from a group card')

  // The gridworker opens the card in the same group and binds it to the grid.
  await worker.goto(`${page}&dev_group=${GROUP}`)
  await onScreen(worker, '.notice__bind').tap()
  await worker.locator('.notice__group', { hasText: '本网格的群' }).waitFor()
  await worker.locator('.notice__counts', { hasText: '已读 1 人 · 已确认 1 人' }).waitFor()
  await worker.locator('.notice__household--acknowledged', { hasText: '3栋1单元101室' }).waitFor()
  expect(await worker.locator('.notice__household--unlinked').count()).toBeGreaterThan(0)
})
