/** Interop as the platform composes it (functions/src/families.ts): its partners; the cases it shows and takes are the case loop's. */
import type { Family } from '../../family'
import { makeInteropEntities } from '../../db/interop/entities'
import { makePartnersRepo } from '../../db/interop/repo'
import { interopPatterns } from '../../db/interop/patterns'
import type { PartnersRepo } from './ports'

export const interopFamily: Family<ReturnType<typeof makeInteropEntities>, { partners: PartnersRepo }> = {
  name: 'interop',
  storage: { entities: makeInteropEntities, repos: (e) => ({ partners: makePartnersRepo(e) }) },
  patterns: interopPatterns,
}
