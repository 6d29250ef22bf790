/**
 * 五色预警: each grid's grade — red, orange, yellow, blue or green — from rules kept as data (DESIGN.md §3 "Command
 * centre"). Every rule that holds gives its grade and its reason; the grid's grade is the gravest, and all the reasons
 * that hold are shown with it, so a red grid says why it is red.
 */
export const grades = ['red', 'orange', 'yellow', 'blue', 'green'] as const
export type Grade = (typeof grades)[number]

export const gradeLabels: Record<Grade, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色', green: '绿色' }

/** What a grid's grade is read from: its gauges now and its cases this month. */
export interface GridFigures {
  /** 在办 now. */
  open: number
  /** 在办 past the stage's deadline now. */
  openOverdue: number
  /** Cases received this month. */
  receivedMonth: number
  /** Cases reopened (重办) this month. */
  reopenedMonth: number
  /** The most cases of one category reported in the grid this month (repeated complaints, 重复投诉). */
  repeatedMonth: number
  /**
   * Days since the grid's last check-in (0: one today), counted back only as far as the longest a rule asks
   * (at most PATROL_WINDOW_DAYS): a grid with none in that window counts the whole window.
   */
  daysUnpatrolled: number
}

/** The furthest back a grade rule may look for a grid's last patrol (one Query of the day's field work per day). */
export const PATROL_WINDOW_DAYS = 31

/** How many days of field work the rules need read (0 when none of them reads `daysUnpatrolled`). */
export const patrolWindow = (rules: readonly GradeRule[]) =>
  Math.min(PATROL_WINDOW_DAYS, Math.max(0, ...rules.filter((r) => r.figure === 'daysUnpatrolled').map((r) => r.atLeast)))

export interface GradeRule {
  grade: Exclude<Grade, 'green'>
  /** The figure the rule reads and the least value at which it holds. */
  figure: keyof GridFigures
  atLeast: number
  /** Said beside the grade; `{n}` is the grid's figure. */
  reason: string
}

/** The rules a district starts with. */
export const defaultGradeRules: readonly GradeRule[] = [
  { grade: 'red', figure: 'openOverdue', atLeast: 3, reason: '{n} 件超期未办结' },
  { grade: 'orange', figure: 'openOverdue', atLeast: 1, reason: '{n} 件超期未办结' },
  { grade: 'orange', figure: 'reopenedMonth', atLeast: 2, reason: '本月 {n} 件重办' },
  { grade: 'orange', figure: 'repeatedMonth', atLeast: 3, reason: '本月同类投诉 {n} 件' },
  { grade: 'yellow', figure: 'open', atLeast: 10, reason: '在办 {n} 件' },
  { grade: 'blue', figure: 'receivedMonth', atLeast: 10, reason: '本月受理 {n} 件' },
]

/** The grid's grade and the reasons for it (green, with none, when no rule holds). */
export function gradeOf(f: GridFigures, rules: readonly GradeRule[] = defaultGradeRules): { grade: Grade; reasons: string[] } {
  const held = rules.filter((r) => f[r.figure] >= r.atLeast).sort((a, b) => grades.indexOf(a.grade) - grades.indexOf(b.grade))
  if (!held.length) return { grade: 'green', reasons: [] }
  const grade = grades.find((g) => held.some((r) => r.grade === g))!
  // A figure counts once: the gravest rule on it says its reason.
  const said = held.filter((r, i) => held.findIndex((x) => x.figure === r.figure) === i)
  return { grade, reasons: said.map((r) => r.reason.replace('{n}', String(f[r.figure]))) }
}
