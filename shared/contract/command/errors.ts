/** Error codes of the command centre: code → HTTP status and zh-CN message. */
export const commandErrors = {
  // The node watched is not a district or street of the caller's district (or not one they watch).
  'command.notFound': { status: 404, message: '本辖区没有这一街道' },
  // More cases than one export answers at once: the field says how many it holds.
  'command.exportTooLarge': { status: 422, message: '要导出的事件太多，请缩短时间段或选择下级单位' },
} as const
