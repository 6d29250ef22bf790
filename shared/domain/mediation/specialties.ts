/** The kinds of dispute rooms take and mediators specialise in (DESIGN.md §3 "Mediation"). */
export const specialties = ['marriage_family', 'neighbour', 'property', 'labour', 'injury', 'land'] as const
export type Specialty = (typeof specialties)[number]

export const specialtyLabels: Record<Specialty, string> = {
  marriage_family: '婚姻家庭',
  neighbour: '邻里纠纷',
  property: '物业纠纷',
  labour: '劳动争议',
  injury: '人身损害',
  land: '土地纠纷',
}
