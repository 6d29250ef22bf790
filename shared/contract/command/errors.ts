/** Error codes of the command centre: code → HTTP status and zh-CN message. */
export const commandErrors = {
  // The node watched is not a district or street of the caller's district (or not one they watch).
  'command.notFound': { status: 404, message: '本辖区没有这一街道' },
} as const
