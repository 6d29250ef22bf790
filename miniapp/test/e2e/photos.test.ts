/**
 * Photos from a phone's browser (H5, where Taro's chooseMedia ignores sizeType): a 12-megapixel picture reaches S3
 * as a JPEG of at most 1600 px, a fraction of its size; an iPhone HEIC the browser cannot read is refused, saying
 * what to do.
 */
import type { Page } from 'playwright-core'
import { cloud, phones } from './steps'

jest.setTimeout(60_000)

const signedIn = phones({ latitude: 30.5051, longitude: 114.3052 })

/** A 4000 × 3000 PNG of noise (it does not compress), drawn by the browser itself. */
async function bigPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 4000
    canvas.height = 3000
    const ctx = canvas.getContext('2d')!
    const image = ctx.createImageData(4000, 3000)
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 2654435761) % 251
    ctx.putImageData(image, 0, 0)
    return canvas.toDataURL('image/png')
  })
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let i = 2; i < jpeg.length; ) {
    const marker = jpeg[i + 1]!
    if (marker >= 0xc0 && marker <= 0xc3) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) }
    i += 2 + jpeg.readUInt16BE(i + 2)
  }
  throw new Error('not a JPEG')
}

async function pick(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.photos__add').last().tap()
  await (await chooser).setFiles(file)
}

test('a large photo is scaled to 1600 px and sent as JPEG; a HEIC the browser cannot read is refused with the fix', async () => {
  const page = await signedIn('王小梅')
  await page.goto(`${cloud().urls.h5}/#/packages/case/report/index`)
  await page.locator('.photos__add').waitFor()

  const original = await bigPhoto(page)
  const upload = page.waitForResponse((r) => r.url().endsWith('/v1/uploads') && r.ok())
  await pick(page, { name: 'IMG_0001.PNG', mimeType: 'image/png', buffer: original })
  const form = (await (await upload).json()) as { key: string; fields: Record<string, string> }
  await page.locator('.photos__image').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.photos__progress'))

  expect(form.fields['Content-Type']).toBe('image/jpeg')
  const stored = Buffer.from(await (await fetch(`${cloud().urls.s3}/${cloud().env.UPLOADS_BUCKET}/${form.key}`)).arrayBuffer())
  expect(jpegSize(stored)).toEqual({ width: 1600, height: 1200 })
  expect(stored.length).toBeLessThan(original.length / 4)

  await pick(page, { name: 'IMG_0002.HEIC', mimeType: 'image/heic', buffer: Buffer.from('ftypheic not decodable here') })
  await page.getByText('无法读取 HEIC 格式的照片').waitFor()
  expect(await page.locator('.photos__image').count()).toBe(1)
})
