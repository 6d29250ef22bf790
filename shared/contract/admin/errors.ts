/** Error codes of district administration: code → HTTP status and zh-CN message. */
export const adminErrors = {
  // A department or category names a node, class or department the district does not have (the field says which).
  'admin.unknownReference': { status: 422, message: '引用的网格、部门或分类不存在' },
} as const
