/**
 * Seeds the demo districts once: catalogue (grid tree, departments, rooms, categories) and the personas. The second
 * district, 临溪区, reuses the first one's ids (`dept-water`, `g-liuan-1` …): tenancy keeps them apart.
 */
import type { Repos } from '@linli/functions/src/db'
import type { Catalogue } from '@linli/functions/src/services/district/ports'
import { userIdFor } from '@linli/functions/src/adapters/ids'
import { demoCategories } from './categories'
import { buildNodes, demoDepartments, demoDistrict, demoNodes, demoRooms, DEMO_DISTRICT_ID } from './district'
import { demoPersonas, secondDistrictPersonas, type Persona } from './personas'
import { seedMediators } from './mediation'
import { seedHouseholds } from './households'
import type { Pii } from '@linli/functions/src/adapters/pii'

export { demoPersonas, secondDistrictPersonas, DEMO_DISTRICT_ID }
export const SECOND_DISTRICT_ID = 'linxi'

/** A district's catalogue as the demo's: the tree of `nodes`, the default departments and taxonomy, the rooms. */
const catalogueOf = (district: Catalogue['district'], nodes: Catalogue['nodes']): Catalogue => ({
  district,
  nodes,
  departments: demoDepartments.map((d) => ({ ...d, nodeId: district.id })),
  rooms: demoRooms,
  classes: demoCategories.map(({ id, name, order, sensitive, mediable }) => ({ id, name, order, sensitive, mediable })),
  categories: demoCategories.flatMap((c) => c.items.map((i) => ({ ...i, classId: c.id }))),
})

export const demoCatalogue = catalogueOf(demoDistrict, demoNodes)
/** A district like the demo's (the same tree ids, departments, taxonomy and rooms) under its own id: tenancy keeps them apart. */
export const districtLikeDemo = (district: Catalogue['district']) => catalogueOf(district, buildNodes(district.id, district.name))
export const secondCatalogue = districtLikeDemo({ id: SECOND_DISTRICT_ID, name: '临溪区', casePrefix: 'LX' })

/** Returns 'present' without writing when the districts exist already (a second start changes nothing). */
export async function seedDemo(
  repos: Pick<Repos, 'catalogue' | 'users' | 'mediation' | 'households' | 'householdLinks'>,
  idSalt: string,
  pii: Pii,
): Promise<'seeded' | 'present'> {
  let seeded = false
  for (const [catalogue, personas] of [
    [demoCatalogue, demoPersonas],
    [secondCatalogue, secondDistrictPersonas],
  ] as const) {
    if (await repos.catalogue.load(catalogue.district.id)) continue
    // Personas first, catalogue last: the catalogue's presence is what marks the seed as done.
    for (const p of personas) await seedPersona(repos, catalogue, p, idSalt)
    await repos.catalogue.save(catalogue)
    seeded = true
  }
  if ((await seedMediators(repos, DEMO_DISTRICT_ID, idSalt)) === 'seeded') seeded = true
  if ((await seedHouseholds(repos, pii, idSalt, DEMO_DISTRICT_ID)) === 'seeded') seeded = true
  return seeded ? 'seeded' : 'present'
}

/** A persona's account and, for staff, their role in `catalogue`'s district. */
export async function seedPersona(repos: Pick<Repos, 'users'>, catalogue: Catalogue, p: Persona, idSalt: string) {
  const districtId = catalogue.district.id
  const userId = userIdFor(p.openid, idSalt)
  await repos.users.put({ id: userId, districtId, name: p.name, phone: p.phone, openid: p.openid })
  if (p.role === 'resident') return
  const scope = [...catalogue.nodes, ...catalogue.departments, ...catalogue.rooms].find((x) => x.id === p.scopeId)
  if (!scope) throw new Error(`persona scope ${p.scopeId} for ${p.role} is not in ${districtId}`)
  await repos.users.putRole(userId, { role: p.role, scopeId: p.scopeId, scopeName: scope.name, districtId }, 'seed', p.name)
}
