/** Error codes of the uploads family: code → HTTP status and zh-CN message. */
export const uploadErrors = {
  'upload.invalid': { status: 400, message: '图片无效' },
} as const
