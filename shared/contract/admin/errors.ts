/** Error codes of district administration: code → HTTP status and zh-CN message. */
export const adminErrors = {
  // A department or category names a node, class or department the district does not have (the field says which).
  'admin.unknownReference': { status: 422, message: '引用的网格、部门或分类不存在' },
  // A grids file with problems: each field names a feature (`features.<i>…`) and says what is wrong with it.
  'admin.gridsInvalid': { status: 422, message: '网格边界文件有问题，未导入任何数据' },
} as const
