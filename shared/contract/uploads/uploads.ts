import { z } from 'zod'
import { defineRoute } from '../route'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const

export const createUpload = defineRoute({
  method: 'POST',
  path: '/v1/uploads',
  summary: '申请上传图片：返回 S3 预签名表单（仅图片，≤5 MB，5 分钟内有效）',
  action: 'uploads.create',
  status: 201,
  body: z.strictObject({
    purpose: z.enum(['case_photo', 'result_photo', 'checkin_photo'], { error: '用途只能是 case_photo、result_photo 或 checkin_photo' }),
    contentType: z.enum(imageTypes, { error: '只能上传 JPG、PNG 或 WebP 图片' }),
    size: z.number({ error: '文件大小必须是数字' }).int().min(1, '文件不能为空').max(MAX_UPLOAD_BYTES, '图片不能超过 5 MB'),
  }),
  response: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), key: z.string(), expiresAt: z.string() }),
})

export const photoKeySchema = z.string().regex(/^uploads\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(jpg|png|webp)$/, '图片标识不正确')
export const photoKeysSchema = z.array(photoKeySchema).max(9, '最多 9 张图片')
