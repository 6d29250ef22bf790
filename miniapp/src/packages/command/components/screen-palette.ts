/** The command centre's colours: dark in both modes, as a wall display is; the five grades in their customary colours. */
import type { Grade } from '@linli/shared'

export const GRADE_COLOURS: Record<Grade, string> = { red: '#e5484d', orange: '#f76b15', yellow: '#f5c518', blue: '#3e7bfa', green: '#30a46c' }
/** `room`: the rooms' pins, a violet apart from the five grades and the cases' white dots; `ink`: a number on a white dot. */
export const SCREEN_COLOURS = { text: '#ffffff', border: '#9cc3ff', room: '#b48cff', ink: '#1a1a1a' } as const
