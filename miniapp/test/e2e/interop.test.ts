/**
 * 合作方接入 in the H5 build (issue 27): 周敏 opens it from the workbench, is told in words what the form lacks, issues
 * a partner's api_key (shown once, in full), finds the partner listed by the key's last four characters only, and
 * revokes it.
 */
import { expectAccessible, onScreen, phones } from './steps'

jest.setTimeout(120_000)

const signedIn = phones({ latitude: 30.5051, longitude: 114.3052 })
const name = `随手拍${Math.random().toString(36).slice(2, 6)}`

it('the admin issues a partner its api_key, sees it once, and revokes it', async () => {
  const admin = await signedIn('周敏')
  await onScreen(admin, '.workbench--admin').getByText('合作方接入').tap()
  await onScreen(admin, '.interop-partners__issue').waitFor()
  await expectAccessible(admin, 'partners')

  // No name, nothing sent: the form says so beside the field.
  await onScreen(admin, '.interop-partners__issue').tap()
  await onScreen(admin, '.field-error--name').getByText('请填写合作方名称').waitFor()

  await onScreen(admin, '.interop-partners__name input').fill(name)
  await onScreen(admin, '.interop-partners__issue').tap()
  const shown = admin.getByText(/只显示这一次/)
  await shown.waitFor()
  const key = /^(linjiang\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec((await shown.textContent())!.trim())?.[1]
  expect(key).toBeDefined()
  await admin.screenshot({ path: '/tmp/partners-key.png' })
  await admin.getByText('关闭', { exact: true }).tap()

  const partner = onScreen(admin, `.interop-partners__partner:has-text("${name}")`)
  await partner.waitFor()
  expect(await partner.textContent()).toContain(`密钥尾号 ${key!.slice(-4)}`)
  expect(await onScreen(admin, '.interop-partners__list').textContent()).not.toContain(key!.split('.')[2])

  await partner.locator('.interop-partners__revoke').tap()
  await admin.getByText(/它之后的上报将一律被拒/).waitFor()
  await admin.getByText('确定', { exact: true }).tap()
  await partner.locator('.interop-partners__revoked').waitFor()
  expect(await partner.textContent()).toContain('已停用')
  await admin.screenshot({ path: '/tmp/partners-phone.png' })
  await admin.setViewportSize({ width: 1280, height: 800 })
  await admin.screenshot({ path: '/tmp/partners-pc.png' })
})
