/**
 * The district admin's console in the H5 build (issue 25's first pages): 周敏 opens 部门与分类 from the workbench,
 * is told in words what a form lacks, adds an item to the taxonomy under 市容环境 with its default department, sees it
 * listed, and finds the change in 变更记录 with who made it.
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
