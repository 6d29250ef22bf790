/**
 * Photos: pick with chooseMedia, then for each one ask our API for a presigned S3 POST form (createUpload) and
 * send the file straight to S3 with uploadFile. What we keep is the object `key` the API handed out.
 */
import Taro from '@tarojs/taro'
import { createUpload, imageTypes, MAX_UPLOAD_BYTES } from '@linli/shared'
import { ApiError, call } from './request'
import { choosePhotosInBrowser } from './photo-h5'

export type ImageType = (typeof imageTypes)[number]
export type UploadPurpose = 'case_photo' | 'result_photo' | 'checkin_photo' | 'roster_import' | 'grids_import'

export interface PickedPhoto {
  path: string
  size: number
  contentType: ImageType
}

function contentTypeOf(file: Taro.chooseMedia.ChooseMedia): ImageType | undefined {
  const declared = file.originalFileObj?.type
  if (declared) return (imageTypes as readonly string[]).includes(declared) ? (declared as ImageType) : undefined
  const ext = /\.(\w+)$/.exec(file.tempFilePath)?.[1]?.toLowerCase()
  if (ext === 'png') return 'image/png'
  if (ext === 'webp') return 'image/webp'
  if (ext === 'jpg' || ext === 'jpeg' || !ext) return 'image/jpeg'
  return undefined
}

/** Lets the user pick up to `count` images; skips (and says so) files of the wrong type or too large. */
export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  if (count <= 0) return []
  if (process.env.TARO_ENV === 'h5') {
    const { picked, refused } = await choosePhotosInBrowser(count)
    if (refused) void Taro.showToast({ title: refused, icon: 'none', duration: 3000 })
    return picked
  }
  let res: Taro.chooseMedia.SuccessCallbackResult
  try {
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
  } catch {
    return [] // cancelled
  }
  const picked: PickedPhoto[] = []
  let skipped = ''
  for (const file of res.tempFiles.slice(0, count)) {
    const contentType = contentTypeOf(file)
    if (!contentType) skipped = '只能上传 JPG、PNG 或 WebP 图片'
    else if (file.size > MAX_UPLOAD_BYTES) skipped = '图片不能超过 5 MB'
    else picked.push({ path: file.tempFilePath, size: file.size, contentType })
  }
  if (skipped) void Taro.showToast({ title: skipped, icon: 'none' })
  return picked
}

/** Uploads one photo; `onProgress` gets 0–100. Resolves with the object key to send to the API. */
export const uploadPhoto = (purpose: UploadPurpose, photo: PickedPhoto, onProgress: (percent: number) => void) => uploadFile(purpose, photo, onProgress, '图片')

/** Uploads one file (a photo, a spreadsheet to import) by the API's presigned form; resolves with its object key. */
export async function uploadFile(
  purpose: UploadPurpose,
  file: { path: string; size: number; contentType: string },
  onProgress: (percent: number) => void = () => undefined,
  what = '文件',
): Promise<string> {
  const form = await call(createUpload, { body: { purpose, contentType: file.contentType as ImageType, size: file.size } })
  // The form fields (policy, signature, key, Content-Type) must precede the file; uploadFile appends the file last.
  const task = Taro.uploadFile({ url: form.url, filePath: file.path, name: 'file', formData: form.fields, withCredentials: false })
  task.onProgressUpdate?.((p) => onProgress(p.progress))
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await task
  } catch {
    throw new ApiError(0, 'network', `${what}上传失败，请检查网络后重试`)
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, 'upload.invalid', `${what}上传失败，请重试`)
  onProgress(100)
  return form.key
}
