/** District administration as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeAdminEntities } from '../../db/admin/entities'
import { makeAdminRepo } from '../../db/admin/repo'
import { adminPatterns } from '../../db/admin/patterns'
import type { AdminRepo } from './ports'

export const adminFamily: Family<ReturnType<typeof makeAdminEntities>, { admin: AdminRepo }> = {
  name: 'admin',
  storage: { entities: makeAdminEntities, repos: (e) => ({ admin: makeAdminRepo(e) }) },
  patterns: adminPatterns,
}
