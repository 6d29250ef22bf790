/**
 * The demo district's mediators (说事室): their public profiles and weekly hours. Seeded once, on its own (a local
 * database from before mediation existed gets them on the next start).
 */
import type { Repos } from '@linli/functions/src/db'
import { userIdFor } from '@linli/functions/src/adapters/ids'
import type { Specialty } from '@linli/shared'

interface DemoMediator {
  openid: string
  roomId: string
  brand?: string
  specialties: Specialty[]
  intro: string
  /** weekday(s), start, end, session and buffer minutes */
  hours: { weekdays: number[]; start: string; end: string; session: number; buffer: number }[]
}

const weekdays = [1, 2, 3, 4, 5]

export const demoMediators: DemoMediator[] = [
  {
    openid: 'o-demo-mediator',
    roomId: 'room-qingshi',
    specialties: ['marriage_family', 'neighbour'],
    intro: '青石街道司法所退休干部，从事人民调解 12 年，擅长婚姻家庭和邻里纠纷。',
    hours: [{ weekdays, start: '09:00', end: '12:00', session: 60, buffer: 0 }],
  },
  {
    openid: 'o-demo-mediator2',
    roomId: 'room-qingshi',
    brand: '老李说事',
    specialties: ['neighbour', 'property'],
    intro: '老党员、老居民，大家叫他“老李”。物业、停车、噪音这些事，坐下来说开就好。',
    hours: [{ weekdays, start: '14:00', end: '17:00', session: 45, buffer: 15 }],
  },
  {
    openid: 'o-demo-mediator3',
    roomId: 'room-liuan',
    specialties: ['marriage_family', 'neighbour', 'injury'],
    intro: '柳岸社区调委会主任，心理咨询师，耐心细致。',
    hours: [
      { weekdays: [1, 3, 5], start: '09:00', end: '12:00', session: 60, buffer: 0 },
      { weekdays: [6], start: '09:00', end: '11:00', session: 60, buffer: 0 },
    ],
  },
  {
    openid: 'o-demo-mediator4',
    roomId: 'room-bailu',
    specialties: ['land', 'labour'],
    intro: '白鹭镇调委会委员，熟悉土地承包和劳务纠纷政策。',
    hours: [{ weekdays: [2, 4], start: '14:00', end: '18:00', session: 60, buffer: 0 }],
  },
]

export async function seedMediators(repos: Pick<Repos, 'mediation' | 'users'>, districtId: string, idSalt: string): Promise<'seeded' | 'present'> {
  const ids = demoMediators.map((m) => userIdFor(m.openid, idSalt))
  if ((await repos.mediation.profiles(districtId, ids.slice(-1))).length) return 'present'
  for (const [i, m] of demoMediators.entries()) {
    const user = await repos.users.getWithRoles(ids[i]!)
    if (!user) throw new Error(`mediator ${m.openid} is not seeded as a persona: delete .data/ (it was written before mediation existed)`)
    const me = { id: user.user.id, name: user.user.name }
    const rules = m.hours.flatMap((h) =>
      h.weekdays.map((weekday) => ({ weekday, start: h.start, end: h.end, sessionMinutes: h.session, bufferMinutes: h.buffer })),
    )
    await repos.mediation.replaceRules(districtId, m.roomId, me, 0, rules)
    // The profile last: its presence marks the seed as done.
    await repos.mediation.putProfile({
      districtId,
      userId: me.id,
      name: me.name,
      brand: m.brand,
      specialties: m.specialties,
      intro: m.intro,
      roomIds: [m.roomId],
      held: 0,
      agreements: 0,
    })
  }
  return 'seeded'
}
