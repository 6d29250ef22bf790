/**
 * Field work in the H5 build: the gridworker patrols inside the grid, checks in, finds a hazard and reports it in
 * one tap (the report form opens where the check-in was); then visits the most overdue household of the due list,
 * which leaves the list; the grid leader sees the day's check-ins of the grid.
 */
import { cloud, expectAccessible, phones, status } from './steps'

jest.setTimeout(120_000)

const LIUAN_1 = { latitude: 30.5051, longitude: 114.3052 }
const signedIn = phones(LIUAN_1)

it('patrol → check-in → one-tap report → visit a due household → the leader sees the check-ins', async () => {
  const worker = await signedIn('李建国')
  await worker.getByText('巡查打卡').tap()
  await worker.locator('.patrol__start').tap()
  await worker.locator('.patrol__checkin').tap()
  await worker.locator('.checkin__fence', { hasText: '你在网格内' }).waitFor()
  await expectAccessible(worker, 'check-in')
  await worker.locator('.checkin__note textarea').fill('柳岸小区 3 栋楼道堆放大量杂物，堵塞消防通道')
  await worker.locator('.checkin__submit').tap()
  await worker.locator('.checkin__done').waitFor()

  // The hazard becomes a case: the form opens with the place (and the note) of the check-in.
  const categories = worker.waitForResponse((r) => r.url().includes('/v1/categories') && r.ok())
  await worker.locator('.checkin__report').tap()
  await categories
  await worker.locator('.report__location', { hasText: '柳岸社区第一网格' }).waitFor()
  await worker.locator('.report__category', { hasText: '请选择' }).waitFor()
  await worker.locator('.report__category').tap()
  await worker.locator('.nut-cascader-item-title', { hasText: '安全隐患' }).tap()
  await worker.locator('.nut-cascader-item-title', { hasText: '消防通道堵塞' }).tap()
  expect(await worker.locator('.report__description textarea').inputValue()).toContain('堵塞消防通道')
  await worker.locator('.report__submit').tap()
  await status(worker, '待受理')

  // The most overdue household of the due list is visited, and leaves the list.
  await worker.goto(cloud().urls.h5)
  await worker.getByText('入户走访').tap()
  const first = worker.locator('.households__item').first()
  await first.waitFor()
  const due = await worker.locator('.households__item').count()
  const who = (await first.innerText()).match(/· (\S+?)（/)![1]!
  await first.tap()
  await worker.locator('.household__visit').tap()
  await worker.locator('.checkin__fence', { hasText: '你在网格内' }).waitFor()
  await worker.locator('.checkin__note textarea').fill('老人身体尚可，提醒更换老化燃气软管')
  await worker.locator('.checkin__submit').tap()
  await worker.locator('.checkin__done').waitFor()
  await worker.locator('.checkin__back').tap()
  await worker.locator('.household__visits', { hasText: '上次走访' }).waitFor()
  await expectAccessible(worker, 'household')
  await worker.goBack()
  await worker.locator('.households__item').first().waitFor()
  await worker.locator('.households__item', { hasText: who }).waitFor({ state: 'detached' })
  expect(await worker.locator('.households__item').count()).toBe(due - 1)

  // The grid leader sees the day's check-ins of the grid: the patrol point and the visit.
  const leader = await signedIn('张丽')
  await leader.getByText('打卡轨迹').tap()
  await leader.locator('.patrol__item', { hasText: '巡查' }).first().waitFor()
  await leader.locator('.patrol__item', { hasText: '走访' }).first().waitFor()
  expect(await leader.locator('.patrol__item', { hasText: '李建国' }).count()).toBeGreaterThanOrEqual(2)
  await leader.locator('.patrol__coverage', { hasText: '李建国' }).filter({ hasText: '走访 1 户次，其中到期应访 1' }).waitFor()
  await expectAccessible(leader, 'check-ins and coverage')
  // One gridworker's route of the day: only their check-ins, drawn in order on the map.
  await leader.locator('.patrol__person', { hasText: '李建国' }).tap()
  await leader.locator('[aria-label$="李建国的轨迹"]').first().waitFor()
  const items = leader.locator('.patrol__item')
  expect(await items.count()).toBe(await items.filter({ hasText: '李建国' }).count())
  // Another day (China's calendar): the day before, then back.
  const today = await leader.locator('.patrol__date').innerText()
  expect(today).toContain('今天')
  await leader.locator('.patrol__prev').tap()
  await leader.locator('.patrol__date', { hasNotText: '今天' }).waitFor()
  await leader.locator('.patrol__next').tap()
  await leader.locator('.patrol__date', { hasText: '今天' }).waitFor()
})

it('the district admin reads a grid’s roster masked, with none of its keepers’ buttons', async () => {
  const admin = await signedIn('周敏')
  await admin.goto(`${cloud().urls.h5}/#/packages/field/households/index?gridId=g-liuan-1&filter=all`)
  await admin.locator('.households__item').first().waitFor()
  // Masked: no names in clear.
  expect(await admin.locator('.households__item').first().innerText()).toContain('*')
  for (const keeper of ['.households__import', '.households__export', '.households__add']) expect(await admin.locator(keeper).count()).toBe(0)
  // The grid's gridworker keeps it: the buttons are theirs.
  const worker = await signedIn('李建国')
  await worker.goto(`${cloud().urls.h5}/#/packages/field/households/index?filter=all`)
  await worker.locator('.households__add').waitFor()
  await worker.locator('.households__item').first().waitFor()
  await expectAccessible(worker, 'roster with its tabs')
  // Ending a patrol asks first: the dialog reads as well as the page.
  await worker.goto(`${cloud().urls.h5}/#/packages/field/patrol/index`)
  await worker.locator('.patrol__start').tap()
  await worker.locator('.patrol__end').tap()
  await worker.getByText('确定结束吗').waitFor()
  await expectAccessible(worker, 'end-patrol dialog')
})
