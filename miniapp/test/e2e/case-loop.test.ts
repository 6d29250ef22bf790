/**
 * The closed loop in the H5 build, three phones at once: a resident reports with a photo → the street dispatcher
 * accepts and dispatches → the official sees it (and the stand-in recorded the dispatch notice) → resolves with a
 * photo → the resident rates 5 → the case shows closed with the whole timeline.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { REPORT_LOCATED, act, cloud, expectAccessible, openFromList, phones, rowInList, status } from './steps'

jest.setTimeout(120_000)

const PHOTO = join(__dirname, '../../src/assets/tab/home-active.png')
const LIUAN_1 = { latitude: 30.5051, longitude: 114.3052 }

const signedIn = phones(LIUAN_1)

async function addPhoto(page: Page) {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.photos__add').last().tap()
  await (await chooser).setFiles(PHOTO)
  await page.locator('.photos__image').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.photos__progress'))
}

it('report with a photo → accept → dispatch → notice → resolve with a photo → rate 5 → closed', async () => {
  // The resident reports.
  const resident = await signedIn('王小梅')
  const categories = resident.waitForResponse((r) => r.url().includes('/v1/categories') && r.ok())
  await resident.getByText('随手拍上报').tap()
  await categories
  // A tap while the field still says 加载中… asks for the taxonomy again instead of opening the cascader.
  await resident.locator('.report__category', { hasText: '请选择' }).waitFor()
  await resident.locator(REPORT_LOCATED).waitFor()
  await expectAccessible(resident, 'report form')
  await resident.locator('.report__category').tap()
  await resident.locator('.nut-cascader-item-title', { hasText: '水电气热' }).tap()
  await resident.locator('.nut-cascader-item-title', { hasText: '停水' }).tap()
  await resident.locator('.report__description textarea').fill('柳岸小区 3 栋从早上开始停水，已有四十户受影响')
  await addPhoto(resident)
  await resident.locator('.report__submit').tap()
  await status(resident, '待受理')
  const number = (await resident.locator('.case__number').innerText()).match(/LJ\d{12}/)![0]
  await expectAccessible(resident, 'case, its reporter')

  // The official has agreed to receive dispatch notices (a one-time grant, asked from a tap in the assigned list).
  const official = await signedIn('赵刚')
  await official.getByText('我的工单').tap()
  await official.locator('.case-list__subscribe').tap()

  // The street dispatcher accepts and dispatches to the water bureau.
  const dispatcher = await signedIn('陈志强')
  await dispatcher.getByText('待受理').first().tap()
  await (await rowInList(dispatcher, number)).waitFor()
  await expectAccessible(dispatcher, 'case list with its status tabs')
  await openFromList(dispatcher, number)
  await act(dispatcher, 'accept')
  await status(dispatcher, '已受理')
  await expectAccessible(dispatcher, 'case, a dispatcher')
  await act(dispatcher, 'dispatch', async (form) => {
    await form.getByText('区水务局').tap()
    await form.locator('.case-action__officials').getByText('赵刚').tap()
  })
  await status(dispatcher, '已派单')
  await dispatcher.getByText('赵刚').first().waitFor()

  // The official finds the case among the assigned: where it is on the grid's map, and 导航 to it (高德's marker page in
  // a browser, at the point in GCJ-02).
  await official.reload()
  await openFromList(official, number)
  await official.locator('.case__map .grid-map__image').waitFor()
  // No network here: the map page answers from the test.
  await official.context().route('https://uri.amap.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '高德地图' }))
  const opened = official.context().waitForEvent('page')
  await official.locator('.case__navigate').tap()
  const amap = await opened
  await amap.waitForURL(/uri\.amap\.com/)
  expect(amap.url()).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=114\.31\d+,30\.50\d+&name=/)
  await amap.close()
  await act(official, 'start')
  await status(official, '处置中')
  await act(official, 'resolve', async (form) => {
    await form.locator('.case-action__result textarea').fill('已抢修主管道，下午三点恢复供水')
    await addPhoto(official)
  })
  await status(official, '待评价')

  // The resident rates 5; the case is closed with the whole timeline.
  await resident.reload()
  await status(resident, '待评价')
  await act(resident, 'confirm', async (form) => {
    await form.locator('.case-action__rating .nut-rate-item').nth(4).tap()
  })
  await status(resident, '已办结')
  await expectAccessible(resident, 'case, closed')
  const timeline = await resident.locator('.timeline__item').allInnerTexts()
  expect(timeline.join('\n')).toMatch(/上报[\s\S]*受理[\s\S]*派单[\s\S]*开始处置[\s\S]*办结反馈[\s\S]*评价/)
  expect(await resident.locator('.timeline__item img, .timeline__item .photos__image, .timeline__item taro-image-core').count()).toBeGreaterThanOrEqual(1)

  // The dispatch notice reached the official through the WeChat stand-in …
  const ofCase = async (openid: string) =>
    (
      (await (await fetch(`${cloud().urls.wechat}/dev/messages?touser=${openid}`)).json()) as {
        messages: { template_id: string; data: Record<string, { value: string }> }[]
      }
    ).messages
      .filter((m) => m.data.character_string1?.value === number)
      .map((m) => m.template_id)
  expect(await ofCase('o-demo-official')).toContain('tpl-case-dispatch')
  // … and the resident's one tap on 提交 let 受理, 派单 and 办结 (请评价) all reach them, each on its own template.
  const deadline = Date.now() + 15_000
  while ((await ofCase('o-demo-resident')).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  expect((await ofCase('o-demo-resident')).sort()).toEqual(['tpl-case-accepted', 'tpl-case-dispatched', 'tpl-case-resolved'])
})
