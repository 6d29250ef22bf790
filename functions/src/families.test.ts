/** The one list of families: each subject kind is one family's, and work nobody claims is an error, not a case. */
import { dueWork, families, fanOuts } from './families'
import type { Deps } from './services/deps'

const claimed = (part: 'fanOuts' | 'due') => families.flatMap((f) => Object.keys(f[part] ?? {}))

it('gives each subject kind to one family only', () => {
  for (const part of ['fanOuts', 'due'] as const) expect(new Set(claimed(part)).size).toBe(claimed(part).length)
  // `role` is the platform's own: a revoked role's work, run through every family's part.
  expect(Object.keys(fanOuts).sort()).toEqual([...claimed('fanOuts'), 'role'].sort())
  expect(new Set(families.map((f) => f.name)).size).toBe(families.length)
})

it('refuses timed work on a subject no family claims', async () => {
  await expect(dueWork({} as Deps, { subject: 'parcel', districtId: 'd', id: 'x' })).rejects.toThrow('no family does timed work on a parcel')
})
