/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { gridTree, getGrid, locateGrid } from './grids'
import { listCategories } from './categories'
import { listDepartments } from './departments'
import { rule, type Permission } from '../../domain/permission-rules'
import { only, signedIn, open, type RouteAccess } from '../../domain/access'

export const routes = {
  gridsTree: gridTree,
  gridsGet: getGrid,
  gridsLocate: locateGrid,
  categoriesList: listCategories,
  departmentsList: listDepartments,
} as const

export { districtErrors as errors } from './errors'

export const permissions = {
  'grids.read': rule.publicRead,
  'categories.read': rule.signedIn,
  'departments.list': { roles: ['dispatcher'], scope: 'none' },
} as const satisfies Record<string, Permission>

export const access = {
  gridsTree: open(200),
  gridsGet: open({ own: 200 }),
  gridsLocate: open(200),
  categoriesList: signedIn(200),
  departmentsList: only(['dispatcher'], 200),
} as const satisfies Record<string, RouteAccess>
