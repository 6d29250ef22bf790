/**
 * Scenario builders: a test file's own district — the demo's tree, departments, taxonomy and rooms under a fresh id —
 * and its own people in it, so what the file writes is met by no other test and the demo districts stay as seeded.
 */
import type { Role } from '@linli/shared'
import { districtLikeDemo, seedPersona } from '../../../infra/seed'
import { cloud, login, repos, uniqueOpenid } from './client'

export async function newDistrict(tag: string) {
  const id = `t-${tag}-${Math.random().toString(36).slice(2, 8)}`
  const catalogue = districtLikeDemo({ id, name: `测试区${id.slice(-4)}`, casePrefix: 'TS' })
  await repos().catalogue.save(catalogue)
  /** A person of this district: a resident, or staff bound to `scopeId` (the district itself for an admin). */
  const person = async (role: Role, name: string, scopeId = id) => {
    const openid = uniqueOpenid(`${tag}-${role}`)
    await seedPersona(repos(), catalogue, { openid, name, role, scopeId, phone: '13900009900', title: '' }, cloud().env.ID_SALT!)
    return login(openid)
  }
  return { id, catalogue, person }
}
