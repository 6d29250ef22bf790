import { gridTree, getGrid, locateGrid } from './grids'
import { listCategories } from './categories'
import { listDepartments } from './departments'

export const districtRoutes = {
  gridsTree: gridTree,
  gridsGet: getGrid,
  gridsLocate: locateGrid,
  categoriesList: listCategories,
  departmentsList: listDepartments,
} as const
