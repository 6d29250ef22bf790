/**
 * Files the API answers or takes: a download opens in WeChat's document viewer (downloadFile + openDocument, whose
 * menu can send it to a chat) or, in H5, is saved by the browser; a spreadsheet or GeoJSON is picked from a chat
 * (chooseMessageFile) or, in H5, from the file system.
 */
import Taro from '@tarojs/taro'

/** H5: the browser saves the file (fetched with the session, which a plain link would not carry). */
export async function saveInBrowser(url: string, header: Record<string, string>, name: string) {
  const res = await fetch(url, { headers: header })
  // A refusal says why in words (a period too long, too many cases …); anything else is said plainly.
  if (!res.ok)
    throw new Error(((await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined)?.error?.message ?? '下载失败，请稍后再试')
  Object.assign(document.createElement('a'), { href: URL.createObjectURL(await res.blob()), download: name }).click()
}

export async function download(url: string, header: Record<string, string>, name: string, fileType: 'pdf' | 'xlsx') {
  if (process.env.TARO_ENV === 'h5') return saveInBrowser(url, header, name)
  const res = await Taro.downloadFile({ url, header })
  if (res.statusCode !== 200) throw new Error('下载失败，请稍后再试')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
}

const SPREADSHEET_TYPES: Record<string, string> = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
const GEOJSON_TYPES: Record<string, string> = { geojson: 'application/geo+json', json: 'application/geo+json' }

/** Lets the user pick one .xlsx or .csv file; undefined when they cancel. */
export const chooseSpreadsheet = () => chooseFile(SPREADSHEET_TYPES, '只能导入 Excel（.xlsx）或 CSV 文件')
/** Lets the user pick one GeoJSON file (.geojson or .json); undefined when they cancel. */
export const chooseGeoJson = () => chooseFile(GEOJSON_TYPES, '只能导入 GeoJSON（.geojson 或 .json）文件')

/** One file of the `types` (extension → content type) picked from a chat or, in H5, the file system; undefined when cancelled. */
async function chooseFile(
  types: Record<string, string>,
  wrongType: string,
): Promise<{ path: string; size: number; name: string; contentType: string } | undefined> {
  const typed = (path: string, size: number, name: string) => {
    const contentType = types[name.split('.').pop()?.toLowerCase() ?? '']
    if (!contentType) throw new Error(wrongType)
    return { path, size, name, contentType }
  }
  if (process.env.TARO_ENV === 'h5') {
    const input = Object.assign(document.createElement('input'), {
      type: 'file',
      accept: Object.keys(types)
        .map((x) => `.${x}`)
        .join(','),
    })
    const file = await new Promise<File | undefined>((resolve) => {
      input.onchange = () => resolve(input.files?.[0])
      input.click()
    })
    return file && typed(URL.createObjectURL(file), file.size, file.name)
  }
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: Object.keys(types) })
    const f = tempFiles[0]
    return f && typed(f.path, f.size, f.name)
  } catch {
    return undefined // cancelled
  }
}
