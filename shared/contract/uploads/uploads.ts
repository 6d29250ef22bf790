import * as z from 'zod'
import { defineRoute } from '../route'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
/** A household roster to import: CSV or Excel. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const rosterTypes = ['text/csv', XLSX_TYPE] as const
/** A district's grids to import: GeoJSON. */
export const GEOJSON_TYPE = 'application/geo+json'
/** What each purpose may upload (images for photos, a spreadsheet for a roster, GeoJSON for grids). */
const typesOf = {
  case_photo: imageTypes,
  result_photo: imageTypes,
  checkin_photo: imageTypes,
  roster_import: rosterTypes,
  grids_import: [GEOJSON_TYPE],
} as const

export const createUpload = defineRoute({
  method: 'POST',
  path: '/v1/uploads',
  summary: '申请上传文件：返回 S3 预签名表单（图片，导入住户台账的 CSV / Excel 表格，或导入网格边界的 GeoJSON；≤5 MB，5 分钟内有效）',
  action: 'uploads.create',
  status: 201,
  body: z
    .strictObject({
      purpose: z.enum(['case_photo', 'result_photo', 'checkin_photo', 'roster_import', 'grids_import'], {
        error: '用途只能是 case_photo、result_photo、checkin_photo、roster_import 或 grids_import',
      }),
      contentType: z.enum([...imageTypes, ...rosterTypes, GEOJSON_TYPE], { error: '只能上传 JPG、PNG、WebP 图片，CSV、Excel 表格或 GeoJSON 文件' }),
      size: z.number({ error: '文件大小必须是数字' }).int().min(1, '文件不能为空').max(MAX_UPLOAD_BYTES, '文件不能超过 5 MB'),
    })
    .refine((b) => (typesOf[b.purpose] as readonly string[]).includes(b.contentType), {
      message: '住户台账只能是 CSV 或 Excel（.xlsx）表格，网格边界只能是 GeoJSON 文件，照片只能是 JPG、PNG 或 WebP 图片',
      path: ['contentType'],
    }),
  response: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), key: z.string(), expiresAt: z.string() }),
})

export const photoKeySchema = z.string().regex(/^uploads\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(jpg|png|webp)$/, '图片标识不正确')
export const photoKeysSchema = z.array(photoKeySchema).max(9, '最多 9 张图片')

export const rosterFileKeySchema = z.string().regex(/^uploads\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(csv|xlsx)$/, '文件标识不正确')
