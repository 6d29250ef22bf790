/** Seeds the demo district once: catalogue (grid tree, departments, rooms, categories) and the personas. */
import type { Repos } from '@linli/functions/src/db'
import { userIdFor } from '@linli/functions/src/adapters/ids'
import { roleSpecs } from '@linli/shared'
import { demoCategories } from './categories'
import { demoDepartments, demoDistrict, demoNodes, demoRooms, DEMO_DISTRICT_ID } from './district'
import { demoPersonas } from './personas'

export { demoPersonas, DEMO_DISTRICT_ID }

export const demoCatalogue = {
  district: demoDistrict,
  nodes: demoNodes,
  departments: demoDepartments.map((d) => ({ ...d, nodeId: DEMO_DISTRICT_ID })),
  rooms: demoRooms,
  classes: demoCategories.map(({ id, name, order }) => ({ id, name, order })),
  categories: demoCategories.flatMap((c) => c.items.map((i) => ({ ...i, classId: c.id }))),
}

/** Returns 'present' without writing when the district exists already (a second start changes nothing). */
export async function seedDemo(repos: Pick<Repos, 'catalogue' | 'users'>, idSalt: string): Promise<'seeded' | 'present'> {
  if (await repos.catalogue.load(DEMO_DISTRICT_ID)) return 'present'
  // Personas first, catalogue last: the catalogue's presence is what marks the seed as done.
  for (const p of demoPersonas) {
    const userId = userIdFor(p.openid, idSalt)
    await repos.users.put({ id: userId, districtId: DEMO_DISTRICT_ID, name: p.name, phone: p.phone, openid: p.openid })
    if (p.role !== 'resident') {
      await repos.users.putRole(userId, { role: p.role, scopeId: p.scopeId, scopeName: scopeName(p.role, p.scopeId), districtId: DEMO_DISTRICT_ID }, 'seed', p.name)
    }
  }
  await repos.catalogue.save(demoCatalogue)
  return 'seeded'
}

function scopeName(role: keyof typeof roleSpecs, scopeId: string): string {
  const all = [...demoNodes, ...demoDepartments, ...demoRooms]
  const found = all.find((x) => x.id === scopeId)
  if (!found) throw new Error(`persona scope ${scopeId} for ${role} is not in the demo district`)
  return found.name
}
