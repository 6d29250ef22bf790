/**
 * The district admin's console in the H5 build (issue 25's first pages): 周敏 opens 部门与分类 from the workbench,
 * is told in words what a form lacks, adds an item to the taxonomy under 市容环境 with its default department, sees it
 * listed, and finds the change in 变更记录 with who made it; on 网格边界 she previews a GeoJSON file (what it would add,
 * change and retire, nothing written) and is told feature by feature what is wrong with a bad one.
 */
import { expectAccessible, onScreen, phones } from './steps'

jest.setTimeout(120_000)

const signedIn = phones({ latitude: 30.5051, longitude: 114.3052 })
const name = `绿地养护${Math.random().toString(36).slice(2, 6)}`

it('the admin adds a category in the console and finds it in the log of changes', async () => {
  const admin = await signedIn('周敏')
  await onScreen(admin, '.workbench--admin').getByText('部门与分类').tap()
  await onScreen(admin, '.admin-catalogue__department').first().waitFor()
  expect(await onScreen(admin, '.admin-catalogue__departments').textContent()).toContain('区水务局')
  await expectAccessible(admin, 'admin console, departments')

  await onScreen(admin, '.nut-tabs').getByText('事件分类', { exact: true }).tap()
  await onScreen(admin, '.admin-catalogue__new-item:has-text("市容环境")').tap()
  await onScreen(admin, '.admin-edit__name input').waitFor()
  // Nothing named, nothing sent: the form says so beside the field.
  await onScreen(admin, '.admin-edit__save').tap()
  await onScreen(admin, '.field-error--name').getByText('请填写名称').waitFor()

  await onScreen(admin, '.admin-edit__name input').fill(name)
  await onScreen(admin, '.admin-edit__department').getByText('区城管执法局').tap()
  await onScreen(admin, '.admin-edit__priority').getByText('低优先').tap()
  await expectAccessible(admin, 'admin console, a new category')
  await onScreen(admin, '.admin-edit__save').tap()

  const item = onScreen(admin, `.admin-catalogue__item:has-text("${name}")`)
  await item.waitFor()
  expect(await item.textContent()).toContain('默认派往 区城管执法局')
  expect(await item.textContent()).toContain('低优先')

  await onScreen(admin, '.admin-catalogue__changes').tap()
  const change = onScreen(admin, `.admin-changes__change:has-text("新建事件分类「${name}」")`)
  await change.waitFor()
  expect(await change.textContent()).toContain('周敏')
  expect(await change.textContent()).toContain('默认部门：区城管执法局')
  await expectAccessible(admin, 'admin console, changes')

  // In a PC browser the console is a wider page: the taxonomy's classes stand two abreast.
  await admin.setViewportSize({ width: 1280, height: 800 })
  await admin.goBack()
  await onScreen(admin, '.nut-tabs').getByText('事件分类', { exact: true }).tap()
  const [first, second] = await Promise.all(
    [0, 1].map((i) => admin.locator('.taro_page:not([style*="display: none"]) .admin-catalogue__class').nth(i).boundingBox()),
  )
  expect(second!.y).toBe(first!.y)
  expect(second!.x).toBeGreaterThan(first!.x + first!.width)
  await admin.screenshot({ path: '/tmp/a4.png' })
})

/** A GeoJSON file of 稻香村's grids (c-daoxiang: 114.33–114.36 E, 30.515–30.530 N, three grids 0.01° wide). */
const daoxiang = (swap = false) => {
  const ring = (w: number, s: number, e: number, n: number) =>
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ].map(([x, y]) => (swap ? [y, x] : [x, y]))
  const grid = (name: string, w: number, e: number) => ({
    type: 'Feature',
    properties: { name, community: '稻香村' },
    geometry: { type: 'Polygon', coordinates: [ring(w, 30.515, e, 30.53)] },
  })
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [grid('稻香村第一网格', 114.33, 114.34), grid('稻香村大网格', 114.34, 114.36)] }))
}

it('the admin previews a grid file on the map page, and is told what is wrong with a bad one', async () => {
  const admin = await signedIn('周敏')
  await onScreen(admin, '.workbench--admin').getByText('网格边界').tap()
  await onScreen(admin, '.admin-grids__grid').first().waitFor()
  await onScreen(admin, '.admin-grids__communities').getByText('稻香村').tap()
  await onScreen(admin, '.admin-grids__list').getByText('稻香村第三网格').waitFor()
  await expectAccessible(admin, 'admin console, grids')

  const choose = async (bytes: Buffer) => {
    const chooser = admin.waitForEvent('filechooser')
    await onScreen(admin, '.admin-grids__import').tap()
    await (await chooser).setFiles({ name: '稻香村.geojson', mimeType: 'application/geo+json', buffer: bytes })
  }
  await choose(daoxiang())
  const plan = onScreen(admin, '.admin-grids__plan')
  await plan.getByText('新增 1 · 修改 0 · 撤销 2 · 不变 1').waitFor()
  expect(await plan.textContent()).toContain('撤销「稻香村第三网格」')
  await onScreen(admin, '.admin-grids__cancel').tap()
  // Nothing was written: the community still has its three grids.
  await onScreen(admin, '.admin-grids__list').getByText('稻香村第三网格').waitFor()

  await choose(daoxiang(true))
  await admin.getByText('文件有问题，未导入').waitFor()
  await admin.getByText(/第 1 个要素（稻香村第一网格）：坐标 .* 超出本区范围（经纬度是否写反了/).waitFor()
})

it('the admin keeps a talk-it-out room: its form says what is wrong beside the field, and a mediator is invited by code', async () => {
  const admin = await signedIn('周敏')
  await onScreen(admin, '.workbench--admin').getByText('说事室管理').tap()
  await onScreen(admin, '.admin-rooms__room:has-text("青石街道说事室")').tap()
  const name = onScreen(admin, '.admin-room__name input')
  await admin.waitForFunction(() => document.querySelector<HTMLInputElement>('.admin-room__name input')?.value === '青石街道说事室')
  expect(await onScreen(admin, '.admin-room__address input').inputValue()).toBe('青石街道便民服务中心二楼')
  await expectAccessible(admin, 'admin console, a room')

  await name.fill('青')
  await onScreen(admin, '.admin-room__save').tap()
  await onScreen(admin, '.field-error--name').getByText('名称至少 2 个字').waitFor()
  await name.fill('青石街道说事室')
  await onScreen(admin, '.admin-room__save').tap()
  await onScreen(admin, '.admin-rooms__list').waitFor()

  await onScreen(admin, '.admin-rooms__room:has-text("青石街道说事室")').tap()
  await onScreen(admin, '.admin-room__invite').tap()
  await admin.getByText('调解员邀请码').waitFor()
  const content = admin.getByText(/请调解员在「我的」→「使用邀请码」中填写/)
  await content.waitFor()
  // The code is read aloud and typed by hand: eight letters and digits without 0/O, 1/I.
  expect(await content.textContent()).toMatch(/^[A-HJ-NP-Z2-9]{8}\s*请调解员/)
})

it("the admin finds a grid's gridworker with the phone masked, and invites another by code", async () => {
  const admin = await signedIn('周敏')
  await onScreen(admin, '.workbench--admin').getByText('工作人员').tap()
  await onScreen(admin, '.admin-staff__scopes').getByText('柳岸社区第一网格').tap()
  const person = onScreen(admin, '.admin-staff__person:has-text("李建国")')
  await person.waitFor()
  expect(await person.textContent()).toContain('138****1000')
  await expectAccessible(admin, 'admin console, staff')
  await onScreen(admin, '.admin-staff__invite').tap()
  const content = admin.getByText(/成为柳岸社区第一网格的网格员/)
  await content.waitFor()
  expect(await content.textContent()).toMatch(/^[A-HJ-NP-Z2-9]{8}\s*请受邀人/)
})
