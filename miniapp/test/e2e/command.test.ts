/**
 * The command centre in the H5 build (issue 26): 刘洋, the district's dispatcher, opens 指挥中心 from his workbench on
 * a phone, then puts it on a 1920 × 1080 wall: the figures, the map of grids drawn by ECharts with its five-colour
 * legend, and the month's ranking stand side by side, the time said in China time; he switches the ranking to streets.
 * 陈志强, a street's dispatcher, sees his street only, and may rank its grids, not the streets.
 */
import type { Page } from 'playwright-core'
import { cloud, expectAccessible, onScreen, phones } from './steps'

jest.setTimeout(120_000)

const signedIn = phones({ latitude: 30.5051, longitude: 114.3052 })
/** The texts of every element the shown page has under the selector. */
const texts = (page: Page, selector: string) => page.locator(`.taro_page:not([style*="display: none"]) ${selector}`).allTextContents()

it("the district's dispatcher watches the district on the phone and on the big screen", async () => {
  const page = await signedIn('刘洋')
  await onScreen(page, '.workbench--dispatcher').getByText('指挥中心').tap()
  const title = onScreen(page, '.command-screen__title')
  await title.waitFor()
  expect(await title.textContent()).toBe('临江区 指挥中心')
  expect(await onScreen(page, '.command-screen__time').textContent()).toMatch(/数据更新于 .+（北京时间），每 30 秒自动刷新/)
  const labels = await texts(page, '.command-tile__label')
  expect(labels).toEqual(['受理', '响应', '派单', '办结', '在办', '正常', '超期', '打卡', '入户走访', '已巡网格', '预约', '调解', '调解成功率'])
  // The district's streets with what they have in hand, and the map drawn on a canvas with its legend.
  expect(await texts(page, '.command-unit__name')).toEqual(expect.arrayContaining(['青石街道', '白鹭镇']))
  await onScreen(page, '.command-map canvas').waitFor()
  // The map says in words what it draws, today's patrols and the district's rooms among it.
  expect(await onScreen(page, '.command-map').getAttribute('aria-label')).toMatch(/今日巡查网格 \d+\/\d+ 个，说事室 [1-9]\d* 处/)
  await onScreen(page, '.command-trend canvas').waitFor()
  expect(await onScreen(page, '.command-legend').textContent()).toMatch(/红色 \d+.*绿色 \d+/)
  await expectAccessible(page, 'command centre, phone')
  await page.screenshot({ path: '/tmp/command-phone.png', fullPage: true })

  // On the wall: three columns side by side, nothing to scroll for the figures, the ranking switched to streets.
  await page.setViewportSize({ width: 1920, height: 1080 })
  const [left, centre, right] = await Promise.all(
    [0, 1, 2].map((i) => page.locator('.taro_page:not([style*="display: none"]) .command-screen__column').nth(i).boundingBox()),
  )
  expect(centre!.x).toBeGreaterThan(left!.x + left!.width - 1)
  expect(right!.x).toBeGreaterThan(centre!.x + centre!.width - 1)
  expect(right!.y).toBe(left!.y)
  const map = await onScreen(page, '.command-map canvas').boundingBox()
  expect(map!.width).toBeGreaterThan(500)
  await onScreen(page, '.command-levels').getByText('街道', { exact: true }).click()
  await onScreen(page, '.command-rank__name:has-text("白鹭镇")').waitFor()
  expect(await onScreen(page, '.command-note:has-text("综合得分")').textContent()).toContain('不足 5 件的不排名')
  await page.screenshot({ path: '/tmp/command-wall.png' })

  // The month's cases to Excel, saved by the browser.
  const [file] = await Promise.all([page.waitForEvent('download'), onScreen(page, '.command-screen__export').click()])
  expect(file.suggestedFilename()).toMatch(/^临江区\d{4}-\d{2}事件\.xlsx$/)

  // Drill-down: a street's row opens the street (its grids below it); a grid's row opens the grid's cases.
  await onScreen(page, '.command-unit:has-text("白鹭镇")').click()
  await onScreen(page, '.command-screen__title:has-text("白鹭镇 指挥中心")').waitFor()
  await onScreen(page, '.command-unit:has-text("稻香村第一网格")').click()
  const list = onScreen(page, '.case-list--grid')
  await list.waitFor()
  await onScreen(page, '.case-list--grid .case-list__item, .case-list--grid .state-view:not(:has-text("加载中"))').waitFor()
  expect(await list.textContent()).toMatch(/该网格暂无事件|稻香村|\d{2}-\d{2}/)
  await page.goBack()
  await onScreen(page, '.command-screen__back').click()
  await onScreen(page, '.command-screen__title:has-text("临江区 指挥中心")').waitFor()
})

/** A resident's report through the API (a new WeChat user of the demo district), as the app would send it. */
async function reported() {
  const { urls } = cloud()
  const post = async (url: string, body: object, token?: string) =>
    (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()
  const { code } = await post(`${urls.wechat}/dev/code`, { openid: `o-test-cmd-${Math.random().toString(36).slice(2, 8)}` })
  const { token } = await post(`${urls.api}/v1/auth/login`, { code })
  return (await post(
    `${urls.api}/v1/cases`,
    { categoryId: 'cat-garbage', description: '楼下垃圾桶满了没人清运', location: { lat: 30.5051, lng: 114.3052 } },
    token,
  )) as { id: string; number: string }
}

it('the headline 在办 opens the cases in hand, and a row opens the case', async () => {
  const c = await reported()
  const page = await signedIn('刘洋')
  await onScreen(page, '.workbench--dispatcher').getByText('指挥中心').tap()
  await onScreen(page, '.command-tile--open:has-text("在办")').tap()
  const row = onScreen(page, `.command-inhand__case:has-text("${c.number}")`)
  await row.waitFor()
  expect(await row.textContent()).toContain('垃圾堆放')
  await expectAccessible(page, 'command centre, cases in hand')
  await page.screenshot({ path: '/tmp/command-inhand.png' })
  await onScreen(page, '.command-tile--open:has-text("超期")').tap()
  expect(await onScreen(page, '.command-panel:has(.command-inhand__close) .command-panel__title').textContent()).toMatch(/^超期事件（\d+\+?）$/)
  await onScreen(page, '.command-tile--open:has-text("在办")').tap()
  await onScreen(page, `.command-inhand__case:has-text("${c.number}")`).tap()
  await onScreen(page, `.case__number:has-text("${c.number}")`).waitFor()
})

it("a street's dispatcher watches their street", async () => {
  const page = await signedIn('陈志强')
  await onScreen(page, '.workbench--dispatcher').getByText('指挥中心').tap()
  const title = onScreen(page, '.command-screen__title')
  await title.waitFor()
  expect(await title.textContent()).toBe('青石街道 指挥中心')
  // Its grids, not the district's streets; grids are the only ranking it may read.
  expect((await texts(page, '.command-unit__name')).some((n) => n.includes('网格'))).toBe(true)
  expect(await texts(page, '.command-levels__item')).toEqual(['网格'])
})

it("the district's admin sets the ranking's weights and is told in words what does not add up", async () => {
  const page = await signedIn('周敏')
  await onScreen(page, '.workbench--admin').getByText('指挥中心').tap()
  // An admin watches and sets the rules, but carries no cases away.
  await onScreen(page, '.command-screen__title').waitFor()
  expect(await texts(page, '.command-screen__export')).toEqual([])
  expect(await texts(page, '.command-tile--open')).toEqual([])
  await onScreen(page, '.command-screen__settings').click()
  const accept = onScreen(page, '.command-settings__weight-accept input')
  await accept.waitFor()
  // Checked before the refusal: its toast (Taro's own, grey on a translucent veil) is not the page's.
  await expectAccessible(page, 'command settings')
  await accept.fill('40')
  await onScreen(page, '.command-settings__save').click()
  await onScreen(page, '.field-error--weights').getByText('响应率、办结及时率、满意率三项权重之和须为 100').waitFor()
  await page.screenshot({ path: '/tmp/command-settings.png', fullPage: true })
  await accept.fill('30')
  await onScreen(page, '.command-settings__save').click()
  await page.getByText('已保存').waitFor()
})
