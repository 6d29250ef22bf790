/**
 * H5 only: Taro's chooseMedia ignores `sizeType` in the browser (a phone's photo would go up at full size) and drops
 * without a word a file it cannot load. Here the browser's own picker gives the files; each image is drawn into a
 * canvas at most MAX_SIDE px on its longer side and re-encoded as JPEG, and what the browser cannot decode — an
 * iPhone's HEIC outside Safari — is refused with what to do instead.
 */
/** A photo ready to upload (a PickedPhoto of upload.ts, always a JPEG here). */
export interface ShrunkPhoto {
  path: string
  size: number
  contentType: 'image/jpeg'
}

const MAX_SIDE = 1600
const QUALITY = 0.82

export const HEIC_REFUSED = '无法读取 HEIC 格式的照片：请在 iPhone“设置 › 相机 › 格式”中选“兼容性最佳”，或截图后上传'

const isHeic = (file: File) => /image\/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name)

/** The photo as a JPEG of at most MAX_SIDE px, or why it cannot be used. */
async function shrinkPhoto(file: File): Promise<ShrunkPhoto | { refused: string }> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    return { refused: isHeic(file) ? HEIC_REFUSED : '无法读取这张图片，请换一张' }
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  const ctx = canvas.getContext('2d')!
  // JPEG has no transparency: a PNG's clear parts become white, not black.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
  if (!blob) return { refused: '图片处理失败，请换一张' }
  return { path: URL.createObjectURL(blob), size: blob.size, contentType: 'image/jpeg' }
}

/** The browser's file picker, opened in the tap: the images chosen (at most `count`), none when cancelled. */
function pickFiles(count: number): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.style.cssText = 'position: fixed; left: -3000px; top: -4000px'
    const done = (files: File[]) => (input.remove(), resolve(files.slice(0, count)))
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

/** Picks up to `count` photos and shrinks each; `refused` says why one was left out. */
export async function choosePhotosInBrowser(count: number): Promise<{ picked: ShrunkPhoto[]; refused?: string }> {
  const picked: ShrunkPhoto[] = []
  let refused: string | undefined
  for (const file of await pickFiles(count)) {
    const shrunk = await shrinkPhoto(file)
    if ('refused' in shrunk) refused = shrunk.refused
    else picked.push(shrunk)
  }
  return { picked, refused }
}
