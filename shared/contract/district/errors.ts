/** Error codes of the district family: code → HTTP status and zh-CN message. */
export const districtErrors = {
  'grid.notFound': { status: 404, message: '网格不存在' },
  'grid.outsideDistrict': { status: 404, message: '该位置不在本辖区范围内' },
  'category.notFound': { status: 400, message: '问题分类不存在' },
  'location.outsideDistrict': { status: 400, message: '位置不在本辖区范围内' },
  'location.gridNotFound': { status: 400, message: '网格不存在' },
  'department.notFound': { status: 400, message: '部门不存在' },
  'official.notFound': { status: 400, message: '所选人员不是该部门的工作人员' },
} as const
