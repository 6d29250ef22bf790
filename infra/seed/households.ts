/**
 * The demo roster of 柳岸社区第一网格 (李建国's grid): a dozen households, some with care tags, entered weeks ago so
 * the due-to-visit list has work on it. Personal fields are sealed like any household's (the local key). The demo
 * resident 王小梅 is linked to 卫秀珍's household (3栋1单元101室), so a notice of the grid reaches her.
 */
import type { Repos } from '@linli/functions/src/db'
import type { Pii } from '@linli/functions/src/adapters/pii'
import { sealHousehold } from '@linli/functions/src/services/field/households'
import type { CareTag } from '@linli/shared'
import { userIdFor } from '@linli/functions/src/adapters/ids'

const GRID = { id: 'g-liuan-1', name: '柳岸社区第一网格' }
const DAY = 86_400_000

const roster: { building: string; room: string; headName: string; members: number; careTags: CareTag[]; enteredDaysAgo: number; notes?: string }[] = [
  { building: '1', room: '101', headName: '周桂英', members: 1, careTags: ['elderly_alone'], enteredDaysAgo: 20, notes: '82 岁，独居，女儿在深圳' },
  { building: '1', room: '202', headName: '吴建华', members: 3, careTags: ['low_income'], enteredDaysAgo: 45 },
  { building: '1', room: '301', headName: '郑小燕', members: 2, careTags: ['left_behind_child'], enteredDaysAgo: 16, notes: '父母在外务工，由奶奶照看' },
  { building: '2', room: '102', headName: '冯德明', members: 2, careTags: ['disabled', 'low_income'], enteredDaysAgo: 9 },
  { building: '2', room: '201', headName: '陈玉兰', members: 4, careTags: [], enteredDaysAgo: 60 },
  { building: '2', room: '302', headName: '褚国强', members: 1, careTags: ['elderly_alone', 'key_attention'], enteredDaysAgo: 3 },
  { building: '3', room: '101', headName: '卫秀珍', members: 5, careTags: [], enteredDaysAgo: 60 },
  { building: '3', room: '203', headName: '蒋志刚', members: 3, careTags: ['key_attention'], enteredDaysAgo: 10 },
  { building: '3', room: '304', headName: '沈丽华', members: 2, careTags: [], enteredDaysAgo: 30 },
  { building: '4', room: '102', headName: '韩永福', members: 1, careTags: ['elderly_alone'], enteredDaysAgo: 2 },
  { building: '4', room: '201', headName: '杨春梅', members: 3, careTags: ['disabled'], enteredDaysAgo: 40 },
  { building: '4', room: '303', headName: '朱海波', members: 4, careTags: [], enteredDaysAgo: 15 },
]

export async function seedHouseholds(
  repos: Pick<Repos, 'households' | 'householdLinks'>,
  pii: Pii,
  idSalt: string,
  districtId: string,
  now = Date.now(),
): Promise<'seeded' | 'present'> {
  if (await repos.households.get(districtId, 'hh-liuan-1-01')) return 'present'
  for (const [i, h] of roster.entries()) {
    const createdAt = new Date(now - h.enteredDaysAgo * DAY).toISOString()
    const householdId = `hh-liuan-1-${String(i + 1).padStart(2, '0')}`
    const record = await sealHousehold(
      { pii, idSalt },
      { districtId, householdId, gridId: GRID.id, gridName: GRID.name, createdAt },
      {
        building: h.building,
        unit: '1',
        room: h.room,
        headName: h.headName,
        members: h.members,
        phone: `1390000${String(2000 + i).padStart(4, '0')}`,
        careTags: h.careTags,
        notes: h.notes ?? '',
      },
      1,
      createdAt,
    )
    await repos.households.put(record, undefined, [])
  }
  const userId = userIdFor('o-demo-resident', idSalt)
  const door = { building: '3', unit: '1', room: '101' }
  const link = {
    districtId,
    userId,
    userName: '王小梅',
    gridId: GRID.id,
    gridName: GRID.name,
    householdId: 'hh-liuan-1-07',
    sealed: await pii.seal(districtId, `link:${userId}`, { door: JSON.stringify(door) }),
    status: 'pending' as const,
    requestedAt: new Date(now - 7 * DAY).toISOString(),
  }
  if (await repos.householdLinks.request(link, undefined)) await repos.householdLinks.approve(link, new Date(now - 6 * DAY).toISOString())
  return 'seeded'
}
