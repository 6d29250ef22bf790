/** The district's catalogue (grid tree, departments, rooms, categories) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeDistrictEntities } from '../../db/district/entities'
import { makeCatalogueRepo } from '../../db/district/catalogue-repo'
import { districtPatterns } from '../../db/district/patterns'
import type { CatalogueRepo } from './ports'

export const districtFamily: Family<ReturnType<typeof makeDistrictEntities>, { catalogue: CatalogueRepo }> = {
  name: 'district',
  storage: {
    entities: makeDistrictEntities,
    repos: (e) => ({ catalogue: makeCatalogueRepo(e) }),
  },
  patterns: districtPatterns,
}
