/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { adminCatalogue, adminCategoryPut, adminChanges, adminDepartmentPut } from './catalogue'
import { adminGridsExport, adminGridsImport, adminGridsPreview } from './grids'
import { adminStaff } from './staff'
import type { Permission } from '../../domain/permission-rules'
import { only, type RouteAccess } from '../../domain/access'

export const routes = {
  adminCatalogueGet: adminCatalogue,
  adminDepartmentsPut: adminDepartmentPut,
  adminCategoriesPut: adminCategoryPut,
  adminChangesList: adminChanges,
  adminGridsPreview,
  adminGridsImport,
  adminGridsExport,
  adminStaffList: adminStaff,
} as const

export { adminErrors as errors } from './errors'

export const permissions = {
  // The district's own admins edit its reference data and read what was changed.
  'admin.catalogue': { roles: ['admin'], scope: 'district' },
  'admin.changes': { roles: ['admin'], scope: 'district' },
  'admin.grids': { roles: ['admin'], scope: 'district' },
  'admin.staff': { roles: ['admin'], scope: 'district' },
} as const satisfies Record<string, Permission>

export const access = {
  adminCatalogueGet: only(['admin'], 200),
  // The probes name a street of the caller's district that no department has: the admin gets past the role check to 422.
  adminDepartmentsPut: only(['admin'], 422),
  adminCategoriesPut: only(['admin'], 422),
  adminChangesList: only(['admin'], 200),
  // The probes name an upload that is not the caller's: the admin gets past the role check to a 400.
  adminGridsPreview: only(['admin'], 400),
  adminGridsImport: only(['admin'], 400),
  adminGridsExport: only(['admin'], 200),
  adminStaffList: only(['admin'], 200),
} as const satisfies Record<string, RouteAccess>
